// Records for the extension's own top-level pages (side panel, dashboard, records): the database
// directly, first-party, with the same queries and changes the background serves to the in-page panel
// (lib/records/run.ts). After a change the background is told, to redraw the badge, reminders and chips.
import { liveQuery } from 'dexie';
import { InvalidInputError, TransitionError } from '../records/errors';
import { runCommand, runQuery } from '../records/run';
import { database } from './database';
import { announceRecordsChanged, NotSavedError, type Records } from './records-bridge';
import { loadSettings } from './settings-storage';

export function directRecords(
  openDb = database,
  closureDays = async () => (await loadSettings()).values.closureDays,
  announce = announceRecordsChanged,
): Records {
  return {
    subscribe(query, onValue, onError = () => {}) {
      let stopped = false;
      let subscription: { unsubscribe(): void } | undefined;
      openDb().then((db) => {
        if (stopped) return;
        subscription = liveQuery(() => runQuery(db, query)).subscribe({
          next: (value) => onValue(value as Parameters<typeof onValue>[0]),
          error: onError,
        });
      }, onError);
      return () => {
        stopped = true;
        subscription?.unsubscribe();
      };
    },
    async command(command) {
      let saved;
      try {
        saved = await runCommand(await openDb(), command, await closureDays());
      } catch (error) {
        // The rules' refusals are the worker's to read; anything else failed before the change committed.
        if (error instanceof InvalidInputError || error instanceof TransitionError) throw error;
        throw new NotSavedError();
      }
      announce();
      return saved;
    },
  };
}
