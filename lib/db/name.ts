/** The extension's IndexedDB database on this device (its schema: lib/db/index.ts). Apart, so reading it without Dexie does not load Dexie. */
export const DB_NAME = 'escalation-companion';
