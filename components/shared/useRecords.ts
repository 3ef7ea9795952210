// The one way a page reads and changes records: `records` (the page's client) and `useRecords(query)`, with the
// query kinds of lib/messages/records.ts. Which client is the page's entry's choice, made before anything is drawn.
import { useLayoutEffect, useState } from 'preact/hooks';
import { recordsClient } from '../../lib/browser/records-bridge';
import { recordsHere } from '../../lib/browser/records-here';
import type { QueryResult, Records, RecordsQuery } from '../../lib/messages/records';

let chosen: Records | undefined;

/**
 * For pages that read many records at once (the dashboard, the records page): the database opened by the page
 * itself (lib/browser/records-here.ts). Called by the page's entry before anything is drawn.
 */
export function openRecordsHere(): void {
  chosen ??= recordsHere();
}

/**
 * This page's records. By default through the background, which has the database open already: the page never
 * loads the database code or the record schemas before its first paint, and the panel framed in a record page (a
 * third-party context, where the browser may refuse IndexedDB) needs it anyway.
 */
export const records: Records = {
  subscribe: (query, onValue, onError) => (chosen ??= recordsClient()).subscribe(query, onValue, onError),
  command: (command) => (chosen ??= recordsClient()).command(command),
  seed: (query, value) => (chosen ??= recordsClient()).seed?.(query, value),
  prefetch: (query) => (chosen ??= recordsClient()).prefetch?.(query),
};

/** Asks a query as the page starts, before anything is drawn: the component that asks it later has the answer sooner. */
export function askEarly(query: RecordsQuery): void {
  records.prefetch?.(query);
}

interface Answer<T> {
  key: string;
  value: T | undefined;
  error: Error | undefined;
  answered: boolean;
}

/**
 * The latest answer to a live records query; `answered` tells "not found" (undefined) from "still loading". A new
 * query gives nothing until it answers, never the previous query's answer.
 */
export function useRecords<Q extends RecordsQuery>(
  query: Q | null,
): { value: QueryResult<Q> | undefined; error: Error | undefined; answered: boolean } {
  const key = JSON.stringify(query);
  const [state, setState] = useState<Answer<QueryResult<Q>>>({ key, value: undefined, error: undefined, answered: false });
  // Subscribes as soon as the component is drawn, not after the browser paints: the answer arrives a frame sooner.
  useLayoutEffect(() => {
    setState({ key, value: undefined, error: undefined, answered: false });
    if (!query) return;
    return records.subscribe(
      query,
      (value) => setState({ key, value, error: undefined, answered: true }),
      (error) => setState((s) => ({ ...s, key, error })),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return state.key === key ? state : { value: undefined, error: undefined, answered: false };
}
