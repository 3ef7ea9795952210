// One database connection per extension page, opened on first use.
import { openEscalationDb, requestPersistentStorage, type EscalationDb } from '../db';

let opening: Promise<EscalationDb> | undefined;

export function database(): Promise<EscalationDb> {
  opening ??= openEscalationDb().catch((error) => {
    opening = undefined; // let the person try again after closing other tabs
    throw error;
  });
  return opening;
}

export { requestPersistentStorage };
