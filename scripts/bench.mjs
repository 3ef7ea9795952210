// `npm run bench`: what the extension costs a case-record page and how fast it
// answers, measured in headless Chromium with the production build, against
// the demo case-record system. Each figure is the median of several runs, with
// min and max. Prints a table; writes bench/results.json.
//
//   npm run bench                 7 runs, 1,000 and 10,000 escalations, 5,000 and 20,000 DOM nodes
//   npm run bench -- --runs 15    more runs
//   npm run bench -- --smoke      one run, small data: `npm test` runs this so the bench cannot rot
//   npm run bench -- --only panel,dashboard   some parts only (host, detection, panel, popup, dashboard, queries, schedules, team, bundle)
//   TRACE_FILE=/tmp/trace npm run bench -- --only panel   also writes each page trace's raw events (/tmp/trace-<ms>.json)
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
import { chipFrame, choosePlacement } from '../demo/drive.mjs';
import { startDemoServer } from '../demo/server.mjs';
import { browserVersion, CHROMIUM_FLAGS, ensureBrowser } from './browser.mjs';
import { seedDirectly } from './seed.mjs';
import { traceFirstPaint } from './trace.mjs';
import { measureDayPull } from './bench-team-pull.mjs';
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
  // Pages: each against its floor, the empty page in the same shell opened the same way in the same run
  // (an absolute time cannot be judged across machines; the floor says what the machine itself costs).
  panelRatio: 1.5,
  sidePanelRatio: 1.5,
  popupRatio: 1.3,
  dashboard10kRatio: 1.5,
  tabSwitchMs: 100,
  overdueQueryRatio: 2,
  // What a page loads before its first paint (its HTML's scripts and styles), gzip.
  firstLoadGzipKb: { 'panel.html': 60, 'sidepanel.html': 60, 'dashboard.html': 60, 'popup.html': 25 },
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

/**
 * Which of a page and its floor opens first in run `i`: turn about, as the one opened first in a pair was
 * slower (the same page against itself: ~4 ms), which always going first would charge to one side.
 */
const turnAbout = (i) => (i % 2 ? ['floor', 'page'] : ['page', 'floor']);

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
// The pages' floors: an empty page in the panel's own HTML shell and styles, whose script draws and marks its
// first frame. Opened the same way as the page it stands for, in the same run.
const shell = readFileSync(join(extensionDir, 'sidepanel.html'), 'utf8');
/** A page's shell (its HTML and styles) with the floor's script `name`.js in place of the page's own. */
const floorShell = (page, name) =>
  page
    .replace(/<script[^>]*><\/script>/, `<script type="module" src="/${name}.js"></script>`)
    .replace(/<link rel="modulepreload"[^>]*>/g, '');
function writeFloor(name, script) {
  writeFileSync(join(extensionDir, `${name}.html`), floorShell(shell, name));
  writeFileSync(join(extensionDir, `${name}.js`), script);
}
writeFloor(
  'floor',
  "document.getElementById('app').textContent = 'Escalation Companion'; document.documentElement.dataset.floor = ''; requestAnimationFrame(() => performance.mark('panel-ready'));",
);
// The in-page panel's floor is the same frame opened by the same press on the chip: for its turns, panel.html
// on disk is the empty page in the panel's shell (an unpacked extension reads its files as they are asked for),
// so the floor pays what opening the panel costs the record page, the chip and the browser (the frame's
// per-session address included), and the panel's own code is the only difference.
const panelPage = { file: join(extensionDir, 'panel.html') };
panelPage.own = readFileSync(panelPage.file, 'utf8');
panelPage.floor = floorShell(panelPage.own, 'floor');
// The dashboard's floor adds a raw read of its first screenful (60 rows in due order) from the same database.
writeFloor(
  'floor-db',
  `const open = indexedDB.open('escalation-companion');
open.onsuccess = () => {
  const rows = open.result.transaction('escalations').objectStore('escalations').index('nextDueAt').getAll(null, 60);
  rows.onsuccess = () => {
    const app = document.getElementById('app');
    for (const e of rows.result) app.append(Object.assign(document.createElement('p'), { textContent: e.reference }));
    requestAnimationFrame(() => performance.mark('panel-ready'));
  };
};`,
);
// The team view's floor: a raw read of the rows the team view reads (every escalation and its team row), drawn as
// their count.
writeFloor(
  'floor-team',
  `const open = indexedDB.open('escalation-companion');
open.onsuccess = () => {
  const tx = open.result.transaction(['escalations', 'teamEscalations']);
  const rows = tx.objectStore('escalations').getAll();
  const team = tx.objectStore('teamEscalations').getAll();
  tx.oncomplete = () => {
    document.getElementById('app').textContent = rows.result.length + ' escalations, ' + team.result.length + ' team rows';
    requestAnimationFrame(() => performance.mark('panel-ready'));
  };
};`,
);
manifest.web_accessible_resources.push({ resources: ['floor.html'], matches: ['http://localhost/*'] });
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
// The smoke run leaves out the host-page part (three browsers, half the smoke's time: `npm test` has a
// 15-minute budget); a full run and `--only host` run it.
if (part('host') && !smoke) await measureHostPages();

// 3–5. Detection, panel and dashboard, in one profile with the extension.
const { context, extensionId } = await launch(extensionDir);
const extensionPage = (name) => `chrome-extension://${extensionId}/${name}`;
const now = new Date();

/** The side panel for `page`'s tab, opened as a page of its own (the browser's side panel shows this same page). */
async function sidePanelFor(page) {
  const side = await context.newPage();
  await side.goto(await sidePanelAddress(page));
  return side;
}

/** The side panel's address for `page`'s tab, once the record page's chip has read the child. */
async function sidePanelAddress(page) {
  const chip = await chipFrame(page);
  await chip.locator('#child').getByText('ID').waitFor();
  const tabId = await chip.evaluate(async () => (await chrome.tabs.getCurrent()).id);
  return extensionPage(`sidepanel.html?tab=${tabId}`);
}

if (part('detection')) {
  step('detection latency');
  const page = await context.newPage();
  await page.goto(local('/person/1000001'));
  const side = await sidePanelFor(page);
  await side.locator('#child-title[data-child-id]').waitFor();
  const times = [];
  for (let i = 0; i < RUNS + 1; i++) {
    const target = i % 2 ? '1000001' : '1000002';
    await side.evaluate((id) => {
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
      seen = await side.evaluate(() => window.__seen);
      if (!seen) await page.waitForTimeout(10);
    }
    if (!seen) throw new Error(`The side panel did not show child ${target}`);
    if (i > 0) times.push(seen - t0); // the first switch warms up
  }
  record('Record page', 'detection: client-side navigation to the side panel showing the new child', times, 'ms', BUDGETS.detectionMs);
  await side.close();

  // Switching tab: the side panel (in a window of its own, following the records' window) shows that tab's child.
  const other = await context.newPage();
  await other.goto(local('/person/1000002'));
  await chipFrame(other);
  const worker = context.serviceWorkers()[0];
  const tabOf = async (p) => (await chipFrame(p)).evaluate(async () => (await chrome.tabs.getCurrent()).id);
  const tabs = { 1000001: await tabOf(page), 1000002: await tabOf(other) };
  const windowId = await worker.evaluate(async (id) => (await chrome.tabs.get(id)).windowId, tabs[1000001]);
  const opened = context.waitForEvent('page');
  await worker.evaluate(
    (url) => chrome.windows.create({ url, type: 'popup', width: 400, height: 800 }),
    `sidepanel.html?window=${windowId}`,
  );
  const follower = await opened;
  await follower.locator('#child-title[data-child-id]').waitFor();
  const switches = [];
  for (let i = 0; i < RUNS + 1; i++) {
    // To the tab it is not showing now.
    const showing = await follower.locator('#child-title[data-child-id]').getAttribute('data-child-id');
    const target = showing === '1000001' ? '1000002' : '1000001';
    await follower.evaluate((id) => {
      window.__seen = undefined;
      const observer = new MutationObserver(() => {
        if (document.querySelector(`[data-child-id="${id}"]`)) {
          window.__seen = Date.now();
          observer.disconnect();
        }
      });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true });
    }, target);
    const t0 = await worker.evaluate(async (id) => {
      const t = Date.now();
      await chrome.tabs.update(id, { active: true });
      return t;
    }, tabs[target]);
    let seen;
    for (let k = 0; k < 400 && !seen; k++) {
      seen = await follower.evaluate(() => window.__seen);
      if (!seen) await follower.waitForTimeout(10);
    }
    if (!seen) throw new Error(`The side panel did not follow to child ${target}`);
    if (i > 0) switches.push(seen - t0); // the first visit to a tab asks the background; later ones are known
  }
  record('Record page', 'side panel: switching tab to that tab’s child shown', switches, 'ms', BUDGETS.tabSwitchMs);
  await follower.close();
  await other.close();
  await page.close();
}

/** When the panel showed the child's escalation (its `panel-ready` mark; the floor's first frame), in wall-clock ms. */
const readyAt = (frame) =>
  frame
    .evaluate(() => {
      const mark = performance.getEntriesByName('panel-ready')[0];
      const floor = 'floor' in document.documentElement.dataset;
      return mark && (floor || document.querySelector('.escalation')) ? performance.timeOrigin + mark.startTime : undefined;
    })
    .catch(() => undefined);

/** Where the side panel's time went, from its own marks: modules loaded and run, child known, escalation drawn. */
const marksOf = (page) => page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])));

async function waitReady(find) {
  for (let k = 0; k < 400; k++) {
    const frame = find();
    const ready = frame && (await readyAt(frame));
    if (ready) return ready;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('The panel did not show the escalation');
}

if (part('panel')) {
  step('panel first paint: side panel, then the in-page panel, in the same profile');
  const { backup } = await generateEscalations({ count: 1, now, seed: 3 });
  backup.escalations[0].events[0].escalation.child.childId = '1000001';
  const records = await context.newPage();
  await records.goto(extensionPage('records.html'));
  await records
    .getByLabel('Import a backup file')
    .setInputFiles({ name: 'one.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) });
  await records.getByText('Import finished').waitFor();
  await records.close();
  // The side panel: from the page starting to load (the browser opening it) to the escalation drawn; and its
  // floor, the empty page in the same shell, opened the same way, turn about.
  const sideTimes = [];
  const floorTimes = [];
  const parts = { 'panel-script': [], 'panel-child': [] };
  const record1 = await context.newPage();
  await record1.goto(local('/person/1000001'));
  for (let i = 0; i < RUNS + 1; i++) {
    for (const turn of turnAbout(i)) {
      if (turn === 'page') {
        const side = await sidePanelFor(record1);
        const ready = await waitReady(() => side);
        const t0 = await side.evaluate(() => performance.timeOrigin);
        const marks = await marksOf(side);
        await side.close();
        if (i === 0) continue; // warm-up
        sideTimes.push(ready - t0);
        for (const name of Object.keys(parts)) parts[name].push(marks[name]);
      } else {
        const floor = await context.newPage();
        await floor.goto(extensionPage('floor.html'));
        const floorReady = await waitReady(() => floor);
        const floorT0 = await floor.evaluate(() => performance.timeOrigin);
        await floor.close();
        if (i > 0) floorTimes.push(floorReady - floorT0);
      }
    }
  }
  // One trace of the side panel's first paint (not in the smoke run: it times nothing it could check).
  if (!smoke) {
    const address = await sidePanelAddress(record1);
    traced('side panel to first useful paint', await traceFirstPaint(context, (page) => page.goto(address), 'panel-ready'));
    traced('its floor (the empty page)', await traceFirstPaint(context, (page) => page.goto(extensionPage('floor.html')), 'panel-ready'));
  }
  await record1.close();
  const side = record('Record page', 'side panel: open to first useful paint (child with an escalation)', sideTimes, 'ms');
  const sideFloor = record('Record page', 'side panel floor: an empty page in the same shell, open to first paint', floorTimes, 'ms');
  record('Record page', 'side panel ÷ its floor', [side.median / sideFloor.median], '×', BUDGETS.sidePanelRatio);
  record('Record page', 'side panel, of which: modules loaded and run (panel-script mark)', parts['panel-script'], 'ms');
  record('Record page', 'side panel, of which: the tab’s child known (panel-child mark)', parts['panel-child'], 'ms');

  // The in-page panel (in-page placement): from the press on the chip to the escalation drawn in the frame; and
  // its floor, the empty page opened by the same press (panel.html on disk swapped for it), turn about.
  await choosePlacement(context, 'in-page');
  const times = [];
  const framedFloor = [];
  const frameStarts = [];
  for (let i = 0; i < RUNS + 1; i++) {
    for (const turn of turnAbout(i)) {
      writeFileSync(panelPage.file, panelPage[turn === 'floor' ? 'floor' : 'own']);
      const opened = await pressChipToReady(turn === 'floor');
      if (i === 0) continue; // warm-up
      (turn === 'floor' ? framedFloor : times).push(opened.ready);
      if (turn === 'page') frameStarts.push(opened.frameStart);
    }
  }
  writeFileSync(panelPage.file, panelPage.own);
  await choosePlacement(context, 'side-panel');
  const framed = record('Record page', 'in-page panel: open to first useful paint (child with an escalation)', times, 'ms');
  const framedFloorRow = record(
    'Record page',
    'in-page panel floor: the empty page opened by the same press on the chip, to first paint',
    framedFloor,
    'ms',
  );
  record('Record page', 'in-page panel ÷ its floor', [framed.median / framedFloorRow.median], '×', BUDGETS.panelRatio);
  record('Record page', 'in-page panel, of which: press to its frame starting (the chip telling the record page)', frameStarts, 'ms');
}

/**
 * Opens a record page, presses the chip's Escalations button and waits for the in-page panel's first useful
 * paint (`floor`: the empty page's first paint); ms from the press to it, and to its frame starting.
 */
async function pressChipToReady(floor) {
  const page = await context.newPage();
  try {
    await page.goto(local('/person/1000001'));
    const chip = await chipFrame(page);
    const launcher = chip.getByRole('button', { name: 'Escalations' });
    await launcher.waitFor();
    await chip.evaluate(() =>
      addEventListener('pointerdown', () => (window.__t0 = performance.timeOrigin + performance.now()), { capture: true, once: true }),
    );
    await launcher.click();
    const panelFrame = () => page.frames().find((f) => f.url().includes('/panel.html'));
    const ready = await waitReady(panelFrame);
    const shown = await panelFrame().evaluate(() => ('floor' in document.documentElement.dataset ? 'floor' : 'panel'));
    if (shown !== (floor ? 'floor' : 'panel'))
      throw new Error(`The in-page frame showed the ${shown}, not the ${floor ? 'floor' : 'panel'}`);
    const t0 = await chip.evaluate(() => window.__t0);
    const frameStart = await panelFrame().evaluate(() => performance.timeOrigin);
    return { ready: ready - t0, frameStart: frameStart - t0 };
  } finally {
    await page.close();
  }
}

/** One page's trace, summarised: where its time went, by kind (scripts/trace.mjs). */
function traced(what, summary) {
  for (const [kind, ms] of Object.entries(summary)) record('Where the time goes (one trace)', `${what}: ${kind}`, [ms], 'ms');
}

/** A new page of the extension's at `name`, in a window of `size`. */
async function openPage(name, size) {
  const page = await context.newPage();
  await page.setViewportSize(size);
  await page.goto(extensionPage(name));
  return page;
}

/** The records replaced by `escalations` through a dashboard page (once it has drawn), which is left open. */
async function seededDashboard(escalations) {
  const page = await context.newPage();
  await page.goto(extensionPage('dashboard.html'));
  await page
    .locator('.result-count')
    .getByText(/escalations?$/)
    .waitFor();
  await seedDirectly(page, escalations, [], { clear: true });
  return page;
}

/**
 * One warm-up round and RUNS measured ones. In each, the page and its floor take turns (turnAbout): the floor is the
 * page `floor`, `page(measured)` the page's turn, and `afterRound(measured)` what is measured once a round besides.
 * Resolves to the floor's measured first paints.
 */
async function rounds({ floor, size, page, afterRound }) {
  const floorTimes = [];
  for (let i = 0; i < RUNS + 1; i++) {
    for (const turn of turnAbout(i)) {
      if (turn === 'page') await page(i > 0);
      else {
        const [ms] = await markedPage(floor, ['panel-ready'], size);
        if (i > 0) floorTimes.push(ms);
      }
    }
    await afterRound?.(i > 0);
  }
  return floorTimes;
}

/** Opens `name` as a new page of `size` and resolves to when each of its `marks` was made (ms from its navigation start). */
async function markedPage(name, marks, size) {
  const page = await openPage(name, size);
  const ms = await page.evaluate(
    (marks) =>
      new Promise((resolve) => {
        const look = () => {
          const entries = marks.map((mark) => performance.getEntriesByName(mark)[0]);
          if (entries.every(Boolean)) resolve(entries.map((entry) => entry.startTime));
          else setTimeout(look, 5);
        };
        look();
      }),
    marks,
  );
  await page.close();
  return ms;
}

if (part('popup')) {
  step('popup first paint, and its floor');
  const POPUP = { width: 360, height: 520 };
  const popup = [];
  const floor = await rounds({
    floor: 'floor.html',
    size: POPUP,
    page: async (measured) => {
      const [ms] = await markedPage('popup.html', ['popup-ready'], POPUP);
      if (measured) popup.push(ms);
    },
  });
  const p = record('Popup', 'popup: open to counts and the next five drawn', popup, 'ms');
  const f = record('Popup', 'popup floor: an empty page in the same shell', floor, 'ms');
  record('Popup', 'popup ÷ its floor', [p.median / f.median], '×', BUDGETS.popupRatio);
}

/** The dashboard's window, and its floor's. */
const DASHBOARD = { width: 1280, height: 800 };

for (const size of part('dashboard') ? SIZES : []) {
  step(`dashboard, ${size} escalations`);
  const { escalations } = await generateEscalations({ count: size, now, seed: 5 });
  await (await seededDashboard(escalations)).close();
  const first = [];
  const firstOpen = [];
  const counted = [];
  const countedOpen = [];
  const allRows = [];
  const allRowsOpen = [];
  const indexed = [];
  const search = [];
  const child = escalations[Math.floor(size / 2)].child.childId;
  const floorWithRows = await rounds({
    floor: 'floor-db.html',
    size: DASHBOARD,
    // Each view in a page of its own, opened as the floor is: the first screenful drawn, its total shown (counted
    // apart), and every row read, sorted and ready to scroll.
    page: async (measured) => {
      for (const [hash, into, totalInto, allInto] of [
        ['status=all', first, counted, allRows],
        ['', firstOpen, countedOpen, allRowsOpen],
      ]) {
        const marks = await markedPage(`dashboard.html#${hash}`, ['dashboard-rows', 'dashboard-total', 'dashboard-all-rows'], DASHBOARD);
        if (measured) [into, totalInto, allInto].forEach((list, k) => list.push(marks[k]));
      }
    },
    afterRound: async (measured) => {
      const page = await openPage('dashboard.html#status=all', DASHBOARD);
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
      if (measured) {
        indexed.push(a);
        search.push(b);
      }
      await page.close();
    },
  });
  const n = size.toLocaleString('en-GB');
  const all = record('Dashboard', `first render, ${n} escalations, all statuses`, first, 'ms');
  const open = record('Dashboard', `first render, ${n} escalations, open only (the default view)`, firstOpen, 'ms');
  record('Dashboard', `its total shown (counted apart from the first screenful), ${n}, all statuses`, counted, 'ms');
  record('Dashboard', `its total shown (counted apart from the first screenful), ${n}, open only`, countedOpen, 'ms');
  const floor = record(
    'Dashboard',
    `floor: the empty page in the same shell, plus a raw read of the first 60 rows, ${n}`,
    floorWithRows,
    'ms',
  );
  const budget = size === 10_000 ? BUDGETS.dashboard10kRatio : undefined;
  record('Dashboard', `first render ÷ floor, ${n}, all statuses`, [all.median / floor.median], '×', budget);
  record('Dashboard', `first render ÷ floor, ${n}, open only`, [open.median / floor.median], '×', budget);
  record('Dashboard', `every row read and sorted, ${n} escalations, all statuses`, allRows, 'ms');
  record('Dashboard', `every row read and sorted, ${n} escalations, open only`, allRowsOpen, 'ms');
  record('Dashboard', `filter change, ${n}: due = overdue (indexed query)`, indexed, 'ms');
  record('Dashboard', `filter change, ${n}: search by child ID (in memory)`, search, 'ms');
  if (size === SIZES.at(-1) && !smoke) {
    const address = extensionPage('dashboard.html#status=all');
    traced(
      `dashboard to first screenful, ${n} escalations`,
      await traceFirstPaint(context, (page) => page.goto(address), 'dashboard-rows'),
    );
  }
}
// The manager's team view (issue 35): a team of 30 over a year, 50,000 events (5,000 escalations of ~10 events, as
// the manager holds them after a pull: each escalation with its team row), against a raw read of the same rows.
// The view has no mark of its own: a script added before the page's own (Playwright's init script) marks the frame
// after its first worker row is in the document.
if (part('team')) {
  const count = smoke ? 200 : 5_000;
  const WORKERS = 30;
  step(`team view, ${count} escalations (${(count * 10).toLocaleString('en-GB')} events), a team of ${WORKERS}`);
  const { escalations } = await generateEscalations({ count, now, seed: 35 });
  const teamRows = escalations.map((e, i) => ({
    escalationId: e.id,
    team: 'team-bench',
    owner: `worker-${i % WORKERS}`,
    lastRecordedAt: e.updatedAt ?? now.toISOString(),
  }));
  const seedPage = await seededDashboard(escalations);
  await seedPage.evaluate(
    (rows) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('escalation-companion');
        open.onsuccess = () => {
          const tx = open.result.transaction('teamEscalations', 'readwrite');
          for (const row of rows) tx.objectStore('teamEscalations').put(row);
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
    teamRows,
  );
  await seedPage.close();
  const view = [];
  const floor = await rounds({
    floor: 'floor-team.html',
    size: DASHBOARD,
    page: async (measured) => {
      const page = await context.newPage();
      await page.setViewportSize(DASHBOARD);
      await page.addInitScript(() => {
        const seen = new MutationObserver(() => {
          if (!document.querySelector('[data-worker]')) return;
          seen.disconnect();
          requestAnimationFrame(() => performance.mark('team-rows'));
        });
        seen.observe(document, { childList: true, subtree: true });
      });
      await page.goto(extensionPage('dashboard.html#view=team'));
      await page.waitForFunction(() => performance.getEntriesByName('team-rows').length > 0);
      const workers = await page.locator('[data-worker]').count();
      if (workers !== WORKERS) throw new Error(`The team view showed ${workers} workers, not ${WORKERS}`);
      const ms = await page.evaluate(() => performance.getEntriesByName('team-rows')[0].startTime);
      await page.close();
      if (measured) view.push(ms);
    },
  });
  const n = `${count.toLocaleString('en-GB')} escalations (${(count * 10).toLocaleString('en-GB')} events), team of ${WORKERS}`;
  const v = record('Team view', `first screen (a row per worker), ${n}`, view, 'ms');
  const f = record('Team view', `floor: the empty page in the same shell, plus a raw read of the same rows, ${n}`, floor, 'ms');
  record('Team view', `first screen ÷ floor, ${n}`, [v.median / f.median], '×');
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
    const d = record('Queries', `overdue now, ${n} escalations: Dexie (lib/db/escalations.ts)`, dexie, 'ms');
    const r = record('Queries', `overdue now, ${n} escalations: raw IndexedDB cursor (floor)`, raw, 'ms');
    record('Queries', `overdue now, ${n}: Dexie ÷ raw cursor`, [d.median / r.median], '×', BUDGETS.overdueQueryRatio);
  }
  await browser.close();
}
await demo.stop();

if (part('schedules')) {
  step('schedules per second');
  const { scheduleEscalation, listProtocols } = await importTypeScript(
    "export { scheduleEscalation } from './lib/schedule/schedule'; export { listProtocols } from './lib/protocols';",
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

// The team store (issue 35): the gateway's push and pull under a bounded load from a second process on loopback.
// server/bench.mjs starts PostgreSQL (fsync on), the OIDC server and the gateway in a child of its own, pushes a
// team of 30's year of work and pulls it back; this process only reads its figures. The smoke run asks for its
// small size (2,000 events, ~5 s), so `npm test` keeps the path from rotting.
if (part('team')) {
  step(`team store: gateway push and pull under a bounded load (${smoke ? '2,000' : '50,000'} events, second process)`);
  const load = spawnSync(process.execPath, [join(ROOT, 'server/bench.mjs'), '--json', ...(smoke ? ['--smoke'] : [])], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (load.status !== 0) throw new Error('The team store bench (server/bench.mjs) failed');
  const g = JSON.parse(load.stdout.trim().split('\n').at(-1));
  const n = g.events.toLocaleString('en-GB');
  const where = 'this machine, loopback, PostgreSQL with fsync on';
  record('Team store (gateway)', `push: ${n} events, batches of 500 from 4 clients (${where})`, [g.pushEventsPerSecond], '/s');
  record(
    'Team store (gateway)',
    `pull: the manager's whole team from the start, ${n} events (${where})`,
    [g.teamPullEventsPerSecond],
    '/s',
  );
  record(
    'Team store (gateway)',
    `pull: one worker's own, ${g.workerPulled.toLocaleString('en-GB')} events (${where})`,
    [g.workerPullMs],
    'ms',
  );
  record(
    'Team store (gateway)',
    `pull: one day's changes after the manager's cursor, ${g.dayChanges} events (${where})`,
    [g.dayPullMs],
    'ms',
  );
  record('Team store (gateway)', 'a retried push batch: events stored again (must be 0)', [g.retryInserted], 'events');

  // A manager's browser pulling one day's changes (a 365th of the year: 137 events of new escalations) on loopback,
  // from the real stack, signed in (scripts/bench-team-pull.mjs says how, and what is timed). The smoke run keeps
  // it, small, with the test build `npm test` has just made.
  step('team store: a manager’s browser pulling one day’s changes');
  const pull = await measureDayPull({
    runs: RUNS,
    history: smoke ? 20 : 1_000,
    dayTarget: smoke ? 20 : 137,
    now,
    root: ROOT,
    rebuild: !smoke,
  });
  record(
    'Team store (browser)',
    `a manager's browser pulls one day's changes, ${pull.dayEvents} events of ${pull.dayEscalations} new escalations, already holding ${pull.historyEscalations.toLocaleString('en-GB')} (this machine, loopback)`,
    pull.times,
    'ms',
  );
}

if (part('bundle')) {
  step('bundle sizes');
  const gz = (file) => gzipSync(readFileSync(join(PROD_DIR, file)), { level: 9 }).length / 1024;
  record('Bundle (gzip)', 'content script (content-scripts/content.js)', [gz('content-scripts/content.js')], 'kB', BUDGETS.contentGzipKb);
  record('Bundle (gzip)', 'background (background.js)', [gz('background.js')], 'kB');
  /** The files a file names (its static imports are in the page's HTML; its dynamic ones are named in its text). */
  const named = (file) =>
    [...readFileSync(join(PROD_DIR, file), 'utf8').matchAll(/(?:chunks|assets)\/[\w.-]+\.(?:js|css)/g)].map((m) => m[0]);
  for (const html of readdirSync(PROD_DIR).filter((f) => f.endsWith('.html'))) {
    const text = readFileSync(join(PROD_DIR, html), 'utf8');
    const first = [...text.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1]);
    // Whatever the page can load later: every file named by what it loads, and so on.
    const lazy = new Set();
    const queue = [...first];
    while (queue.length) {
      for (const file of named(queue.shift())) {
        if (first.includes(file) || lazy.has(file)) continue;
        lazy.add(file);
        queue.push(file);
      }
    }
    const sum = (files) => files.reduce((total, f) => total + gz(f), 0);
    record(
      'Bundle (gzip)',
      `${html}: first load (its HTML, scripts and styles)`,
      [gz(html) + sum(first)],
      'kB',
      BUDGETS.firstLoadGzipKb[html],
    );
    if (lazy.size) record('Bundle (gzip)', `${html}: loaded later, when needed (${lazy.size} files)`, [sum([...lazy])], 'kB');
  }
}

// Report.
const format = (v, unit) =>
  unit === '×' ? v.toFixed(3) : unit === '/s' || unit === 'events' ? Math.round(v).toLocaleString('en-GB') : v.toFixed(1);
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
