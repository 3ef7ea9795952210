import type { Observable } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

const same = (a: unknown[], b: unknown[]) => a.length === b.length && a.every((x, i) => Object.is(x, b[i]));

/**
 * The latest value of a live query; re-subscribes when `deps` change, and
 * until the new query answers gives undefined, never the old query's value.
 * The query may come as a promise (its code loaded, or the database opened, first); failing that is its error.
 */
export function useLive<T>(
  query: () => Observable<T> | Promise<Observable<T>> | null,
  deps: unknown[],
): { value: T | undefined; error: Error | undefined } {
  const [state, setState] = useState<{ deps: unknown[]; value?: T; error?: Error }>({ deps });
  useEffect(() => {
    const observable = query();
    if (!observable) return;
    let stopped = false;
    let unsubscribe = () => {};
    const fail = (error: Error) => void (stopped || setState((s) => ({ ...s, deps, error })));
    void Promise.resolve(observable).then((live) => {
      if (stopped) return;
      const subscription = live.subscribe({ next: (value) => setState({ deps, value }), error: fail });
      unsubscribe = () => subscription.unsubscribe();
    }, fail);
    return () => {
      stopped = true;
      unsubscribe();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return same(state.deps, deps) ? { value: state.value, error: state.error } : { value: undefined, error: undefined };
}
