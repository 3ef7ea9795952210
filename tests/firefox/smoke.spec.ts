// The Firefox smoke suite: the Firefox build in real Firefox ESR, on the demo record, from install to a
// resolved escalation that is still there after the browser restarts. Not the whole Chromium suite: what
// differs in Firefox (MV2 background page, sidebar_action, IndexedDB in moz-extension pages, policies.json,
// content-script worlds) is each exercised once.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'puppeteer-core';
import { startDemoServer } from '../../demo/server.mjs';
import { fromLondonWallTime } from '../../lib/time/calendar';
import { stageShortName } from '../../lib/escalation/describe';
import { getProtocol } from '../../lib/protocols';
import { scheduleEscalation } from '../../lib/schedule/schedule';
import { timeLeft } from '../../lib/time/timer';
import { useTranslations, type StringKey } from '../../lib/strings';
import { addonIdOf, FIREFOX_TEST_BUILD_DIR, launchFirefoxWithExtension, packExtension } from '../../scripts/firefox.mjs';
import {
  check,
  clickInFrame,
  element,
  expectText,
  fill,
  frameEndingWith,
  openExtensionPage,
  options,
  press,
  select,
  textOf,
} from './drive';

// The stage's short name, worked out here as the pages do, in the words the browser gives them (English).
const english = JSON.parse(readFileSync(join(process.cwd(), 'public/_locales/en/messages.json'), 'utf8')) as Record<
  string,
  { message: string }
>;
const inEnglish = (key: StringKey) => english[key]!.message;
useTranslations(inEnglish, inEnglish);

const CONCERN = '2026-11-16T09:30'; // Monday 16 Nov 2026, London time
const PROTOCOL = getProtocol('herefordshire');

/** The WebExtension API inside a page of the extension (in page functions, `browser` is not Puppeteer's). */
// eslint-disable-next-line no-shadow-restricted-names -- only its type: a page function runs where `globalThis` is the extension page's
declare const globalThis: { browser: any };

/** The due dates the panel shows for the current stage's clocks, by clock id. */
const shownDues = (panel: Page | Frame) =>
  panel.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll<HTMLElement>('.timers [data-clock]')].map((c) => [
        c.dataset.clock,
        c.querySelector<HTMLElement>('.when')!.innerText.trim(),
      ]),
    ),
  );

/** What the rules give for a stage, worked out here by the same library the unit tests check. */
function expectedDues(history: { stageId: string; enteredAt: string }[], stageIndex: number) {
  const stage = scheduleEscalation({ protocolId: PROTOCOL.id, concernRaisedAt: fromLondonWallTime(CONCERN), stages: history }).stages[
    stageIndex
  ]!;
  return Object.fromEntries(stage.clocks.map((c) => [c.id, timeLeft(c.due, new Date()).dueText]));
}

test('Firefox ESR: installs, reads the child, carries an escalation through with its due dates and case notes, lists it, keeps it after a restart, and applies policies.json', async () => {
  const demo = await startDemoServer();
  const addonId = addonIdOf(FIREFOX_TEST_BUILD_DIR);
  // An organisation's policies.json: its settings for this add-on go under 3rdparty.Extensions[id].
  const policies = {
    policies: {
      '3rdparty': {
        Extensions: {
          [addonId]: {
            defaultProtocol: 'herefordshire',
            allowedProtocols: ['herefordshire', 'enfield'],
            caseSystemOrigins: ['https://mosaic.ourshire.gov.uk/*'],
          },
        },
      },
    },
  };
  let browser: Browser | undefined;
  try {
    const first = await launchFirefoxWithExtension({ xpi: packExtension(FIREFOX_TEST_BUILD_DIR), addonId, policies });
    browser = first.browser;
    const { extensionUrl, userDataDir } = first;

    // The organisation's settings, shown as the organisation's and locked.
    const settings = await openExtensionPage(browser, extensionUrl, 'options.html');
    await expectText(settings, 'fieldset[data-setting="defaultProtocol"]', 'Set by your organisation');
    expect(
      await settings.$eval('fieldset[data-setting="defaultProtocol"] select', (s) => [
        (s as HTMLSelectElement).value,
        s.matches(':disabled'),
      ]),
    ).toEqual(['herefordshire', true]);

    // The organisation's case-record site can be granted from the options page: Firefox shows its own prompt
    // (which no driver answers) instead of refusing an origin the manifest did not declare.
    await press(settings, 'Allow access to https://mosaic.ourshire.gov.uk/*');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await textOf(settings, 'section[aria-labelledby="sites-title"] [role="status"], [role="alert"]')).toBe('');

    // The record page: the chip reads the child. Firefox opens a newly installed add-on's sidebar itself; a
    // framed page has no sidebarAction, so the chip's click opens the panel in the page, for the same child.
    const record = await browser.newPage();
    await record.goto(`${demo.url}/person/1000001`);
    const chip = await frameEndingWith(record, '/chip.html');
    await expectText(chip, '#child', 'Mosaic ID 1000001');
    expect(await settings.evaluate(() => globalThis.browser.sidebarAction.isOpen({}))).toBe(true);
    await clickInFrame(record, chip, '#open');
    const inPage = await frameEndingWith(record, '/panel.html');
    await expectText(inPage, 'main', 'Mosaic ID 1000001');
    expect(await textOf(chip, '#status')).toBe(''); // and no "Side panel blocked"

    // The sidebar's page, bound to the record's tab (Firefox's sidebar is browser UI no driver reaches), in a
    // window of its own so the record stays the visible tab of its window.
    const tabId = await settings.evaluate(
      async (url) => (await globalThis.browser.tabs.query({})).find((t: { url?: string }) => t.url?.startsWith(url))?.id,
      `${demo.url}/person/1000001`,
    );
    const panel = await openExtensionPage(browser, extensionUrl, `sidepanel.html?tab=${tabId}`, 'window');
    await expectText(panel, 'main', 'Mosaic ID 1000001');
    expect(await options(panel, 'Protocol')).toEqual(['enfield', 'herefordshire']);

    // Start, with a concern raised on a known day, and check every clock's due date.
    await select(panel, 'Protocol', 'herefordshire');
    for (const [label, value] of [
      ['Your name', 'Jo Patel'],
      ['Your role', 'Social Worker'],
      ['Your agency', "Children's Social Care"],
      ['Their name', 'Sam Reid'],
      ['Their role', 'Health Visitor'],
      ['Their agency', 'Community Health'],
      ['When the concern arose (UK time)', CONCERN],
    ])
      await fill(panel, label!, value!);
    await select(panel, 'What the disagreement is about', 'thresholds');
    await press(panel, 'Start escalation');
    await expectText(panel, '.current-stage', PROTOCOL.stages[0]!.title);
    const history = [{ stageId: PROTOCOL.stages[0]!.id, enteredAt: new Date().toISOString() }];
    expect(await shownDues(panel)).toEqual(expectedDues(history, 0));
    // The in-page panel (its records come through the background) and the chip, in their frames, heard of it.
    await expectText(inPage, '.current-stage', PROTOCOL.stages[0]!.title);
    await expectText(chip, '#status', stageShortName(PROTOCOL.id, PROTOCOL.stages[0]!.id));

    // Escalate one stage.
    const second = PROTOCOL.stages[1]!;
    await press(panel, `Escalate to ${second.title}`);
    await check(panel, 'Not resolved at the previous stage');
    await press(panel, `Escalate to ${second.title}`, { within: 'form[aria-label="Escalate"]' });
    await expectText(panel, '.current-stage', second.title);
    history.push({ stageId: second.id, enteredAt: new Date().toISOString() });
    expect(await shownDues(panel)).toEqual(expectedDues(history, 1));

    // The case note into the record's rich-text field, after what the worker typed, seen by the app.
    await record.bringToFront();
    await (await element(record, '#note-editor')).click();
    await record.keyboard.type('Visit notes typed by the worker.');
    await press(panel, 'Insert into the record’s case note');
    await expectText(panel, '[role="status"]', 'Inserted into the case note');
    const editor = await record.$eval('#note-editor', (e) => ({
      text: (e as HTMLElement).innerText,
      heading: e.querySelector('h3')?.textContent,
    }));
    expect(editor.heading).toMatch(/^Multi-agency escalation ESC-/);
    expect(editor.text.indexOf('Visit notes typed by the worker.')).toBeLessThan(editor.text.indexOf('Multi-agency escalation'));
    await expectText(record, '#note-status', /^Unsaved changes \(\d+ characters\)$/);

    // …and into a plain textarea at the caret, keeping the worker's lines (the sidebar follows the tab).
    await record.goto(`${demo.url}/person/1000001?notes=plain`);
    await expectText(await frameEndingWith(record, '/chip.html'), '#child', 'Mosaic ID 1000001');
    await record.$eval('#note-text', (t) => {
      const area = t as HTMLTextAreaElement;
      area.value = 'First line.\nLast line.';
      area.dispatchEvent(new Event('input', { bubbles: true }));
      area.focus();
      area.setSelectionRange(11, 11);
    });
    await press(panel, 'Insert into the record’s case note');
    await expectText(panel, '[role="status"]', 'at your cursor');
    const plain = await record.$eval('#note-text', (t) => (t as HTMLTextAreaElement).value);
    expect(plain.startsWith('First line.\n\nMulti-agency escalation ESC-')).toBe(true);
    expect(plain.endsWith('\nLast line.')).toBe(true);
    await expectText(record, '#note-status', `Unsaved changes (${plain.length} characters)`);

    // Resolve.
    await press(panel, 'Resolve');
    await fill(panel, /^How it was resolved/, 'Resolution meeting chaired by the partnership');
    await fill(panel, 'Lessons learned', 'Agree thresholds earlier');
    await press(panel, 'Resolve', { within: 'form[aria-label="Resolve the escalation"]' });
    await expectText(panel, '#escalation-title', 'Resolved');
    await expectText(panel, '.history', `Resolved at ${second.title}: Resolution meeting chaired by the partnership`);

    // The dashboard lists it.
    const listed = async (b: Browser) => {
      const dashboard = await openExtensionPage(b, extensionUrl, 'dashboard.html#status=all');
      await expectText(dashboard, 'tbody tr[data-escalation]', '1000001');
      return textOf(dashboard, 'tbody tr[data-escalation]');
    };
    const row = await listed(browser);
    expect(row).toContain(`${stageShortName(PROTOCOL.id, second.id)}\t`);
    expect(row).toContain('\tResolved\t');

    // Closed and opened again on the same profile: still installed, still there, policy still applied.
    await browser.close();
    browser = (await launchFirefoxWithExtension({ addonId, userDataDir, policies })).browser;
    expect(await listed(browser)).toBe(row);
    const again = await openExtensionPage(browser, extensionUrl, 'options.html');
    await expectText(again, 'fieldset[data-setting="defaultProtocol"]', 'Set by your organisation');
  } finally {
    await browser?.close();
    await demo.stop();
  }
});
