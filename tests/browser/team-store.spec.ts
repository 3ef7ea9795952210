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

    // Worker B: nothing of worker A's, and no team view.
    await syncFromOptions(b.context, b.extensionId, 'worker-b');
    const bDashboard = await b.context.newPage();
    await bDashboard.goto(`chrome-extension://${b.extensionId}/dashboard.html#status=all`);
    await expect(bDashboard.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(bDashboard.getByText(/No escalations/).first()).toBeVisible();
    await expect(bDashboard.locator('main')).not.toContainText('ESC-7K3F9Q');
    await expect(bDashboard.getByRole('link', { name: 'Team' })).toHaveCount(0);

    // The retention purge (thirteen months on): the resolved ESC-M4PX2D leaves the server and both browsers.
    await stack.admin("select app.purge_expired(now() + interval '13 months')");
    const [, closedId] = FIXTURE_BACKUP.escalations.map((e) => e.id);
    expect((await stack.superuser('select count(*)::int as n from app.events where escalation_id = $1', [closedId])).rows[0]!.n).toBe(0);
    for (const [who, sub] of [
      [a, 'worker-a'],
      [manager, 'manager-1'],
    ] as const) {
      await syncFromOptions(who.context, who.extensionId, sub);
      const list = await who.context.newPage();
      await list.goto(`chrome-extension://${who.extensionId}/dashboard.html#status=all`);
      await expect(list.locator('main')).toContainText('ESC-7K3F9Q');
      await expect(list.locator('main')).not.toContainText('ESC-M4PX2D');
    }
  } finally {
    for (const p of [a, b, manager]) await p.context.close();
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
