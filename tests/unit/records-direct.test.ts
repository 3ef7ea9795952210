// The records as the side panel, dashboard and popup use them: the database directly, with the same
// queries and changes the background serves to the in-page panel.
import { describe, expect, it, vi } from 'vitest';
import { directRecords } from '../../lib/browser/records-direct';
import { NotSavedError } from '../../lib/records/commands';
import { InvalidInputError } from '../../lib/records/errors';
import type { Escalation } from '../../lib/records/model';
import { freshDb, MON, newEscalation } from './fixtures/escalations';

const CHANGE = '9b7c0c1e-2f7a-4c55-8a3e-0000000000aa';

describe('records used directly', () => {
  it('a change is written once however often it is sent, the background is told, and a live query sees it', async () => {
    const db = await freshDb();
    const announce = vi.fn();
    const records = directRecords(
      async () => db,
      async () => ({}),
      announce,
    );
    const seen: Escalation[][] = [];
    const stop = records.subscribe({ kind: 'for-child', hostId: 'demo', childId: '1000001' }, (list) => seen.push(list));
    const command = { kind: 'create' as const, changeId: CHANGE, input: newEscalation('herefordshire'), by: 'Jo Patel', at: MON };
    const [first, second] = await Promise.all([records.command(command), records.command(command)]);
    expect(first.id).toBe(second.id);
    expect(await db.escalations.count()).toBe(1);
    expect(announce).toHaveBeenCalled();
    await vi.waitFor(() => expect(seen.at(-1)).toHaveLength(1));
    stop();
  });

  it('the rules’ refusals reach the worker as they are; any other failure says it was not saved', async () => {
    const db = await freshDb();
    const records = directRecords(
      async () => db,
      async () => ({}),
      () => {},
    );
    const bad = { kind: 'create' as const, changeId: crypto.randomUUID(), input: { ...newEscalation('herefordshire'), kind: 'nonsense' } };
    await expect(records.command(bad as never)).rejects.toBeInstanceOf(InvalidInputError);
    const broken = directRecords(
      () => Promise.reject(new Error('QuotaExceededError: the disk is full')),
      async () => ({}),
      () => {},
    );
    const good = { kind: 'create' as const, changeId: crypto.randomUUID(), input: newEscalation('herefordshire') };
    await expect(broken.command(good)).rejects.toBeInstanceOf(NotSavedError);
    // A query that cannot open the database says so instead of staying silent.
    const errors: Error[] = [];
    broken.subscribe(
      { kind: 'escalation', id: 'x' },
      () => {},
      (e) => errors.push(e),
    );
    await vi.waitFor(() => expect(errors).toHaveLength(1));
  });
});
