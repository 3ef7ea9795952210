// `npm test`: every test, unit and browser.
// 1. lint (ESLint: no import cycles, every import points down, the hooks rules); unit tests (vitest) under two time
//    zones, so no rule leans on the machine's zone; type check; formatting;
// 2. the development/test build of the extension;
// 3. browser tests (Playwright) in real Chromium with that build loaded;
// 4. the Firefox smoke suite in real Firefox ESR with the Firefox test build installed;
// 5. the team store server's tests: a throwaway PostgreSQL, a real OIDC server and the gateway on loopback;
// 6. the benchmark's smoke run (one run, small data), so `npm run bench` cannot rot.
import { spawnSync } from 'node:child_process';
import { browserVersion, ensureBrowser, findBrowser, installDebianPackagesMeanwhile } from './browser.mjs';
import { ensureFirefox, findFirefox } from './firefox.mjs';
import { findPostgresBin } from '../server/postgres.mjs';

function run(title, command, args, env = {}) {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env }, shell: process.platform === 'win32' });
  if (result.status !== 0) {
    console.error(`✖ ${title} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status || 1);
  }
}

/** Stops `npm test` with the message, as a failed step does. */
function stop(error) {
  console.error(String(error.message));
  process.exit(1);
}

// A browser, or PostgreSQL for the team store's tests, that is missing is installed (Debian, as root: CI on a clean
// machine) while the unit tests, type check, formatting and builds run: apt spends most of its minute or two waiting
// on the network and the disk.
let installing;
try {
  installing = installDebianPackagesMeanwhile([
    ...(findBrowser() ? [] : ['chromium']),
    ...(findFirefox() ? [] : ['firefox-esr']),
    ...(findPostgresBin() ? [] : ['postgresql']),
  ]).catch((error) => error);
} catch (error) {
  stop(error); // CHROME_PATH or FIREFOX_PATH names nothing
}

run('Lint (ESLint: cycles, layers, hooks; `npm run lint`)', 'npx', ['eslint', '.']);
run('Unit tests, TZ=Europe/London', 'npx', ['vitest', 'run'], { TZ: 'Europe/London' });
run('Unit tests, TZ=Pacific/Auckland', 'npx', ['vitest', 'run'], { TZ: 'Pacific/Auckland' });
run('Type check', 'npx', ['tsc', '--noEmit']);
run('Formatting (Prettier; `npm run format` fixes it)', 'npx', ['prettier', '--check', '.']);
run('Firefox build, checked with web-ext lint', 'npm', ['run', 'lint:firefox']);
run('Build the extension (test build)', 'npx', ['wxt', 'build', '--mode', 'development']);

const installed = await installing;
if (installed instanceof Error) stop(installed);
let browser;
let firefox;
try {
  browser = ensureBrowser();
  firefox = ensureFirefox();
} catch (error) {
  stop(error);
}
run('Team store server tests (PostgreSQL, OIDC server and gateway on loopback)', 'npx', [
  'vitest',
  'run',
  '-c',
  'server/vitest.config.mjs',
]);
console.log(`\nBrowsers for the browser tests: ${browser} (${browserVersion(browser)}); ${firefox} (${browserVersion(firefox)})`);
run('Browser tests (Playwright, Chromium)', 'npx', ['playwright', 'test'], { CHROME_PATH: browser });
run('Firefox build (test build)', 'npx', ['wxt', 'build', '-b', 'firefox', '--mode', 'development']);
run('Firefox smoke suite (Firefox ESR over WebDriver BiDi)', 'npx', ['playwright', 'test', '-c', 'playwright.firefox.config.ts'], {
  FIREFOX_PATH: firefox,
});
run('Benchmark smoke run (one run, small data; figures not for comparison)', 'node', ['scripts/bench.mjs', '--smoke'], {
  CHROME_PATH: browser,
});
console.log('\n✔ All tests passed.');
