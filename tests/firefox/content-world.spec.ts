// Firefox lets a content script read and write storage.local (no setAccessLevel: Mozilla bug 1724754). What the
// record-page script must never write (who the worker is, their settings, the organisation's closure days and
// reminders, the adapters and protocols, the kept settings and readings) is kept where its world cannot reach.
// The test build's record-page script answers a probe (lib/page/storage-probe.ts): from its own world it reads and
// writes storage.local, storage.session and its IndexedDB, as a compromised renderer of a granted site could.
import { expect, test } from '@playwright/test';
import type { Browser, Page } from 'puppeteer-core';
import { startDemoServer } from '../../demo/server.mjs';
import { addonIdOf, FIREFOX_TEST_BUILD_DIR, launchFirefoxWithExtension, packExtension } from '../../scripts/firefox.mjs';
import { check, expectText, fill, frameEndingWith, openExtensionPage, press } from './drive';

/** Everything the extension keeps that decides deadlines, reminders, who the worker is, or what the page reads. */
const KEPT_KEYS = [
  'worker',
  'panelSide',
  'userAdapters',
  'managedAdapters',
  'userSettings',
  'adapterHealth',
  'sentReminders',
  'launcher',
  'protocolLibrary',
  'builtInProtocolArchive',
  'lastPolicy',
  'resolvedSettings',
  'tabReadings',
];

interface Outcome {
  ok: boolean;
  value?: unknown;
  error?: string;
}

/** Asks the record page's script to probe, from its own world; resolves to what each attempt gave. */
function probeFromContentScript(
  record: Page,
): Promise<Record<'localRead' | 'localWrite' | 'sessionRead' | 'sessionWrite' | 'storeRead', Outcome>> {
  return record.evaluate(
    () =>
      new Promise((resolve) => {
        addEventListener('message', (event) => {
          if (event.data?.type === 'escalation-companion:probe-storage-result') resolve(event.data.result);
        });
        postMessage({ type: 'escalation-companion:probe-storage' }, '*');
      }),
  ) as never;
}

/** What the options page shows of the worker and the settings the probe tried to change. */
async function shownSettings(settings: Page) {
  return settings.evaluate(() => {
    const value = (id: string) => (document.getElementById(id) as HTMLInputElement | null)?.value;
    const checked = (setting: string) => document.querySelector<HTMLInputElement>(`fieldset[data-setting="${setting}"] input`)?.checked;
    return {
      worker: [value('worker-name'), value('worker-role'), value('worker-agency')],
      retentionMonths: value('retention'),
      reminders: checked('reminders'),
      quietOutsideWorkingHours: checked('quietOutsideWorkingHours'),
      closureDays: document.querySelector<HTMLElement>('fieldset[data-setting="closureDays"]')?.innerText,
    };
  });
}

test('Firefox ESR: the record-page script’s world cannot read the extension’s settings, identity or protocols, and what it writes has no effect', async () => {
  const demo = await startDemoServer();
  const addonId = addonIdOf(FIREFOX_TEST_BUILD_DIR);
  const policy = { retentionMonths: 72, reminders: true, closureDays: { '2026-12-29': 'Council closure day' } };
  const policies = { policies: { '3rdparty': { Extensions: { [addonId]: policy } } } };
  let browser: Browser | undefined;
  try {
    const launched = await launchFirefoxWithExtension({ xpi: packExtension(FIREFOX_TEST_BUILD_DIR), addonId, policies });
    browser = launched.browser;

    // The worker says who they are and chooses quiet hours; the organisation set the rest.
    const settings = await openExtensionPage(browser, launched.extensionUrl, 'options.html');
    await expectText(settings, 'fieldset[data-setting="retentionMonths"]', 'Set by your organisation');
    await fill(settings, 'Your name', 'Jo Patel');
    await fill(settings, 'Your role', 'Social Worker');
    await fill(settings, 'Your agency', 'Ourshire CSC');
    await press(settings, 'Save your details');
    await check(settings, 'Hold reminders outside working hours (09:00 to 17:00 on working days) until the next working morning');
    await expect.poll(async () => (await shownSettings(settings)).quietOutsideWorkingHours).toBe(true);
    const before = await shownSettings(settings);
    expect(before).toEqual({
      worker: ['Jo Patel', 'Social Worker', 'Ourshire CSC'],
      retentionMonths: '72',
      reminders: true,
      quietOutsideWorkingHours: true,
      closureDays: expect.stringContaining('2026-12-29: Council closure day'),
    });

    const record = await browser.newPage();
    await record.goto(`${demo.url}/person/1000001`);
    await expectText(await frameEndingWith(record, '/chip.html'), '#child', 'Mosaic ID 1000001');

    const probe = await probeFromContentScript(record);
    // Reading: nothing the extension keeps is in storage.local, the session area is closed to this world, and its
    // IndexedDB is the page's own, not the extension's.
    expect(probe.localRead.ok).toBe(true); // Firefox allows it…
    expect.soft(Object.keys(probe.localRead.value as object).filter((k) => KEPT_KEYS.includes(k))).toEqual([]); // …but there is nothing of ours
    expect(probe.sessionRead).toMatchObject({ ok: false });
    expect(probe.sessionWrite).toMatchObject({ ok: false });
    expect(probe.storeRead.ok).toBe(true);
    expect.soft(JSON.stringify(probe.storeRead.value)).not.toMatch(/worker|userSettings|protocolLibrary|lastPolicy/);
    // Writing: Firefox takes the write into storage.local (no switch closes it)…
    expect(probe.localWrite).toEqual({ ok: true, value: 'written' });

    // …and it changes nothing: the extension still shows who the worker is, the organisation's 72 months, closure
    // day and reminders, the worker's quiet hours; the record page still reads the child with the real adapter.
    await settings.reload({ waitUntil: [] });
    await expect.poll(() => shownSettings(settings).catch(() => null), { timeout: 10_000 }).toEqual(before);
    const fresh = await openExtensionPage(browser, launched.extensionUrl, 'options.html');
    await expect.poll(() => shownSettings(fresh).catch(() => null), { timeout: 10_000 }).toEqual(before);
    await record.reload();
    await expectText(await frameEndingWith(record, '/chip.html'), '#child', 'Mosaic ID 1000001');
  } finally {
    await browser?.close();
    await demo.stop();
  }
});
