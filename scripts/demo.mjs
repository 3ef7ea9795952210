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
import { escalate, fillStartForm, openPanel, PANEL } from '../demo/drive.mjs';
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
const launcher = page.getByRole('button', { name: 'Escalations' });
await launcher.waitFor();

if (!headless) {
  await launcher.click();
  console.log(`\nThe demo case-record system is open at ${demo.url}/person/1000001`);
  console.log('Use the "Escalations" button at the bottom right. Close the browser window to stop.');
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
async function shot(name) {
  const path = resolve(outDir, `${name}.png`);
  for (const frame of page.frames()) await frame.evaluate(() => window.scrollTo(0, 0)).catch(() => undefined);
  await page.screenshot({ path });
  saved.push(path);
}

await shot('record-page');
await launcher.click();
let panel = page.frameLocator(PANEL);
await panel.getByRole('heading', { name: 'Escalation Companion' }).waitFor();
await shot('panel-start-form');

// One escalation per protocol, taken one stage up the ladder, shown wide and narrow.
const PROTOCOLS = [
  ['pan-cheshire', 'Step 1: Line Manager to Line Manager (Day 3-7)', ''],
  ['halton', 'Manager/Named Professional with responsibilities for Safeguarding', ''],
  ['enfield', 'Stage 1', ''],
  ['pan-sussex', 'Stage 2 Manager to Manager', '3'],
  ['herefordshire', 'Stage 1 Line/Team Manager to Line/Team Manager', ''],
];
for (const [i, [protocol, nextTitle, days]] of PROTOCOLS.entries()) {
  await page.setViewportSize({ width: 1280, height: 900 });
  panel = await openPanel(page, demo.url, '1000001');
  if (i > 0) await panel.getByRole('button', { name: 'Start another escalation for this child' }).click();
  await fillStartForm(panel, protocol, { days });
  await panel.getByRole('button', { name: 'Start escalation' }).click();
  await escalate(panel, nextTitle, days);
  await shot(`panel-${protocol}-wide`);
  await page.setViewportSize({ width: 320, height: 900 });
  await page.waitForTimeout(100);
  await shot(`panel-${protocol}-narrow`);
}
await page.setViewportSize({ width: 1280, height: 900 });
panel = await openPanel(page, demo.url, '1000002');
await shot('next-child');

// The case note inserted into a real editor (CKEditor 5) the record page uses, read back before it says so.
await page.goto(`${demo.url}/person/1000001?editor=ckeditor&draft=Home+visit+today.`);
await page.locator('[data-editor-ready="ckeditor"]').waitFor();
await launcher.click();
panel = page.frameLocator(PANEL);
await panel.getByRole('button', { name: 'Insert into the record’s case note' }).click();
await panel.getByText('Inserted into the case note').waitFor();
await shot('case-note-ckeditor');

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
