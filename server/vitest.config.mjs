// The team store's tests (`npm run test:server`): a real PostgreSQL cluster, a real OIDC server and the gateway on
// loopback, started once per file. Kept apart from the extension's unit tests (no fake IndexedDB, no WXT).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['server/test/**/*.test.mjs', 'tests/sync/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false, // each file starts its own cluster: one at a time on a small machine
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
