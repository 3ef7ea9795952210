import type { Observable } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

/** The latest value of a live query; re-subscribes when `deps` change. */
export function useLive<T>(query: () => Observable<T> | null, deps: unknown[]): { value: T | undefined; error: Error | undefined } {
  const [state, setState] = useState<{ value: T | undefined; error: Error | undefined }>({ value: undefined, error: undefined });
  useEffect(() => {
    const observable = query();
    if (!observable) return;
    const subscription = observable.subscribe({
      next: (value) => setState({ value, error: undefined }),
      error: (error: Error) => setState((s) => ({ ...s, error })),
    });
    return () => subscription.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return state;
}
