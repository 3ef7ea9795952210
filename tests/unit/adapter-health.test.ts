// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { builtInAdaptersFor } from '../../lib/browser/adapters';
import { diagnosticReport, shapeOf } from '../../lib/hosts/diagnose';
import {
  healthSummary,
  mayNeedUpdating,
  MISSES_BEFORE_WARNING,
  pathShape,
  recordPageLoad,
  type AdapterHealth,
} from '../../lib/hosts/health';
import type { HostAdapter } from '../../lib/hosts/schema';

const [DEMO] = builtInAdaptersFor('development') as [HostAdapter];
const load = (url: string, found: boolean, at = '2026-12-01T10:00:00Z') => ({ adapterId: 'demo', url, found, notesFound: found, at });

describe('adapter health', () => {
  it('keeps the path with its digits masked, never the child’s ID', () => {
    expect(pathShape('https://mosaic.example/person/1000001/notes?id=1000001#x')).toBe('/person/#######/notes');
    const health = recordPageLoad({}, load('https://mosaic.example/person/1000001?id=1000001', true));
    expect(JSON.stringify(health)).not.toContain('1000001');
  });

  it('keeps only the path’s shape: fixed words, never names or the letters of references (issue 39)', () => {
    // Was /children/jo-sample-####/AB#####C/summary: the child's name and the letters of an identifier kept.
    expect(pathShape('https://m.example/children/jo-sample-1234/AB12345C/summary')).toBe('/children/*/*/summary');
    expect(pathShape('https://m.example/person/amelia/case-notes')).toBe('/person/*/case-notes');
    expect(pathShape('https://m.example/person/Hart/notes')).toBe('/person/*/notes');
    expect(pathShape('https://m.example/web/portal/person/ab-12/view.aspx')).toBe('/web/portal/person/*/*');
    expect(pathShape('https://m.example/person/noah_bennett/summary')).toBe('/person/*/summary');
    expect(pathShape('https://m.example/clients/NHS%209434765919/')).toBe('/clients/*/');
    // The same shape for every child: one line of health, whoever the page is about.
    expect(pathShape('https://m.example/children/sam-smith-99/XY9C/summary')).toBe(
      pathShape('https://m.example/children/jo-sample-1234/AB12345C/summary'),
    );
    const health = recordPageLoad({}, load('https://m.example/children/jo-sample-1234/AB12345C/summary', true));
    expect(JSON.stringify(health)).not.toMatch(/jo|sample|AB|1234/);
  });

  it(`warns after ${MISSES_BEFORE_WARNING} misses in a row where the child was found before, and one found load clears it`, () => {
    let health: AdapterHealth = {};
    health = recordPageLoad(health, load('https://m.example/person/1000001', true));
    for (let i = 1; i <= MISSES_BEFORE_WARNING; i++) {
      expect(mayNeedUpdating(health, 'demo', 'https://m.example/person/1000002'), `after ${i - 1} misses`).toBe(false);
      health = recordPageLoad(health, load(`https://m.example/person/100000${i}`, false));
    }
    expect(mayNeedUpdating(health, 'demo', 'https://m.example/person/1000009')).toBe(true);
    expect(healthSummary(health)).toEqual([
      expect.objectContaining({ adapterId: 'demo', origin: 'https://m.example', failing: ['/person/#######'] }),
    ]);
    health = recordPageLoad(health, load('https://m.example/person/1000003', true));
    expect(mayNeedUpdating(health, 'demo', 'https://m.example/person/1000003')).toBe(false);
  });

  it('never warns where the child was never found (a search page, a portal frame), nor on another site', () => {
    let health: AdapterHealth = {};
    for (let i = 0; i < 10; i++) health = recordPageLoad(health, load('https://m.example/search', false));
    expect(mayNeedUpdating(health, 'demo', 'https://m.example/search')).toBe(false);
    health = recordPageLoad(health, load('https://m.example/person/1', true));
    for (let i = 0; i < 5; i++) health = recordPageLoad(health, load('https://m.example/person/2', false));
    expect(mayNeedUpdating(health, 'demo', 'https://other.example/person/2')).toBe(false);
  });
});

describe('the report for IT', () => {
  it('says which sources were tried and why they failed, with no ID, name or note text in it', () => {
    const doc = new DOMParser().parseFromString(
      `<section id="person-header" class="person-header"><h1>Amelia Hart</h1><div class="card-grid c1000001">
        <span class="card-label">Client number</span><span class="card-value">1000001</span></div></section>
        <main><p>Visited Amelia at home; mother present.</p></main>`,
      'text/html',
    );
    const report = diagnosticReport(DEMO, doc, 'http://127.0.0.1:4173/person/1000001', true);
    expect(report.pathShape).toBe('/person/#######');
    expect(report.sourcesTried).toEqual([
      { source: 'selector #person-header .person-id', outcome: 'found nothing' },
      { source: 'label "Mosaic ID" within #person-header', outcome: 'found nothing' },
    ]);
    expect(report.pageOutline.join('\n')).toContain('div.card-grid.c#######');
    const text = JSON.stringify(report);
    expect(text).not.toMatch(/1000001|Amelia|Hart|Visited|mother/);
    const named = diagnosticReport(DEMO, doc, 'http://127.0.0.1:4173/children/amelia-hart/AB12345C/summary', true);
    expect(named.pathShape).toBe('/children/*/*/summary');
  });

  it('values read are given as their shape only', () => {
    expect(shapeOf('Ref: AB-1234567')).toBe('aaa: aa-9999999');
  });
});
