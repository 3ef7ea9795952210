// @vitest-environment happy-dom
// The built-in adapters against stored record pages (tests/fixtures/hosts/<adapter>/*.html, with the
// expected reading of each in expected.json): shapes real case systems use, never fetched live.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtInAdaptersFor } from '../../lib/browser/adapters';
import { readChildId } from '../../lib/hosts';

// happy-dom's URL is not node's, so the folder is found from the project root (where vitest runs).
const ROOT = join(process.cwd(), 'tests/fixtures/hosts');
const PAGE_URL: Record<string, string> = {
  mosaic: 'https://mosaic.council.example.gov.uk/web/portal/person',
  demo: 'http://127.0.0.1:4173/person/1000001',
};

for (const adapterId of readdirSync(ROOT)) {
  const adapter = builtInAdaptersFor('development').find((a) => a.id === adapterId);
  const expected = JSON.parse(readFileSync(join(ROOT, adapterId, 'expected.json'), 'utf8')) as Record<string, object>;
  describe(`built-in adapter "${adapterId}" on stored pages`, () => {
    it('has an adapter, and an expected reading for every stored page', () => {
      expect(adapter).toBeDefined();
      const pages = readdirSync(join(ROOT, adapterId)).filter((f) => f.endsWith('.html'));
      expect(pages.sort()).toEqual(Object.keys(expected).sort());
    });
    for (const [file, reading] of Object.entries(expected)) {
      it(file, () => {
        const html = readFileSync(join(ROOT, adapterId, file), 'utf8');
        const doc = new DOMParser().parseFromString(html, 'text/html');
        expect(readChildId(adapter!, doc, PAGE_URL[adapterId]!)).toMatchObject(reading);
      });
    }
  });
}
