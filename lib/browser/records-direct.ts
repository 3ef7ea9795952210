// Records from the database opened in the page itself (first-party): for the pages that read many records at once
// (the dashboard, the records page), which would otherwise wait on every row crossing from the background. The same
// query kinds (lib/messages/records.ts) and changes as the background serves over the records port
// (records-server.ts), run by lib/escalations.ts. After a change the background is told, to redraw the badge,
// reminders and chips.
import { liveQuery } from 'dexie';
import { runCommand, runQuery } from '../db/escalations';
import type { Records } from '../messages/records';
import { NotSavedError } from '../records/commands';
import { InvalidInputError, TransitionError } from '../records/errors';
import { database } from './database';
import { announceRecordsChanged } from './records-bridge';
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
        subscription = liveQuery(() => runQuery(db, query, closureDays)).subscribe({
          next: onValue,
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
