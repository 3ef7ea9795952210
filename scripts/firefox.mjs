// Finds (or, on Debian/Ubuntu as root, installs) Firefox ESR and launches it with the Firefox build of the
// extension installed in the profile, driven over WebDriver BiDi by puppeteer-core (no driver download, works
// offline). Used by the Firefox smoke suite. FIREFOX_PATH points at a Firefox binary to use instead.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureExecutable, findExecutable, manifestOf } from './browser.mjs';

const CANDIDATES = [
  '/usr/bin/firefox-esr',
  '/usr/bin/firefox',
  '/snap/bin/firefox',
  '/Applications/Firefox.app/Contents/MacOS/firefox',
  'C:\\Program Files\\Mozilla Firefox\\firefox.exe',
];

export const findFirefox = () => findExecutable('FIREFOX_PATH', CANDIDATES);

/** Returns a Firefox path, installing Debian's firefox-esr when that is possible; otherwise explains what to do. */
export const ensureFirefox = () =>
  ensureExecutable(
    findFirefox,
    'firefox-esr',
    'No Firefox was found.\n' +
      '  Install Firefox ESR (Debian/Ubuntu: sudo apt-get install firefox-esr; elsewhere from mozilla.org),\n' +
      '  or set FIREFOX_PATH to the Firefox binary.',
  );

/** Where the development/test build for Firefox is written (`wxt build -b firefox --mode development`). */
export const FIREFOX_TEST_BUILD_DIR = new URL('../.output/firefox-mv2-dev/', import.meta.url).pathname;

/** The add-on id the build carries (browser_specific_settings.gecko.id): policies and managed storage key on it. */
export function addonIdOf(dir) {
  const id = manifestOf(dir).browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`The build in ${dir} has no Firefox add-on id.`);
  return id;
}

/** Packs a built extension directory as an .xpi (web-ext build), so it can be installed into a profile. */
export function packExtension(dir) {
  if (!existsSync(join(dir, 'manifest.json')))
    throw new Error(`No Firefox build in ${dir}: run "npx wxt build -b firefox --mode development".`);
  const out = mkdtempSync(join(tmpdir(), 'escalation-xpi-'));
  execFileSync(
    'npx',
    ['web-ext', 'build', '--source-dir', dir, '--artifacts-dir', out, '--filename', 'extension.xpi', '--no-config-discovery'],
    {
      stdio: 'ignore',
      shell: process.platform === 'win32',
    },
  );
  return join(out, 'extension.xpi');
}

/** The extension's pages are at moz-extension://UUID/; the UUID is fixed per run so tests can open them. */
const EXTENSION_UUID = '5e2c0b7a-6f31-4d8e-9a44-0c1d2e3f4a5b';

/**
 * Opens Firefox on a profile with the extension installed in it as a normal (not temporary) add-on, so it
 * stays installed, with its data, when the browser is closed and opened again on the same profile.
 * `policies` is the content of a policies.json: Firefox's own policy engine reads it (its test-only
 * alternate path, honoured under remote automation), and passes `3rdparty.Extensions[id]` to the extension
 * as managed storage, as it does for an organisation's policies.json.
 */
export async function launchFirefoxWithExtension({ xpi, addonId, userDataDir, policies, executablePath } = {}) {
  const { default: puppeteer } = await import('puppeteer-core');
  const profile = userDataDir ?? mkdtempSync(join(tmpdir(), 'escalation-firefox-'));
  mkdirSync(join(profile, 'extensions'), { recursive: true });
  if (xpi) copyFileSync(xpi, join(profile, 'extensions', `${addonId}.xpi`));
  const prefs = {
    // Unsigned test builds install in ESR (not in release Firefox) with signing checks off.
    'xpinstall.signatures.required': false,
    // Add-ons in the profile's folder start enabled, without a prompt.
    'extensions.autoDisableScopes': 0,
    'extensions.webextensions.uuids': JSON.stringify({ [addonId]: EXTENSION_UUID }),
  };
  // Newer Firefox (153 here; 140 did not ask) lets WebDriver open moz-extension:// pages only with system
  // access allowed, for this test session only.
  const env = { ...process.env, MOZ_REMOTE_ALLOW_SYSTEM_ACCESS: '1' };
  if (policies) {
    const file = join(profile, 'policies.json');
    writeFileSync(file, JSON.stringify(policies));
    Object.assign(prefs, {
      'browser.policies.alternatePath': file,
      'security.turn_off_all_security_so_that_viruses_can_take_over_this_computer': true,
    });
    env.MOZ_DISABLE_NONLOCAL_CONNECTIONS = '1';
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: executablePath ?? ensureFirefox(),
    headless: true,
    userDataDir: profile,
    env,
    extraPrefsFirefox: prefs,
    defaultViewport: { width: 1280, height: 800 },
  });
  return { browser, userDataDir: profile, extensionUrl: `moz-extension://${EXTENSION_UUID}/` };
}
