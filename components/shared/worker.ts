import { signal } from '@preact/signals';
import { WORKER_ITEM } from '../../lib/browser/storage';

/** The worker's name, from "About you" in the options: who each recorded step is by. */
export const worker = signal('');

export function followWorker(): void {
  void WORKER_ITEM.get().then((w) => (worker.value = w?.name ?? ''));
  WORKER_ITEM.watch((w) => (worker.value = w?.name ?? ''));
}
