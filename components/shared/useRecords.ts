import { useLayoutEffect, useState } from 'preact/hooks';
import { recordsClient, type Records, type RecordsQuery } from '../../lib/browser/records-bridge';

/** The database directly, its code (Dexie) fetched as soon as this module runs, alongside the rest of the page. */
function direct(): Records {
  const loading = import('../../lib/browser/records-direct').then((m) => m.directRecords());
  return {
    subscribe(query, onValue, onError) {
      let stop: (() => void) | undefined;
      let stopped = false;
      void loading.then((records) => {
        if (!stopped) stop = records.subscribe(query, onValue, onError);
      });
      return () => {
        stopped = true;
        stop?.();
      };
    },
    command: (command) => loading.then((records) => records.command(command)),
  };
}

/**
 * This page's records: the database directly, except in the panel framed inside a record page (a
 * third-party context, where the browser may refuse IndexedDB), which goes through the background and so
 * never loads the database code.
 */
export const records = window.top === window ? direct() : recordsClient();

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
