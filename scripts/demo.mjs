// `npm run demo`: builds the extension, serves the demo case-record system and
// opens both in Chromium. With a display you get a normal browser window to use;
// without one (CI, servers) it runs headless, drives the demo to show the panel,
// and saves screenshots. `npm run demo -- --headless` forces the headless run.
// Either way the extension first gets a team's worth of generated escalations
// (300, over the past year, as of now) so the toolbar badge, popup, dashboard and
// figures have something to show; `--no-seed` starts empty.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chipFrame, choosePlacement, escalate, fillStartForm, openInPagePanel, openSidePanelFor } from '../demo/drive.mjs';
import { startDemoServer } from '../demo/server.mjs';
import { browserVersion, ensureBrowser, launchWithExtension, TEST_BUILD_DIR } from './browser.mjs';
import { generateEscalations } from './typescript.mjs';

const forceHeadless = process.argv.includes('--headless');
const hasDisplay =
  process.platform === 'darwin' || process.platform === 'win32' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const headless = forceHeadless || !hasDisplay;

const build = spawnSync('npx', ['wxt', 'build', '--mode', 'development'], { stdio: 'inherit', shell: process.platform === 'win32' });
if (build.status !== 0) process.exit(build.status || 1);

const executablePath = ensureBrowser();
console.log(`Browser: ${executablePath} (${browserVersion(executablePath)})`);
const demo = await startDemoServer(Number(process.env.PORT ?? 0));
const { context, extensionId } = await launchWithExtension(TEST_BUILD_DIR, { headless, executablePath });
const page = context.pages()[0] ?? (await context.newPage());
const extensionPage = (name) => `chrome-extension://${extensionId}/${name}`;

if (!process.argv.includes('--no-seed')) {
  // Through the records page's import, as a person restoring a backup would.
  const { backup } = await generateEscalations({ count: 300, now: new Date(), seed: 42 });
  await page.goto(extensionPage('records.html'));
  await page
    .getByLabel('Import a backup file')
    .setInputFiles({ name: 'team.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) });
  await page.getByText('Import finished').waitFor({ timeout: 60_000 });
  console.log('Seeded 300 generated escalations (see the toolbar badge, its popup and the dashboard).');
}
await page.goto(`${demo.url}/person/1000001`);
const launcher = (await chipFrame(page)).getByRole('button', { name: 'Escalations' });
await launcher.waitFor();

if (!headless) {
  // A click is the worker's own action: the browser opens its side panel beside the record.
  await launcher.click();
  console.log(`\nThe demo case-record system is open at ${demo.url}/person/1000001, the panel in the browser's side panel.`);
  console.log('The "Escalations" button (bottom right), the toolbar button or Alt+Shift+E open it. Close the browser window to stop.');
  console.log('Real note editors: add ?editor=ckeditor, tinymce, quill, react or reverting to the record address.');
  await new Promise((done) => context.on('close', done));
  await demo.stop();
  process.exit(0);
}

// `--out DIR` writes the screenshots elsewhere (the README's come from `--out docs/screenshots`).
const outArg = process.argv.indexOf('--out');
const outDir = resolve(outArg > 0 ? process.argv[outArg + 1] : 'demo-screenshots');
mkdirSync(outDir, { recursive: true });
const saved = [];
async function shot(name, of = page) {
  const path = resolve(outDir, `${name}.png`);
  for (const frame of of.frames()) await frame.evaluate(() => window.scrollTo(0, 0)).catch(() => undefined);
  await of.screenshot({ path });
  saved.push(path);
}

// The browser's side panel is browser UI, which a headless screenshot does not include: the record page and
// the page the side panel shows are each drawn at their real widths and set side by side in one image.
const WINDOW = { width: 1280, height: 900 };
const SIDE_PANEL_WIDTH = 400;
async function shotBeside(name, side) {
  const path = resolve(outDir, `${name}.png`);
  for (const frame of page.frames()) await frame.evaluate(() => window.scrollTo(0, 0)).catch(() => undefined);
  const [record, panelImage] = await Promise.all([page.screenshot(), side.screenshot()]);
  const canvas = await context.newPage();
  await canvas.setViewportSize(WINDOW);
  const img = (png) => `<img src="data:image/png;base64,${png.toString('base64')}" style="display:block">`;
  await canvas.setContent(
    `<body style="margin:0;display:flex;background:#ccc">${img(record)}<div style="width:1px;background:#888"></div>${img(panelImage)}</body>`,
  );
  await canvas.screenshot({ path });
  await canvas.close();
  saved.push(path);
}

await page.setViewportSize(WINDOW);
await shot('record-page');
await page.setViewportSize({ width: WINDOW.width - SIDE_PANEL_WIDTH - 1, height: WINDOW.height });
const side = await openSidePanelFor(page);
await side.setViewportSize({ width: SIDE_PANEL_WIDTH, height: WINDOW.height });
await side.getByRole('heading', { name: 'Mosaic ID 1000001' }).waitFor();
await shotBeside('panel-start-form', side);

// One escalation per protocol, taken one stage up the ladder, shown beside the record and at 320 px.
const PROTOCOLS = [
  ['pan-cheshire', 'Step 1: Line Manager to Line Manager (Day 3-7)', ''],
  ['halton', 'Manager/Named Professional with responsibilities for Safeguarding', ''],
  ['enfield', 'Stage 1', ''],
  ['pan-sussex', 'Stage 2 Manager to Manager', '3'],
  ['herefordshire', 'Stage 1 Line/Team Manager to Line/Team Manager', ''],
];
for (const [i, [protocol, nextTitle, days]] of PROTOCOLS.entries()) {
  await side.setViewportSize({ width: SIDE_PANEL_WIDTH, height: WINDOW.height });
  if (i > 0) await side.getByRole('button', { name: 'Start another escalation for this child' }).click();
  await fillStartForm(side, protocol, { days });
  await side.getByRole('button', { name: 'Start escalation' }).click();
  await escalate(side, nextTitle, days);
  await shotBeside(`panel-${protocol}-wide`, side);
  await side.setViewportSize({ width: 320, height: WINDOW.height });
  await side.waitForTimeout(100);
  await shot(`panel-${protocol}-narrow`, side);
}
await side.setViewportSize({ width: SIDE_PANEL_WIDTH, height: WINDOW.height });
// The side panel follows the worker to another child.
await page.goto(`${demo.url}/person/1000002`);
await side.getByRole('heading', { name: 'Mosaic ID 1000002' }).waitFor();
await shotBeside('next-child', side);

// The case note inserted into a real editor (CKEditor 5) the record page uses, read back before it says so.
await page.goto(`${demo.url}/person/1000001?editor=ckeditor&draft=Home+visit+today.`);
await page.locator('[data-editor-ready="ckeditor"]').waitFor();
await side.getByRole('heading', { name: 'Mosaic ID 1000001' }).waitFor();
await side.getByRole('button', { name: 'Insert into the record’s case note' }).click();
await side.getByText('Inserted into the case note').waitFor();
await shotBeside('case-note-ckeditor', side);
await side.close();

// In-page placement (for browsers without a side panel): the record moves aside to make room.
await choosePlacement(context, 'in-page');
await page.setViewportSize(WINDOW);
await openInPagePanel(page, demo.url, '1000001');
await shot('panel-in-page');
await choosePlacement(context, 'side-panel');

// The manager's view: the toolbar popup, the dashboard and the figures.
await page.setViewportSize({ width: 360, height: 520 });
await page.goto(extensionPage('popup.html'));
await page.locator('[data-count="overdue"]').waitFor();
await shot('popup');
await page.setViewportSize({ width: 1280, height: 900 });
await page.goto(extensionPage('dashboard.html#status=open'));
await page.locator('tbody tr[data-escalation]').first().waitFor();
await shot('dashboard');
await page.goto(extensionPage('dashboard.html#view=figures'));
await page.locator('[data-figure="total"]').waitFor();
await shot('figures');

await context.close();
await demo.stop();
console.log(`\nHeadless demo done (no display found). Screenshots in ${outDir}:`);
for (const path of saved) console.log(`  ${path}`);
