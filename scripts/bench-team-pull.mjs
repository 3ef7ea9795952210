// `npm run bench`'s browser pull (issue 35): how long a signed-in manager's browser takes to pull one day's
// changes from the real team store on loopback. The stack (PostgreSQL, the OIDC server, the gateway) is
// server/dev.mjs's startStack; the profile is signed in as tests/browser/team-store.spec.ts does it (the same
// authorization-code + PKCE flow against the real OIDC server, its session put where the extension keeps it; the
// policy through the test build's stand-in), so this part uses the test build (npm run build:test).
//
// Timed: from the press of "Send and fetch now" on the options page (the sync runs in that page, as it does for a
// person who presses it) to the sync's end, which is when it writes its state with a new lastSyncedAt (the last
// thing a complete sync does, lib/sync/engine.ts). The background gives no mark or message of its own for this.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startStack } from '../server/dev.mjs';
import { launchWithExtension, TEST_BUILD_DIR } from './browser.mjs';
import { generateEscalations, importTypeScript } from './typescript.mjs';

const TEAM = 'bench-team';
const WORKERS = Array.from({ length: 30 }, (_, w) => `bench-worker-${w}`);
const MANAGER = 'bench-manager';

/** Whole escalations (so that each derives) from a generated set, until at least `target` events. */
function wholeEscalations(events, target) {
  const out = [];
  const taken = new Set();
  for (const event of events) {
    if (!taken.has(event.escalationId)) {
      if (out.length >= target) break;
      taken.add(event.escalationId);
    }
    out.push(event);
  }
  return out;
}

/**
 * Resolves to `{ historyEscalations, historyEvents, dayEvents, times }`: the manager's browser first pulls the team's
 * history (`history` escalations), then, `runs + 1` times (the first a warm-up), the workers push about `dayTarget`
 * events of new escalations and the manager's browser pulls them. `rebuild: false` uses the test build already
 * there (the smoke run, which `npm test` starts just after making it).
 */
export async function measureDayPull({ runs, history, dayTarget, now, root, rebuild = true }) {
  if (rebuild || !existsSync(join(TEST_BUILD_DIR, 'manifest.json'))) {
    const built = spawnSync('npx', ['wxt', 'build', '--mode', 'development'], { cwd: root, stdio: 'ignore' });
    if (built.status !== 0) throw new Error('The test build failed');
  }
  const { signIn, toWire } = await importTypeScript("export { signIn } from './lib/sync/oidc'; export { toWire } from './lib/team/model';");
  const stack = await startStack();
  let context;
  try {
    await stack.addTeam({ team: TEAM, workers: WORKERS, managers: [MANAGER] });
    const tokens = await Promise.all(WORKERS.map((sub) => stack.identity.token({ sub, roles: ['worker'] })));
    /** Each escalation pushed by one worker (its author), in batches the gateway takes. */
    const push = async (events) => {
      const ids = [...new Set(events.map((e) => e.escalationId))];
      const owner = new Map(ids.map((id, i) => [id, i % WORKERS.length]));
      for (let w = 0; w < WORKERS.length; w++) {
        const mine = events.filter((e) => owner.get(e.escalationId) === w).map(toWire);
        for (let i = 0; i < mine.length; i += 500) {
          const response = await fetch(`${stack.gateway}/v1/events`, {
            method: 'POST',
            headers: { authorization: `Bearer ${tokens[w]}`, 'content-type': 'application/json' },
            body: JSON.stringify({ events: mine.slice(i, i + 500) }),
          });
          if (!response.ok) throw new Error(`The gateway refused a push: ${response.status} ${await response.text()}`);
        }
      }
    };
    const past = await generateEscalations({ count: history, now, seed: 35 });
    await push(past.events);

    const launched = await launchWithExtension(TEST_BUILD_DIR);
    context = launched.context;
    const teamServer = { server: stack.gateway, issuer: stack.issuer, clientId: 'extension', team: TEAM };
    stack.identity.signInAs(MANAGER, ['team-manager']);
    const session = await signIn(
      { ...teamServer, scope: 'openid', rolesClaim: 'roles', managerRole: 'team-manager' },
      {
        fetch,
        redirectUri: `https://${launched.extensionId}.chromiumapp.org/`,
        launch: async (url) => (await fetch(url, { redirect: 'manual' })).headers.get('location'),
      },
    );
    await launched.worker.evaluate(
      async ({ managed, session }) => {
        await chrome.storage.session.set({ teamSession: session });
        await chrome.storage.local.set({ __testManagedSettings: managed });
      },
      { managed: { teamServer }, session },
    );
    const page = await context.newPage();
    await page.goto(`chrome-extension://${launched.extensionId}/options.html`);
    const button = page.locator('[data-team-server]').getByRole('button', { name: 'Send and fetch now' });
    await button.waitFor();
    /** Presses the button; resolves to the ms until the sync wrote a new lastSyncedAt, and the escalations then held. */
    const syncNow = () =>
      page.evaluate(
        () =>
          new Promise((resolve, reject) => {
            const open = indexedDB.open('escalation-companion');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const db = open.result;
              const read = (then) => {
                const tx = db.transaction(['settings', 'escalations']);
                const state = tx.objectStore('settings').get('teamSync');
                const count = tx.objectStore('escalations').count();
                tx.oncomplete = () => then(state.result?.value?.lastSyncedAt, count.result);
              };
              read((before) => {
                const t0 = performance.now();
                [...document.querySelectorAll('[data-team-server] button')].find((b) => b.textContent === 'Send and fetch now').click();
                const look = () =>
                  read((at, held) => {
                    if (at && at !== before) {
                      db.close();
                      resolve({ ms: performance.now() - t0, held });
                    } else setTimeout(look, 2);
                  });
                look();
              });
            };
          }),
      );
    // The history first (the background may start on it too, on sign-in): until the browser holds all of it.
    const historyEscalations = new Set(past.events.map((e) => e.escalationId)).size;
    for (let tries = 0; (await syncNow()).held < historyEscalations; tries++) {
      if (tries > 20) throw new Error('The manager’s browser did not pull the team’s history');
    }
    const times = [];
    let dayEvents = 0;
    let dayEscalations = 0;
    for (let i = 0; i < runs + 1; i++) {
      // A day's work: escalations of the last week (new to this browser), whole, until about `dayTarget` events.
      const day = wholeEscalations((await generateEscalations({ count: 200, now, seed: 1000 + i, spanDays: 7 })).events, dayTarget);
      const before = (await syncNow()).held;
      await push(day);
      const { ms, held } = await syncNow();
      const added = new Set(day.map((e) => e.escalationId)).size;
      if (held !== before + added) throw new Error(`The manager’s browser holds ${held} escalations after the pull, not ${before + added}`);
      dayEvents = day.length;
      dayEscalations = added;
      if (i > 0) times.push(ms);
    }
    return { historyEscalations, historyEvents: past.events.length, dayEvents, dayEscalations, times };
  } finally {
    await context?.close();
    await stack.stop();
  }
}
