// One change the worker makes with a button. Its id is made at the first press and kept until the change is
// saved, so a retry after "Not saved" or an unknown outcome is the same change (the records write it once,
// lib/db/escalations.ts); presses while it is in flight are ignored, even two in one tick.
import { useRef, useState } from 'preact/hooks';

export interface Change {
  /** True while the change is on its way: buttons say so and ignore presses. */
  busy: boolean;
  /** Makes the change with its id; undefined when a press came while one was already in flight. */
  run<T>(make: (changeId: string) => Promise<T>): Promise<T | undefined>;
  /** The worker turned to a different change (another form): the next press gets a new id. */
  forget(): void;
}

export function useChange(): Change {
  const changeId = useRef<string | null>(null);
  const inFlight = useRef(false);
  const [busy, setBusy] = useState(false);
  return {
    busy,
    async run(make) {
      if (inFlight.current) return undefined;
      inFlight.current = true;
      setBusy(true);
      changeId.current ??= crypto.randomUUID();
      try {
        const result = await make(changeId.current);
        changeId.current = null;
        return result;
      } finally {
        inFlight.current = false;
        setBusy(false);
      }
    },
    forget() {
      if (!inFlight.current) changeId.current = null;
    },
  };
}
