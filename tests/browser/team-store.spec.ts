// The team store in real Chromium: two workers on two browser profiles and their manager on a third, against the
// real PostgreSQL, OIDC server and gateway on loopback (server/dev.mjs).
//
// What is stood in for, and only this: the browser's sign-in window. identity.launchWebAuthFlow cannot be driven
// headless, so the test runs the same authorization-code + PKCE flow (lib/sync/oidc.ts signIn) against the real
// OIDC server from Node, following the provider's redirect itself, and puts the resulting session where the
// extension keeps a sign-in (its session storage, through the service worker, as the test harness can in any
// build). The extension has no test-only sign-in path. The policy is the test build's stand-in for an enterprise
// policy (`__testManagedSettings`, read only outside production builds), as the other policy tests use.
import type { BrowserContext } from '@playwright/test';
import { launchWithExtension, TEST_BUILD_DIR } from '../../scripts/browser.mjs';
// @ts-expect-error: the server's dev stack is plain JavaScript
import { startStack } from '../../server/dev.mjs';
import { signIn } from '../../lib/sync/oidc';
import { expect, FIXTURE_BACKUP, importThroughRecordsPage, test } from './fixtures';

interface Stack {
  gateway: string;
  issuer: string;
  identity: { signInAs: (sub: string, roles: string[]) => void };
  addTeam: (t: { team: string; workers?: string[]; managers?: string[] }) => Promise<void>;
  superuser: (sql: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;
  admin: (sql: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;
  stop: () => Promise<void>;
}

let stack: Stack;
test.beforeAll(async () => {
  stack = await startStack();
  await stack.addTeam({ team: 'team-a', workers: ['worker-a', 'worker-b'], managers: ['manager-1'] });
});
test.afterAll(() => stack?.stop());

const policy = (overrides: Record<string, string> = {}) => ({
  teamServer: { server: stack.gateway, issuer: stack.issuer, clientId: 'extension', team: 'team-a', ...overrides },
});

/** A profile of its own, with the policy set and signed in as `sub` (see the note at the top). */
async function profile(
  sub: string,
  roles: string[],
  overrides: Record<string, string> = {},
): Promise<{ context: BrowserContext; extensionId: string }> {
  const { context, extensionId, worker } = await launchWithExtension(TEST_BUILD_DIR);
  stack.identity.signInAs(sub, roles);
  const session = await signIn(
    { ...policy().teamServer, scope: 'openid', rolesClaim: 'roles', managerRole: 'team-manager' },
    {
      fetch,
      redirectUri: `https://${extensionId}.chromiumapp.org/`,
      launch: async (url) => (await fetch(url, { redirect: 'manual' })).headers.get('location')!,
    },
  );
  await worker.evaluate(
    async ({ managed, session }) => {
      const chrome = (globalThis as unknown as { chrome: typeof browser }).chrome;
      await chrome.storage.session.set({ teamSession: session });
      await chrome.storage.local.set({ __testManagedSettings: managed });
    },
    { managed: policy(overrides), session },
  );
  return { context, extensionId };
}

/** Presses "Send and fetch now" on the options page and waits for a complete sync. */
async function syncFromOptions(context: BrowserContext, extensionId: string, sub: string) {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  const section = page.locator('[data-team-server]');
  await expect(section.locator('[data-signed-in]')).toContainText(`Signed in as ${sub}`);
  await expect(section.locator('[data-signed-in]')).toContainText('team team-a');
  await section.getByRole('button', { name: 'Send and fetch now' }).click();
  await expect(section.locator('[data-last-sync]')).toContainText('Last complete sync');
  await expect(section.locator('[data-last-sync]')).not.toContainText('waiting to be sent');
  await expect(section.locator('[data-diagnostic]')).toHaveCount(0);
  return page;
}

test('worker A’s escalations reach their manager’s team view and not worker B’s browser; a purge removes one from the server and both browsers', async () => {
  test.setTimeout(120_000);
  const a = await profile('worker-a', ['worker']);
  const b = await profile('worker-b', ['worker']);
  const manager = await profile('manager-1', ['team-manager']);
  try {
    await importThroughRecordsPage(a.context, a.extensionId);
    await syncFromOptions(a.context, a.extensionId, 'worker-a');
    const [openId] = FIXTURE_BACKUP.escalations.map((e) => e.id);
    const stored = await stack.superuser('select count(*)::int as n from app.events where escalation_id = $1', [openId]);
    expect(stored.rows[0]!.n).toBeGreaterThan(0);

    // Worker A's panel view says it has reached the team.
    const view = await a.context.newPage();
    await view.goto(`chrome-extension://${a.extensionId}/dashboard.html#view=escalation&id=${openId}`);
    await expect(view.locator('[data-sync-state]')).toHaveText('Saved to your team');

    // The manager: a row for worker A, drilling into their escalations.
    await syncFromOptions(manager.context, manager.extensionId, 'manager-1');
    const dashboard = await manager.context.newPage();
    await dashboard.goto(`chrome-extension://${manager.extensionId}/dashboard.html`);
    await dashboard.getByRole('link', { name: 'Team' }).click();
    const row = dashboard.locator('[data-team-view] tr[data-worker="worker-a"]');
    await expect(row).toBeVisible();
    await expect(row.locator('td').nth(1)).toHaveText('1'); // open: ESC-7K3F9Q (ESC-M4PX2D is resolved)
    await row.getByRole('button', { name: 'worker-a' }).click();
    await expect(dashboard.getByRole('heading', { name: 'Escalations of worker-a' })).toBeVisible();
    const theirs = dashboard.getByRole('list', { name: 'Escalations of worker-a' });
    await expect(theirs.getByRole('listitem')).toHaveCount(2);
    await expect(theirs).toContainText('ESC-7K3F9Q');
    await expect(theirs).toContainText('ESC-M4PX2D');
    // Herefordshire's stage 1 is for line/team managers: it waits on one.
    await expect(dashboard.getByRole('list', { name: 'Waiting on a manager' })).toContainText('ESC-7K3F9Q');
    // The manager's popup: their own overdue (none of their own here) and, apart, the team's.
    const popup = await manager.context.newPage();
    await popup.goto(`chrome-extension://${manager.extensionId}/popup.html`);
    await expect(popup.locator('[data-count="overdue"]')).toHaveText('0');
    await expect(popup.getByRole('link', { name: /^Your team: \d+ overdue/ })).toBeVisible();

    // Worker B: nothing of worker A's, and no team view.
    await syncFromOptions(b.context, b.extensionId, 'worker-b');
    const bDashboard = await b.context.newPage();
    await bDashboard.goto(`chrome-extension://${b.extensionId}/dashboard.html#status=all`);
    await expect(bDashboard.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(bDashboard.getByText(/No escalations/).first()).toBeVisible();
    await expect(bDashboard.locator('main')).not.toContainText('ESC-7K3F9Q');
    await expect(bDashboard.getByRole('link', { name: 'Team' })).toHaveCount(0);
    const bPopup = await b.context.newPage();
    await bPopup.goto(`chrome-extension://${b.extensionId}/popup.html`);
    await expect(bPopup.locator('[data-count="overdue"]')).toBeVisible();
    await expect(bPopup.locator('main')).not.toContainText('Your team');

    // The retention purge (thirteen months on): the resolved ESC-M4PX2D leaves the server and both browsers.
    await stack.admin("select app.purge_expired(now() + interval '13 months')");
    const [, closedId] = FIXTURE_BACKUP.escalations.map((e) => e.id);
    expect((await stack.superuser('select count(*)::int as n from app.events where escalation_id = $1', [closedId])).rows[0]!.n).toBe(0);
    // Worker A's own list; the manager's team view (their own list holds only their own: none here).
    await syncFromOptions(a.context, a.extensionId, 'worker-a');
    const list = await a.context.newPage();
    await list.goto(`chrome-extension://${a.extensionId}/dashboard.html#status=all`);
    await expect(list.locator('main')).toContainText('ESC-7K3F9Q');
    await expect(list.locator('main')).not.toContainText('ESC-M4PX2D');
    await syncFromOptions(manager.context, manager.extensionId, 'manager-1');
    const team = await manager.context.newPage();
    await team.goto(`chrome-extension://${manager.extensionId}/dashboard.html`);
    await team.getByRole('link', { name: 'Team' }).click();
    await team.locator('[data-team-view] tr[data-worker="worker-a"]').getByRole('button', { name: 'worker-a' }).click();
    const left = team.getByRole('list', { name: 'Escalations of worker-a' });
    await expect(left.getByRole('listitem')).toHaveCount(1);
    await expect(left).toContainText('ESC-7K3F9Q');
    await expect(left).not.toContainText('ESC-M4PX2D');
    const own = await manager.context.newPage();
    await own.goto(`chrome-extension://${manager.extensionId}/dashboard.html#status=all`);
    await expect(own.getByText(/No escalations/).first()).toBeVisible();
    await expect(own.locator('main')).not.toContainText('ESC-7K3F9Q');
  } finally {
    for (const p of [a, b, manager]) await p.context.close();
  }
});

/** Points the profile's policy at the real gateway, or at a closed port (the gateway out of reach: offline). */
async function reachGateway(context: BrowserContext, reachable: boolean) {
  const worker = context.serviceWorkers()[0]!;
  await worker.evaluate(
    (managed) => (globalThis as unknown as { chrome: typeof browser }).chrome.storage.local.set({ __testManagedSettings: managed }),
    policy(reachable ? {} : { server: 'http://127.0.0.1:9' }),
  );
}

/** What this profile's IndexedDB holds of one escalation: its event ids and its derived state. */
async function held(context: BrowserContext, extensionId: string, escalationId: string) {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/records.html`);
  const found = await page.evaluate(
    (id) =>
      new Promise<{ events: string[]; escalation: Record<string, unknown> }>((resolve, reject) => {
        const open = indexedDB.open('escalation-companion');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['events', 'escalations'], 'readonly');
          const events = tx.objectStore('events').index('escalationId').getAllKeys(id);
          const escalation = tx.objectStore('escalations').get(id);
          tx.oncomplete = () => {
            open.result.close();
            resolve({ events: (events.result as string[]).sort(), escalation: escalation.result });
          };
        };
      }),
    escalationId,
  );
  await page.close();
  return found;
}

test('one worker’s two devices, both offline, each change one escalation: after syncing, 0 lost, 0 duplicated, the same state on both, and the conflict shown', async () => {
  test.setTimeout(180_000);
  const laptop = await profile('worker-a', ['worker']);
  const desktop = await profile('worker-a', ['worker']);
  try {
    await importThroughRecordsPage(laptop.context, laptop.extensionId);
    await syncFromOptions(laptop.context, laptop.extensionId, 'worker-a');
    await syncFromOptions(desktop.context, desktop.extensionId, 'worker-a');
    const [openId] = FIXTURE_BACKUP.escalations.map((e) => e.id);
    const before = (await held(desktop.context, desktop.extensionId, openId!)).events;
    expect(before).toEqual((await held(laptop.context, laptop.extensionId, openId!)).events);
    expect(before.length).toBeGreaterThan(0);

    // Both lose the gateway; each does something different to the same escalation.
    await reachGateway(laptop.context, false);
    await reachGateway(desktop.context, false);
    const view = async (who: typeof laptop) => {
      const page = await who.context.newPage();
      await page.goto(`chrome-extension://${who.extensionId}/dashboard.html#view=escalation&id=${openId}`);
      return page;
    };
    const onLaptop = await view(laptop);
    await onLaptop.getByRole('button', { name: 'Resolve' }).click();
    await onLaptop.getByLabel(/How it was resolved/).fill('Agreed at the strategy meeting');
    await onLaptop.getByLabel('Lessons learned').fill('Meet sooner');
    await onLaptop.getByRole('form', { name: 'Resolve the escalation' }).getByRole('button', { name: 'Resolve' }).click();
    await expect(onLaptop.locator('#escalation-title')).toContainText('Resolved');
    const onDesktop = await view(desktop);
    await onDesktop.getByRole('button', { name: /^Escalate to/ }).click();
    const escalate = onDesktop.getByRole('form', { name: 'Escalate' });
    await escalate.getByLabel('Not resolved at the previous stage').check();
    const timeframe = escalate.getByLabel(/Timeframe for resolution/);
    if (await timeframe.count()) await timeframe.fill('5');
    await escalate.getByRole('button', { name: /^Escalate to/ }).click();
    await expect(onDesktop.locator('.ladder [data-stage="stage-2"]')).toHaveAttribute('aria-current', 'step');
    // Nothing reached the server: each change waits on its own device, and each says so.
    expect((await stack.superuser('select count(*)::int as n from app.events where escalation_id = $1', [openId])).rows[0]!.n).toBe(
      before.length,
    );
    await expect(onLaptop.locator('[data-sync-state]')).toHaveText('Saved on this device; not yet sent to your team');
    await expect(onDesktop.locator('[data-sync-state]')).toHaveText('Saved on this device; not yet sent to your team');

    // Back online: each syncs (twice, in turn, as alarms would).
    await reachGateway(laptop.context, true);
    await reachGateway(desktop.context, true);
    for (const who of [laptop, desktop, laptop]) await syncFromOptions(who.context, who.extensionId, 'worker-a');

    const stored = await stack.superuser('select event_id from app.events where escalation_id = $1 order by event_id', [openId]);
    const onServer = stored.rows.map((r) => r.event_id as string);
    expect(onServer).toHaveLength(before.length + 2); // 0 lost
    expect(new Set(onServer).size).toBe(onServer.length); // 0 duplicated
    const [l, d] = [await held(laptop.context, laptop.extensionId, openId!), await held(desktop.context, desktop.extensionId, openId!)];
    expect(l.events).toEqual([...onServer].sort());
    expect(d.events).toEqual([...onServer].sort());
    const same = (e: Record<string, unknown>) => ({ ...e, lastSeq: undefined });
    expect(same(l.escalation)).toEqual(same(d.escalation));
    expect(l.escalation.conflicts).toEqual([expect.objectContaining({ kind: 'stage-against-resolution' })]);

    // The worker sees the conflict on both devices, with both sides.
    for (const who of [laptop, desktop]) {
      const page = await view(who);
      const conflict = page.locator('[data-conflict="stage-against-resolution"]');
      await expect(conflict).toBeVisible();
      await expect(conflict.getByRole('listitem')).toHaveCount(2);
      await expect(page.locator('[data-sync-state]')).toHaveText('Saved to your team');
    }
  } finally {
    for (const p of [laptop, desktop]) await p.context.close();
  }
});

test('the options page names what is wrong: not a member of the team, or the server cannot be reached', async () => {
  for (const [overrides, said] of [
    [{ team: 'team-z' }, 'The team server says you are not a member of team team-z'],
    [{ server: 'http://127.0.0.1:9' }, 'The team server cannot be reached'],
  ] as const) {
    const p = await profile('worker-b', ['worker'], overrides);
    try {
      const page = await p.context.newPage();
      await page.goto(`chrome-extension://${p.extensionId}/options.html`);
      await expect(page.locator('[data-team-server] [data-signed-in]')).toContainText('Signed in as worker-b');
      await expect(page.locator('[data-team-server] [data-diagnostic]')).toContainText(said);
    } finally {
      await p.context.close();
    }
  }
});

test('changes the server refuses are kept and counted on the options page, with the server’s reason', async () => {
  const p = await profile('worker-b', ['worker'], { team: 'team-z' }); // a team this worker is not in
  try {
    await importThroughRecordsPage(p.context, p.extensionId);
    const events = FIXTURE_BACKUP.escalations.reduce((n, e) => n + e.events.length, 0);
    const page = await p.context.newPage();
    await page.goto(`chrome-extension://${p.extensionId}/options.html`);
    const section = page.locator('[data-team-server]');
    await section.getByRole('button', { name: 'Send and fetch now' }).click();
    await expect(section.locator('[data-refused]')).toHaveText(
      new RegExp(`^${events} changes refused by the server: Refused by the team store: .*row-level security`),
    );
    await expect(section.locator('[data-last-sync]')).toContainText(`${events} changes waiting to be sent`);
    expect((await stack.superuser("select count(*)::int as n from app.events where author = 'worker-b'")).rows[0]!.n).toBe(0);
  } finally {
    await p.context.close();
  }
});
