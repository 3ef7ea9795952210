// The project's TypeScript (lib/, tests/fixtures/) for plain Node scripts (the
// demo and the benchmark): bundled on the fly with esbuild and imported, so
// scripts and tests share one copy of every rule and of the fixture generator.
import { build } from 'esbuild';

const ROOT = new URL('..', import.meta.url).pathname;

/** Bundles `source` (TypeScript, paths relative to the project root) and imports it. */
export async function importTypeScript(source) {
  const { outputFiles } = await build({
    stdin: { contents: source, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
    logLevel: 'error',
  });
  return import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`);
}

/** Bundles a TypeScript file into one classic script, to add to a browser page. */
export async function scriptForPage(path) {
  const { outputFiles } = await build({
    entryPoints: [new URL(path, `file://${ROOT}`).pathname],
    bundle: true,
    format: 'iife',
    write: false,
    logLevel: 'error',
  });
  return outputFiles[0].text;
}

let generator;

/** generateEscalations({ count, now, seed?, spanDays? }) → { escalations, events, backup } (tests/fixtures/generator.ts). */
export async function generateEscalations(options) {
  generator ??= importTypeScript("export { generateEscalations } from './tests/fixtures/generator';");
  return (await generator).generateEscalations(options);
}
