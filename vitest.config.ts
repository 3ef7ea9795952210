import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

export default defineConfig({
  // WXT's test plugin: its auto-imports and an in-memory fake `browser` (storage, runtime) for the
  // code in lib/browser/ that unit tests exercise.
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.ts'],
    // An in-memory IndexedDB, installed before Dexie is first imported; the English words (no browser i18n here);
    // the built-ins' earlier versions, known from the start as in the service worker.
    setupFiles: ['fake-indexeddb/auto', 'tests/unit/setup-words.ts', 'tests/unit/setup-protocols.ts'],
    // Worker threads start faster than forked processes (about 10 s less per run here). The time zone is the
    // process's (npm test sets TZ per run), so threads cannot disagree about it.
    pool: 'threads',
  },
});
