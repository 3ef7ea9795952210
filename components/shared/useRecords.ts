import { useLayoutEffect, useState } from 'preact/hooks';
import { recordsClient, type RecordsQuery } from '../../lib/browser/records-bridge';

/** The panel's one connection to the records (through the background). */
export const records = recordsClient();

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
