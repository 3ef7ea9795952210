import { describe, expect, it } from 'vitest';
import { childStatus } from '../../lib/background/child-status';
import { createEscalation, recordEvent } from '../../lib/db/escalations';
import { freshDb, MON, newEscalation } from './fixtures/escalations';

describe('the launcher’s status line', () => {
  it('shows only the most urgent open escalation’s stage and time left, and how many more are open', async () => {
    const db = await freshDb();
    const a = await createEscalation(db, newEscalation('herefordshire'), { at: MON });
    await recordEvent(db, a.id, { type: 'stage-entered', stageId: 'stage-1', reason: 'unresolved' }, { at: MON }); // due Thu 26 Nov
    const b = await createEscalation(db, newEscalation('pan-cheshire'), { at: MON }); // due Tue 24 Nov
    const closed = await createEscalation(db, newEscalation('halton'), { at: MON });
    const resolved = await recordEvent(db, closed.id, { type: 'resolved', methodology: 'x', stageId: 'initial' }, { at: MON });
    const all = [await db.escalations.get(a.id), await db.escalations.get(b.id), resolved].map((e) => e!);
    expect(childStatus(all, new Date('2026-11-23T12:00:00Z'))).toEqual({
      open: 2,
      text: 'Initial discussion · due by the end of the next working day (+1 more open)',
      overdue: false,
    });
    expect(childStatus(all, new Date('2026-11-25T12:00:00Z'))).toMatchObject({
      text: 'Initial discussion · overdue by 1 working day (+1 more open)',
      overdue: true,
    });
    expect(childStatus([resolved], new Date(MON))).toEqual({ open: 0, text: null, overdue: false });
  });
});
