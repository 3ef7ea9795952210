// Every row the dashboard's index picks out, live. Loaded when the list needs every row (once the first screenful,
// read by the background, is drawn; at once for a filter the index cannot answer) and by the figures: this is
// where the dashboard's database code (Dexie, the record schemas) comes in.
import { liveQuery, type Observable } from 'dexie';
import { database } from '../../lib/browser/database';
import type { IndexedNarrowing } from '../../lib/views/dashboard';
import { dashboardRows } from '../../lib/db/escalations';
import type { Escalation } from '../../lib/records/model';

export async function everyRow(narrowing: IndexedNarrowing): Promise<Observable<Escalation[]>> {
  const db = await database();
  return liveQuery(() => dashboardRows(db, narrowing));
}

/** Every escalation on this device, live (the figures). */
export async function allEscalations(): Promise<Observable<Escalation[]>> {
  const db = await database();
  return liveQuery(() => db.escalations.toArray());
}
