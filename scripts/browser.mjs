// Finds (or, on Debian/Ubuntu as root, installs) a Chromium-family browser and
// launches it with the built extension loaded. Used by the tests, the demo and
// the benchmark. CHROME_PATH points at a browser binary to use instead.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/microsoft-edge',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
];

/** Flags that keep Chromium quiet on a closed network and in containers. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** The browser binary the environment variable `override` names, else the first of `candidates` that exists. */
export function findExecutable(override, candidates) {
  const chosen = process.env[override];
  if (chosen) {
    if (!existsSync(chosen)) throw new Error(`${override} is set to ${chosen}, which does not exist.`);
    return chosen;
  }
  return candidates.find((path) => existsSync(path)) ?? null;
}

export const findBrowser = () => findExecutable('CHROME_PATH', CANDIDATES);

function isDebianRoot() {
  return process.platform === 'linux' && existsSync('/etc/debian_version') && process.getuid?.() === 0;
}

const APT_STEPS = (names) => [
  ['update', '-qq'],
  ['install', '-y', '-qq', ...names],
];
const APT_ENV = () => ({ ...process.env, DEBIAN_FRONTEND: 'noninteractive' });
const packageList = (names) => `Debian's ${names.map((n) => `"${n}"`).join(' and ')} package${names.length > 1 ? 's' : ''}`;

/**
 * Installs Debian packages when this is Debian/Ubuntu and we are root (CI); returns whether it tried.
 * Used for the browsers the tests need: `chromium` and `firefox-esr`.
 */
export function installDebianPackages(names) {
  if (!isDebianRoot() || names.length === 0) return false;
  console.log(`Installing ${packageList(names)}…`);
  for (const args of APT_STEPS(names)) {
    const r = spawnSync('apt-get', args, { stdio: 'inherit', env: APT_ENV() });
    if (r.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit ${r.status}).`);
  }
  return true;
}

/**
 * The same, started now and finished later (resolves when installed; false when not Debian as root), so other
 * work runs meanwhile. apt's output goes to a file, shown only if it fails.
 */
export async function installDebianPackagesMeanwhile(names) {
  if (!isDebianRoot() || names.length === 0) return false;
  console.log(`Installing ${packageList(names)} while the next steps run…`);
  const log = join(mkdtempSync(join(tmpdir(), 'apt-')), 'apt.log');
  const out = openSync(log, 'w');
  // One child for both steps: it goes on while the caller blocks in spawnSync (the event loop does not turn).
  const script = APT_STEPS(names)
    .map((args) => ['apt-get', ...args].join(' '))
    .join(' && ');
  const status = await new Promise((resolve) =>
    spawn('sh', ['-c', script], { stdio: ['ignore', out, out], env: APT_ENV() }).on('close', (code) => resolve(code)),
  );
  if (status !== 0) throw new Error(`${script} failed (exit ${status}):\n${readFileSync(log, 'utf8').slice(-4000)}`);
  return true;
}

/** What `find` finds; else installs the Debian package (when possible) and finds again; else `missing` says what to do. */
export function ensureExecutable(find, debianPackage, missing) {
  const found = find();
  if (found) return found;
  const installed = installDebianPackages([debianPackage]) ? find() : null;
  if (installed) return installed;
  throw new Error(missing);
}

/** Returns a browser path, installing Debian's chromium when that is possible; otherwise explains what to do. */
export const ensureBrowser = () =>
  ensureExecutable(
    findBrowser,
    'chromium',
    'No Chromium, Google Chrome or Microsoft Edge was found.\n' +
      '  Install one (Debian/Ubuntu: sudo apt-get install chromium; macOS/Windows: install Google Chrome),\n' +
      '  or set CHROME_PATH to the browser binary.',
  );

export function browserVersion(path) {
  try {
    return execFileSync(path, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown version';
  }
}

/**
 * Opens a persistent Chromium profile with the extension in `extensionDir` loaded.
 * Resolves to { context, extensionId, userDataDir }.
 */
export async function launchWithExtension(extensionDir, { headless = true, userDataDir, executablePath, timezoneId } = {}) {
  const { chromium } = await import('@playwright/test');
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run "npm run build:test" first.`);
  }
  const profile = userDataDir ?? mkdtempSync(join(tmpdir(), 'escalation-profile-'));
  withDeveloperMode(profile);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: executablePath ?? ensureBrowser(),
    headless,
    args: [...CHROMIUM_FLAGS, `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`],
    viewport: { width: 1280, height: 800 },
    // A test's `test.use({ timezoneId })`: the pages run as on a computer in that zone.
    ...(timezoneId ? { timezoneId } : {}),
  });
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: 15_000 });
  const extensionId = new URL(worker.url()).host;
  await waitForRecordPageScript(worker, extensionDir);
  return { context, extensionId, userDataDir: profile, worker };
}

/**
 * An unpacked extension is a developer's: Chromium (from about version 137)
 * disables one that reloads itself (runtime.reload(), as after an update) when
 * the profile's developer mode is off, with disable reason 1<<24
 * (DISABLE_UNSUPPORTED_DEVELOPER_EXTENSION). Whether it did so depended on timing,
 * so the reload test failed now and then. A developer loading the build has
 * developer mode on; so does the test profile. Store installs are not unpacked.
 */
function withDeveloperMode(profile) {
  const file = join(profile, 'Default', 'Preferences');
  let prefs = {};
  try {
    prefs = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    mkdirSync(join(profile, 'Default'), { recursive: true });
  }
  prefs.extensions ??= {};
  prefs.extensions.ui = { ...prefs.extensions.ui, developer_mode: true };
  writeFileSync(file, JSON.stringify(prefs));
}

/**
 * The background registers the content script for granted origins just after
 * install; a page opened before that would get no panel. Test builds are
 * granted the demo origins, so wait until the registration exists.
 */
async function waitForRecordPageScript(worker, extensionDir) {
  if (!(manifestOf(extensionDir).host_permissions ?? []).length) return;
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const ids = await worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).map((s) => s.id));
    if (ids.length > 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('The extension did not register its content script within 10 s of starting.');
}

/** Where the development/test build of the extension is written. */
export const TEST_BUILD_DIR = new URL('../.output/chrome-mv3-dev/', import.meta.url).pathname;

export function manifestOf(dir) {
  return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
}
