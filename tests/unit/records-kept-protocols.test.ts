// Issue 39 item 7: a protocol a backup brought can be removed from the library every page reads once nothing
// follows it (before, it stayed for good).
import { readFileSync } from 'node:fs';
import { fakeBrowser } from 'wxt/testing';
import { beforeEach, expect, it, vi } from 'vitest';
import { freshDb, MON, newEscalation } from './fixtures/escalations';

const GLEN_MORAY = JSON.parse(readFileSync(new URL('../fixtures/protocols/glen-moray.json', import.meta.url), 'utf8'));

beforeEach(() => fakeBrowser.reset());

it('a definition from a backup is removable once no escalation here follows it, and not before', async () => {
  vi.resetModules();
  const stored = await import('../../lib/browser/protocols');
  const { exportBackup, importBackup } = await import('../../lib/db/backup');
  const { createEscalation, protocolVersionsInUse } = await import('../../lib/db/escalations');
  const { rememberDefinitions, setProtocols } = await import('../../lib/protocols');
  const { parseProtocol } = await import('../../lib/protocols/read');
  const { PROTOCOL_LIBRARY_ITEM } = await import('../../lib/browser/storage');
  await stored.protocolsReady();
  // Another device, where Glen Moray was deployed, makes a backup with one escalation under it.
  const deployed = parseProtocol(GLEN_MORAY);
  rememberDefinitions([deployed]);
  setProtocols('organisation', [deployed]);
  const elsewhere = await freshDb();
  const made = await createEscalation(elsewhere, newEscalation('glen-moray'), { at: MON });
  const backup = JSON.stringify(await exportBackup(elsewhere));

  setProtocols('organisation', []); // this device has no such policy
  const here = await freshDb();
  await importBackup(here, backup, stored.keepBackupDefinitions);
  expect((await PROTOCOL_LIBRARY_ITEM.get()).definitions.length).toBe(1);
  // Followed by the escalation restored: not offered, and refused if asked.
  expect(await stored.definitionsNothingFollows(await protocolVersionsInUse(here))).toEqual([]);
  expect(await stored.forgetDefinition('glen-moray@1', await protocolVersionsInUse(here))).toBe(false);

  // Once nothing follows it (the escalation deleted), it can be removed.
  await here.escalations.delete(made.id);
  await here.events.where('escalationId').equals(made.id).delete();
  const inUse = await protocolVersionsInUse(here);
  expect(await stored.definitionsNothingFollows(inUse)).toEqual([{ key: 'glen-moray@1', title: GLEN_MORAY.title }]);
  expect(await stored.forgetDefinition('glen-moray@1', inUse)).toBe(true);
  expect((await PROTOCOL_LIBRARY_ITEM.get()).definitions).toEqual([]);
});
