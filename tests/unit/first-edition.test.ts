import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { firstEditionDeadlines, FIRST_EDITION_IDS, loadGlenMoray } from './first-edition-deadlines';

// Recorded by the code before the second edition (commit 65d058b): every first-edition file still reads and every
// running escalation keeps its deadlines.
const recorded = JSON.parse(readFileSync(new URL('./fixtures/first-edition-deadlines.json', import.meta.url), 'utf8'));

describe('first-edition protocols keep their deadlines', () => {
  loadGlenMoray();
  const now = firstEditionDeadlines();
  it.each(FIRST_EDITION_IDS)('%s version 1 gives the deadlines it gave before the second edition', (id) => {
    expect(now[id]).toEqual(recorded[id]);
  });
});
