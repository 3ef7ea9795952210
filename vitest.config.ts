import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    // An in-memory IndexedDB, installed before Dexie is first imported.
    setupFiles: ['fake-indexeddb/auto'],
  },
});
