import { signal } from '@preact/signals';

/** The worker's name, from "About you" in the options: who each recorded step is by. */
export const worker = signal('');

export function followWorker(): void {
  const read = (w: unknown) => (w as { name?: string } | undefined)?.name ?? '';
  void browser.storage.local.get('worker').then((s) => (worker.value = read(s.worker)));
  browser.storage.local.onChanged.addListener((changes) => {
    if (changes.worker) worker.value = read(changes.worker.newValue);
  });
}
