// `npm run demo`: builds the extension, serves the demo case-record system and
// opens both in Chromium. With a display you get a normal browser window to use;
// without one (CI, servers) it runs headless, drives the demo to show the panel,
// and saves screenshots. `npm run demo -- --headless` forces the headless run.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { startDemoServer } from '../demo/server.mjs';
import { browserVersion, ensureBrowser, launchWithExtension, TEST_BUILD_DIR } from './browser.mjs';

const forceHeadless = process.argv.includes('--headless');
const hasDisplay = process.platform === 'darwin' || process.platform === 'win32' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const headless = forceHeadless || !hasDisplay;

const build = spawnSync('npx', ['wxt', 'build', '--mode', 'development'], { stdio: 'inherit', shell: process.platform === 'win32' });
if (build.status !== 0) process.exit(build.status || 1);

const executablePath = ensureBrowser();
console.log(`Browser: ${executablePath} (${browserVersion(executablePath)})`);
const demo = await startDemoServer(Number(process.env.PORT ?? 0));
const { context } = await launchWithExtension(TEST_BUILD_DIR, { headless, executablePath });
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(`${demo.url}/person/1000001`);
const launcher = page.getByRole('button', { name: 'Escalations' });
await launcher.waitFor();

if (!headless) {
  await launcher.click();
  console.log(`\nThe demo case-record system is open at ${demo.url}/person/1000001`);
  console.log('Use the "Escalations" button at the bottom right. Close the browser window to stop.');
  await new Promise((done) => context.on('close', done));
  await demo.stop();
  process.exit(0);
}

const outDir = resolve('demo-screenshots');
mkdirSync(outDir, { recursive: true });
const saved = [];
async function shot(name) {
  const path = resolve(outDir, `${name}.png`);
  await page.screenshot({ path });
  saved.push(path);
}

await shot('01-record-page');
await launcher.click();
const panel = page.frameLocator('iframe[title="Escalation Companion"]');
await panel.getByRole('heading', { name: 'Escalation Companion' }).waitFor();
await shot('02-panel-open-pan-cheshire');
for (const [i, protocol] of ['halton', 'enfield', 'pan-sussex', 'herefordshire'].entries()) {
  await panel.getByLabel('Protocol', { exact: true }).selectOption(protocol);
  await page.waitForTimeout(100);
  await shot(`0${i + 3}-panel-${protocol}`);
}
await page.getByRole('link', { name: 'Noah Bennett' }).click();
await page.getByRole('heading', { name: 'Noah Bennett' }).waitFor();
await shot('07-next-child');

await context.close();
await demo.stop();
console.log(`\nHeadless demo done (no display found). Screenshots in ${outDir}:`);
for (const path of saved) console.log(`  ${path}`);
