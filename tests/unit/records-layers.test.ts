// Issue 34: the records path's imports point down, and records are read one way. Read from the source's own
// import lines: message types import no transport, the records domain no database or browser code, and no page
// reads records past its client (lib/messages/records.ts; components/shared/useRecords.ts).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Each import of a file, as the project path it names (or the package). */
function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const named = [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/g)].map(
    (m) => m[1] ?? m[2]!,
  );
  return named.map((spec) => (spec.startsWith('.') ? relative(ROOT, join(ROOT, file, '..', spec)) : spec));
}

const reaching = (files: string[], forbidden: RegExp) =>
  files.flatMap((file) =>
    importsOf(file)
      .filter((to) => forbidden.test(to))
      .map((to) => `${file} -> ${to}`),
  );

describe('the records path points down', () => {
  it('message types import no transport, no record-page script, no database and no page', () => {
    expect(reaching(sources('lib/messages'), /^(lib\/(browser|page|db|escalations)|components|entrypoints)\b/)).toEqual([]);
  });

  it('the records domain imports no database, browser, record-page, message or page code', () => {
    expect(reaching(sources('lib/records'), /^(lib\/(browser|page|db|escalations|messages|sync)|components|entrypoints|dexie)\b/)).toEqual(
      [],
    );
  });

  it('the records client and the transport do not import each other round in a circle', () => {
    const messageFiles = sources('lib/messages');
    expect(reaching(messageFiles, /^lib\/browser\//)).toEqual([]);
    // The transport knows no message types or records code (a ground-floor helper such as lib/errors is fine).
    expect(importsOf('lib/browser/messaging.ts').filter((to) => /^lib\/(messages|records|db|sync)\b/.test(to))).toEqual([]);
  });
});

describe('records are read one way from every page', () => {
  it('no page opens live queries, the database or the first-screen read itself, or asks the background what is due', () => {
    const pages = [...sources('components'), ...sources('entrypoints')].filter((f) => f !== 'entrypoints/background.ts');
    expect(reaching(pages, /^(dexie|lib\/db\/first-screen|lib\/browser\/records-(direct|server))$/)).toEqual([]);
    const asksDue = pages.filter((f) => /send\(\s*'dueSummary'/.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(asksDue).toEqual([]);
  });
});
