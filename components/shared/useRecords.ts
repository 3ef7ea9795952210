import { useLayoutEffect, useState } from 'preact/hooks';
import { recordsClient, type Records, type RecordsQuery } from '../../lib/browser/records-bridge';

/** The database directly, its code (Dexie) fetched when first asked. */
function direct(): Records {
  let loading: Promise<Records> | undefined;
  const load = () => (loading ??= import('../../lib/browser/records-direct').then((m) => m.directRecords()));
  return {
    subscribe(query, onValue, onError) {
      let stop: (() => void) | undefined;
      let stopped = false;
      void load().then((records) => {
        if (!stopped) stop = records.subscribe(query, onValue, onError);
      });
      return () => {
        stopped = true;
        stop?.();
      };
    },
    command: (command) => load().then((records) => records.command(command)),
  };
}

let chosen: Records | undefined;

/**
 * For pages that read many records at once (the dashboard): the database opened by the page itself. Called by
 * the page's entry before anything is drawn; its code (Dexie, the record schemas) is fetched when first asked.
 */
export function openRecordsHere(): void {
  chosen ??= direct();
}

/**
 * This page's records. The panels (side panel and in-page) go through the background, which has the database
 * open already: the page never loads the database code or the record schemas before its first paint, and the
 * panel framed in a record page (a third-party context, where the browser may refuse IndexedDB) needs it anyway.
 */
export const records: Records = {
  subscribe: (query, onValue, onError) => (chosen ??= recordsClient()).subscribe(query, onValue, onError),
  command: (command) => (chosen ??= recordsClient()).command(command),
  seed: (query, value) => (chosen ??= recordsClient()).seed?.(query, value),
};

/** The latest result of a live records query; `answered` tells "not found" (undefined) from "still loading". */
export function useRecords<T>(query: RecordsQuery | null): { value: T | undefined; error: Error | undefined; answered: boolean } {
  const [state, setState] = useState<{ value: T | undefined; error: Error | undefined; answered: boolean }>({
    value: undefined,
    error: undefined,
    answered: false,
  });
  const key = JSON.stringify(query);
  // Subscribes as soon as the component is drawn, not after the browser paints: the answer arrives a frame sooner.
  useLayoutEffect(() => {
    if (!query) return;
    setState({ value: undefined, error: undefined, answered: false });
    return records.subscribe(
      query,
      (value) => setState({ value: value as T, error: undefined, answered: true }),
      (error) => setState((s) => ({ ...s, error })),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return state;
}
