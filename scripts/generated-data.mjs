// The test fixture generator (tests/fixtures/generator.ts) for plain Node
// scripts (the demo and the benchmark): bundled on the fly with esbuild, so the
// scripts and the tests use one generator.
import { build } from 'esbuild';

let loaded;

/** generateEscalations({ count, now, seed?, spanDays? }) → { escalations, events, backup }. */
export async function generateEscalations(options) {
  loaded ??= build({
    entryPoints: [new URL('../tests/fixtures/generator.ts', import.meta.url).pathname],
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
    logLevel: 'error',
  }).then(({ outputFiles }) => import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`));
  return (await loaded).generateEscalations(options);
}
