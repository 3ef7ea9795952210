// What the "Your records" page does to the whole store on this device, bound to this page's database connection:
// backup and restore, the retention period's deletion, and which protocol versions records follow. Components
// reach the database only through lib/browser (the layer rule in eslint.config.mjs); these are whole-store
// operations, not records queries, so they are not query kinds of the records client.
import { exportBackup, importBackup } from '../db/backup';
import { protocolVersionsInUse } from '../db/escalations';
import { purgeCandidates, purgeEscalations } from '../db/retention';
import { database } from './database';

export { BackupFileError, type ImportReport } from '../db/backup';

type Rest<F> = F extends (db: never, ...rest: infer R) => unknown ? R : never;

export interface RecordsKeeping {
  backup(...args: Rest<typeof exportBackup>): ReturnType<typeof exportBackup>;
  restore(...args: Rest<typeof importBackup>): ReturnType<typeof importBackup>;
  closedPastRetention(...args: Rest<typeof purgeCandidates>): ReturnType<typeof purgeCandidates>;
  deleteClosed(...args: Rest<typeof purgeEscalations>): ReturnType<typeof purgeEscalations>;
  protocolVersionsInUse(): ReturnType<typeof protocolVersionsInUse>;
}

/** Opens this page's database (once per page) and offers what the page may do to the whole store. */
export async function openRecordsKeeping(): Promise<RecordsKeeping> {
  const db = await database();
  return {
    backup: (...args) => exportBackup(db, ...args),
    restore: (...args) => importBackup(db, ...args),
    closedPastRetention: (...args) => purgeCandidates(db, ...args),
    deleteClosed: (...args) => purgeEscalations(db, ...args),
    protocolVersionsInUse: () => protocolVersionsInUse(db),
  };
}
