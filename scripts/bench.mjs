// `npm run bench`: what the extension costs a case-record page and how fast it
// answers, measured in headless Chromium with the production build, against
// the demo case-record system. Each figure is the median of several runs, with
// min and max. Prints a table; writes bench/results.json.
//
//   npm run bench                 7 runs, 1,000 and 10,000 escalations, 5,000 and 20,000 DOM nodes
//   npm run bench -- --runs 15    more runs
//   npm run bench -- --smoke      one run, small data: `npm test` runs this so the bench cannot rot
//   npm run bench -- --only panel,dashboard   some parts only (host, detection, panel, dashboard, queries, schedules, bundle)
//
// The production build is used as shipped, except that its manifest is granted
// the demo's origin (http://localhost/*), as a worker granting their case-record
// site would. The "floor" is an extension whose content script is empty,
// injected the same way (document_idle, all frames).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { startDemoServer } from '../demo/server.mjs';
import { browserVersion, CHROMIUM_FLAGS, ensureBrowser } from './browser.mjs';
import { seedDirectly } from './seed.mjs';
import { generateEscalations, importTypeScript, scriptForPage } from './typescript.mjs';

const argv = process.argv.slice(2);
const smoke = argv.includes('--smoke');
const RUNS = smoke ? 1 : Number(argv[argv.indexOf('--runs') + 1]) || 7;
const SIZES = smoke ? [200] : [1_000, 10_000];
const NODES = smoke ? [5_000] : [5_000, 20_000];
const only = argv.includes('--only') ? new Set(argv[argv.indexOf('--only') + 1].split(',')) : null;
const part = (name) => !only || only.has(name);
const ROOT = new URL('..', import.meta.url).pathname;
const PROD_DIR = join(ROOT, '.output/chrome-mv3');

const BUDGETS = {
  contentGzipKb: 15,
  hostLoadRatio: 1.03,
  detectionMs: 100,
  panelFirstPaintMs: 150,
  dashboard10kMs: 300,
  overdueQueryRatio: 2,
};

const results = [];
function record(group, name, values, unit, budget) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  const row = { group, name, unit, median, min: sorted[0], max: sorted.at(-1), runs: values.length };
  if (budget !== undefined) Object.assign(row, { budget, withinBudget: median <= budget });
  results.push(row);
  return row;
}

function step(title) {
  console.log(`… ${title}`);
}

// 1. Build the production extension, and the two comparison extensions.
step('building the production extension');
const built = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: smoke ? 'ignore' : 'inherit', shell: process.platform === 'win32' });
if (built.status !== 0) throw new Error('The production build failed');
const work = mkdtempSync(join(tmpdir(), 'escalation-bench-'));
const extensionDir = join(work, 'extension');
cpSync(PROD_DIR, extensionDir, { recursive: true });
const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8'));
manifest.host_permissions = ['http://localhost/*'];
writeFileSync(join(extensionDir, 'manifest.json'), JSON.stringify(manifest));
const floorDir = join(work, 'floor');
mkdirSync(floorDir);
writeFileSync(join(floorDir, 'empty.js'), '');
writeFileSync(
  join(floorDir, 'manifest.json'),
  JSON.stringify({
    manifest_version: 3,
    name: 'Empty content script (benchmark floor)',
    version: '1.0',
    content_scripts: [{ matches: ['http://localhost/*'], js: ['empty.js'], run_at: 'document_idle', all_frames: true }],
  }),
);

const executablePath = ensureBrowser();
const demo = await startDemoServer();
const port = new URL(demo.url).port;
const local = (path) => `http://localhost:${port}${path}`;

async function demoAdapter() {
  return (await importTypeScript("export { DEMO } from './lib/hosts/builtin';")).DEMO;
}

async function launch(dir) {
  const profile = mkdtempSync(join(work, 'profile-'));
  const args = [...CHROMIUM_FLAGS, ...(dir ? [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`] : [])];
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args,
    viewport: { width: 1280, height: 800 },
  });
  let extensionId;
  if (dir === extensionDir) {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    extensionId = new URL(worker.url()).host;
    // Wait for the record-page script to be registered for the granted origin.
    for (let i = 0; i < 200; i++) {
      if ((await worker.evaluate(() => chrome.scripting.getRegisteredContentScripts())).length) break;
      await new Promise((r) => setTimeout(r, 50));
    } // The production build ships no demo adapter: import it as a worker imports their site's adapter file.
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options
      .getByLabel('Import adapters (JSON file)')
      .setInputFiles({ name: 'demo.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(await demoAdapter())) });
    await options.getByRole('status').filter({ hasText: 'Imported' }).waitFor();
    await options.close();
  }
  // Let start-up work (the service worker's first run, the profile's first writes) finish before measuring.
  await new Promise((r) => setTimeout(r, smoke ? 500 : 2_000));
  return { context, extensionId };
}

/** Load time and main-thread script time of one page load. */
async function loadOnce(context, url) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(url, { waitUntil: 'load' });
  // Let idle work (the content script runs at document_idle) finish.
  await page.waitForTimeout(400);
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name) => metrics.find((m) => m.name === name)?.value ?? 0;
  const load = await page.evaluate(() => performance.getEntriesByType('navigation')[0].loadEventEnd);
  await page.close();
  return { load, script: metric('ScriptDuration') * 1000, task: metric('TaskDuration') * 1000 };
}

// 2. Host page cost. The three browsers take turns page by page, so drift in
// the machine's load falls on all three alike.
const variants = [
  ['no extension', null],
  ['empty content script (floor)', floorDir],
  ['this extension', extensionDir],
];
async function measureHostPages() {
  step('host page cost');
  const browsers = [];
  for (const [label, dir] of variants) browsers.push({ label, ...(await launch(dir)) });
  const hostPages = [
    ...NODES.map((n) => [`record page, ${n.toLocaleString('en-GB')} nodes`, local(`/person/1000001?history=${n}`)]),
    // An origin no adapter or permission covers: nothing should be injected at all.
    [
      `page on an origin not granted, ${NODES.at(-1).toLocaleString('en-GB')} nodes`,
      `http://127.0.0.1:${port}/person/1000001?history=${NODES.at(-1)}`,
    ],
  ];
  const hostMedians = {};
  for (const [pageLabel, url] of hostPages) {
    const runs = Object.fromEntries(browsers.map((b) => [b.label, []]));
    for (const b of browsers) await loadOnce(b.context, url); // warm-up, not counted
    for (let i = 0; i < RUNS; i++) for (const b of browsers) runs[b.label].push(await loadOnce(b.context, url));
    for (const b of browsers) {
      const load = record(
        'Host page',
        `${pageLabel}: load, ${b.label}`,
        runs[b.label].map((r) => r.load),
        'ms',
      );
      const script = record(
        'Host page',
        `${pageLabel}: main-thread script, ${b.label}`,
        runs[b.label].map((r) => r.script),
        'ms',
      );
      hostMedians[`${pageLabel}|${b.label}`] = { load: load.median, script: script.median };
    }
  }
  for (const b of browsers) await b.context.close();
  for (const n of [
    ...NODES.map((x) => `record page, ${x.toLocaleString('en-GB')} nodes`),
    `page on an origin not granted, ${NODES.at(-1).toLocaleString('en-GB')} nodes`,
  ]) {
    const none = hostMedians[`${n}|no extension`];
    const floor = hostMedians[`${n}|empty content script (floor)`];
    const ours = hostMedians[`${n}|this extension`];
    record(
      'Host page',
      `${n}: load ratio, this extension ÷ no extension`,
      [ours.load / none.load],
      '×',
      n.startsWith('record page') ? BUDGETS.hostLoadRatio : undefined,
    );
    record('Host page', `${n}: load ratio, this extension ÷ empty content script`, [ours.load / floor.load], '×');
    record('Host page', `${n}: extra main-thread script over no extension`, [ours.script - none.script], 'ms');
  }
}
if (part('host')) await measureHostPages();

// 3–5. Detection, panel and dashboard, in one profile with the extension.
const { context, extensionId } = await launch(extensionDir);
const extensionPage = (name) => `chrome-extension://${extensionId}/${name}`;
const now = new Date();

if (part('detection')) {
  step('detection latency');
  const page = await context.newPage();
  await page.goto(local('/person/1000001'));
  await page.getByRole('button', { name: 'Escalations' }).click();
  const panelFrame = async () => {
    for (let i = 0; i < 200; i++) {
      const frame = page.frames().find((f) => f.url().includes('/panel.html'));
      if (frame && (await frame.locator('[data-child-id]').count())) return frame;
      await page.waitForTimeout(25);
    }
    throw new Error('The panel did not show a child');
  };
  let frame = await panelFrame();
  const times = [];
  for (let i = 0; i < RUNS + 1; i++) {
    const target = i % 2 ? '1000001' : '1000002';
    await frame.evaluate((id) => {
      window.__seen = undefined;
      const observer = new MutationObserver(() => {
        if (document.querySelector(`[data-child-id="${id}"]`)) {
          window.__seen = performance.timeOrigin + performance.now();
          observer.disconnect();
        }
      });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true });
    }, target);
    const t0 = await page.evaluate((id) => {
      const t = performance.timeOrigin + performance.now();
      document.querySelector(`a[data-person="${id}"]`).click();
      return t;
    }, target);
    let seen;
    for (let k = 0; k < 400 && !seen; k++) {
      seen = await frame.evaluate(() => window.__seen);
      if (!seen) await page.waitForTimeout(10);
    }
    if (!seen) throw new Error(`The panel did not show child ${target}`);
    if (i > 0) times.push(seen - t0); // the first switch warms up
    frame = await panelFrame();
  }
  record('Record page', 'detection: client-side navigation to the panel showing the new child', times, 'ms', BUDGETS.detectionMs);
  await page.close();
}

if (part('panel')) {
  step('panel first paint');
  const { backup } = await generateEscalations({ count: 1, now, seed: 3 });
  backup.escalations[0].events[0].escalation.child.childId = '1000001';
  const records = await context.newPage();
  await records.goto(extensionPage('records.html'));
  await records
    .getByLabel('Import a backup file')
    .setInputFiles({ name: 'one.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) });
  await records.getByText('Import finished').waitFor();
  await records.close();
  const times = [];
  for (let i = 0; i < RUNS + 1; i++) {
    const page = await context.newPage();
    await page.goto(local('/person/1000001'));
    const launcher = page.getByRole('button', { name: 'Escalations' });
    await launcher.waitFor();
    await page.evaluate(() =>
      addEventListener('pointerdown', () => (window.__t0 = performance.timeOrigin + performance.now()), { capture: true, once: true }),
    );
    await launcher.click();
    let ready;
    for (let k = 0; k < 400 && !ready; k++) {
      const frame = page.frames().find((f) => f.url().includes('/panel.html'));
      ready = await frame
        ?.evaluate(() => {
          const mark = performance.getEntriesByName('panel-ready')[0];
          return mark && document.querySelector('.escalation') ? performance.timeOrigin + mark.startTime : undefined;
        })
        .catch(() => undefined);
      if (!ready) await page.waitForTimeout(10);
    }
    if (!ready) throw new Error('The panel did not show the escalation');
    const t0 = await page.evaluate(() => window.__t0);
    if (i > 0) times.push(ready - t0);
    await page.close();
  }
  record('Record page', 'panel: open to first useful paint (child with an escalation)', times, 'ms', BUDGETS.panelFirstPaintMs);
}

for (const size of part('dashboard') ? SIZES : []) {
  step(`dashboard, ${size} escalations`);
  const { escalations } = await generateEscalations({ count: size, now, seed: 5 });
  const seedPage = await context.newPage();
  await seedPage.goto(extensionPage('dashboard.html'));
  await seedPage
    .locator('.result-count')
    .getByText(/escalations?$/)
    .waitFor();
  await seedDirectly(seedPage, escalations, [], { clear: true });
  await seedPage.close();
  const first = [];
  const firstOpen = [];
  const allRows = [];
  const allRowsOpen = [];
  const indexed = [];
  const search = [];
  const child = escalations[Math.floor(size / 2)].child.childId;
  for (let i = 0; i < RUNS + 1; i++) {
    const page = await context.newPage();
    for (const [hash, into, allInto] of [
      ['status=all', first, allRows],
      ['', firstOpen, allRowsOpen],
    ]) {
      await page.goto(extensionPage(`dashboard.html#${hash}`));
      await page.reload(); // the hash alone does not reload
      // The first screenful drawn (with the right total), and every row read, sorted and ready to scroll.
      const ms = await page.evaluate(
        () =>
          new Promise((resolve) => {
            const look = () => {
              const [shown] = performance.getEntriesByName('dashboard-rows');
              const [all] = performance.getEntriesByName('dashboard-all-rows');
              if (shown && all) resolve([shown.startTime, all.startTime]);
              else setTimeout(look, 5);
            };
            look();
          }),
      );
      if (i > 0) {
        into.push(ms[0]);
        allInto.push(ms[1]);
      }
    }
    await page.goto(extensionPage('dashboard.html#status=all'));
    await page.reload();
    // Filter only once every row is in, as a person would after reading the first screen.
    await page.waitForFunction(() => performance.getEntriesByName('dashboard-all-rows').length > 0);
    const change = (selector, value, event) =>
      page.evaluate(
        ([selector, value, event]) =>
          new Promise((resolve) => {
            // Until every matching row is in (not just the first screenful).
            const before = performance.getEntriesByName('dashboard-all-rows').length;
            const t0 = performance.now();
            const control = document.querySelector(selector);
            control.value = value;
            control.dispatchEvent(new Event(event, { bubbles: true }));
            const look = () => {
              const marks = performance.getEntriesByName('dashboard-all-rows');
              if (marks.length > before) resolve(marks.at(-1).startTime - t0);
              else setTimeout(look, 1);
            };
            look();
          }),
        [selector, value, event],
      );
    const a = await change('#filter-due', 'overdue', 'change');
    await change('#filter-due', '', 'change');
    const b = await change('#filter-child', child, 'input');
    if (i > 0) {
      indexed.push(a);
      search.push(b);
    }
    await page.close();
  }
  const n = size.toLocaleString('en-GB');
  record('Dashboard', `first render, ${n} escalations, all statuses`, first, 'ms', size === 10_000 ? BUDGETS.dashboard10kMs : undefined);
  record(
    'Dashboard',
    `first render, ${n} escalations, open only (the default view)`,
    firstOpen,
    'ms',
    size === 10_000 ? BUDGETS.dashboard10kMs : undefined,
  );
  record('Dashboard', `every row read and sorted, ${n} escalations, all statuses`, allRows, 'ms');
  record('Dashboard', `every row read and sorted, ${n} escalations, open only`, allRowsOpen, 'ms');
  record('Dashboard', `filter change, ${n}: due = overdue (indexed query)`, indexed, 'ms');
  record('Dashboard', `filter change, ${n}: search by child ID (in memory)`, search, 'ms');
}
await context.close();

if (part('queries')) {
  step('overdue query: Dexie vs raw IndexedDB cursor');

  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_FLAGS });
  const page = await browser.newPage();
  await page.goto(local('/help'));
  await page.addScriptTag({ content: await scriptForPage('bench/query-page.ts') });
  for (const size of SIZES) {
    const { escalations } = await generateEscalations({ count: size, now, seed: 5 });
    await page.evaluate((rows) => window.bench.seed(rows), escalations);
    const dexie = [];
    const raw = [];
    for (let i = 0; i < RUNS + 1; i++) {
      const d = await page.evaluate((at) => window.bench.viaDexie(at), now.toISOString());
      const r = await page.evaluate((at) => window.bench.viaCursor(at), now.toISOString());
      if (d.count !== r.count) throw new Error(`Dexie found ${d.count} overdue, the cursor ${r.count}`);
      if (i > 0) {
        dexie.push(d.ms);
        raw.push(r.ms);
      }
    }
    const n = size.toLocaleString('en-GB');
    const d = record('Queries', `overdue now, ${n} escalations: Dexie (lib/escalations.ts)`, dexie, 'ms');
    const r = record('Queries', `overdue now, ${n} escalations: raw IndexedDB cursor (floor)`, raw, 'ms');
    record('Queries', `overdue now, ${n}: Dexie ÷ raw cursor`, [d.median / r.median], '×', BUDGETS.overdueQueryRatio);
  }
  await browser.close();
}
await demo.stop();

if (part('schedules')) {
  step('schedules per second');
  const { scheduleEscalation, listProtocols } = await importTypeScript(
    "export { scheduleEscalation } from './lib/schedule'; export { listProtocols } from './lib/protocols';",
  );
  const protocols = listProtocols();
  const rates = [];
  for (let run = 0; run < RUNS; run++) {
    let count = 0;
    const started = performance.now();
    const until = started + (smoke ? 100 : 1000);
    while (performance.now() < until) {
      const protocol = protocols[count % protocols.length];
      const day = 1 + (count % 27);
      scheduleEscalation({
        protocolId: protocol.id,
        concernRaisedAt: `2026-11-${String(day).padStart(2, '0')}T10:00:00Z`,
        stages: protocol.stages
          .slice(0, 1 + (count % 3))
          .map((s, k) => ({ stageId: s.id, enteredAt: `2026-12-${String(day).padStart(2, '0')}T1${k}:00:00Z`, agreedDays: 10 })),
      });
      count++;
    }
    rates.push(count / ((performance.now() - started) / 1000));
  }
  record('Schedules', 'schedules computed per second (1–3 stages entered, every protocol)', rates, '/s');
}

if (part('bundle')) {
  step('bundle sizes');
  const gz = (file) => gzipSync(readFileSync(join(PROD_DIR, file)), { level: 9 }).length / 1024;
  record('Bundle (gzip)', 'content script (content-scripts/content.js)', [gz('content-scripts/content.js')], 'kB', BUDGETS.contentGzipKb);
  record('Bundle (gzip)', 'background (background.js)', [gz('background.js')], 'kB');
  for (const html of readdirSync(PROD_DIR).filter((f) => f.endsWith('.html'))) {
    const text = readFileSync(join(PROD_DIR, html), 'utf8');
    const files = [...text.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1]);
    record('Bundle (gzip)', `${html} (its HTML, scripts and styles)`, [files.reduce((sum, f) => sum + gz(f), gz(html))], 'kB');
  }
}

// Report.
const format = (v, unit) => (unit === '×' ? v.toFixed(3) : unit === '/s' ? Math.round(v).toLocaleString('en-GB') : v.toFixed(1));
console.log(`\nEscalation Companion benchmark${smoke ? ' (smoke: one run, small data; not for comparison)' : ''}: ${RUNS} run(s) each\n`);
let group = '';
for (const r of results) {
  if (r.group !== group) console.log(`\n${(group = r.group)}`);
  const spread = r.runs > 1 ? `  (min ${format(r.min, r.unit)}, max ${format(r.max, r.unit)})` : '';
  const budget = r.budget !== undefined ? `  budget ≤ ${r.budget}${r.unit}: ${r.withinBudget ? 'within' : 'MISSED'}` : '';
  console.log(`  ${r.name.padEnd(92)} ${format(r.median, r.unit).padStart(10)} ${r.unit}${spread}${budget}`);
}
mkdirSync(join(ROOT, 'bench'), { recursive: true });
writeFileSync(
  join(ROOT, 'bench/results.json'),
  JSON.stringify(
    {
      at: new Date().toISOString(),
      smoke,
      runs: RUNS,
      machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
      browser: browserVersion(executablePath),
      budgets: BUDGETS,
      results,
    },
    null,
    2,
  ),
);
console.log('\nWritten to bench/results.json');
