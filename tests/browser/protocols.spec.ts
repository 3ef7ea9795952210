// A partnership beyond the five: its protocol written from docs/protocol-format.md alone (not copied from a
// built-in), imported and previewed on the options page, deployed by policy as the only one, and followed
// on the demo record: its deadlines (on Scotland's calendar) and its quotes in the panel, dashboard and figures.
import { readFileSync } from 'node:fs';
import { escalate, fillStartForm, openPanel, type PanelSurface } from '../../demo/drive.mjs';
import { fromLondonWallTime } from '../../lib/time/calendar';
import { setProtocols } from '../../lib/protocols';
import { readProtocolFile } from '../../lib/protocols/read';
import { scheduleEscalation } from '../../lib/schedule/schedule';
import { timeLeft } from '../../lib/time/timer';
import { formatDue } from '../../lib/time/format';
import { createCalendar, londonWallTime } from '../../lib/time/calendar';
import { expect, test } from './fixtures';

const FILE = new URL('../fixtures/protocols/glen-moray.json', import.meta.url).pathname;
const TEXT = readFileSync(FILE, 'utf8');
const GLEN_MORAY = readProtocolFile(TEXT);
// This test's own copy of the rules knows the protocol as the extension will.
setProtocols('organisation', [GLEN_MORAY]);
const scotland = createCalendar({}, 'scotland');
const CONCERN = '2026-11-27T16:30'; // Friday 27 Nov 2026: the next working day in Scotland is Tuesday (St Andrew's Day)
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];

/** The due dates and quotes the panel shows for the current stage's clocks, by clock id. */
async function shownClocks(panel: PanelSurface) {
  const clocks = panel.locator('.timers [data-clock]');
  await expect(clocks.first()).toBeVisible();
  const out: Record<string, { due: string; quote: string | null }> = {};
  for (let i = 0; i < (await clocks.count()); i++) {
    const clock = clocks.nth(i);
    out[(await clock.getAttribute('data-clock'))!] = {
      due: (await clock.locator('.when').innerText()).trim(),
      quote: await clock.locator('.label').getAttribute('title'),
    };
  }
  return out;
}

function expectedClocks(stages: { stageId: string; enteredAt: string }[], index: number) {
  const schedule = scheduleEscalation({ protocolId: 'glen-moray', concernRaisedAt: fromLondonWallTime(CONCERN), stages });
  return Object.fromEntries(
    schedule.stages[index]!.clocks.map((c) => [c.id, { due: timeLeft(c.due, new Date(), scotland).dueText, quote: c.quote ?? null }]),
  );
}

test('a protocol written from the guide: imported and previewed, deployed by policy as the only one, followed on the record', async ({
  context,
  extensionId,
  demoUrl,
}) => {
  // 1. Import it on the options page, refused first when hostile, and check it in the preview.
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const section = options.getByRole('region', { name: 'Protocols' });
  await expect(section.locator('tr[data-protocol]')).toHaveCount(5);
  await section.getByLabel('Import a protocol file').setInputFiles({
    name: 'hostile.json',
    mimeType: 'application/json',
    buffer: Buffer.from(TEXT.replace('"title": "Step 1: Team leaders"', '"title": "Step 1 <img src=x onerror=alert(1)>"')),
  });
  await expect(section.getByRole('alert')).toContainText('This protocol file was not imported; nothing has changed.');
  await expect(section.getByRole('alert')).toContainText('stages[1].title: must be plain text, not HTML');
  await expect(section.locator('tr[data-protocol]')).toHaveCount(5);
  await section.getByLabel('Import a protocol file').setInputFiles(FILE);
  await expect(section.getByRole('status').first()).toContainText(
    'Imported Glen Moray and Strathbeg Child Protection Committee, version 1',
  );
  await expect(section.locator('tr[data-protocol="glen-moray"]')).toContainText('Imported by you');
  const preview = section.locator('.protocol-preview');
  await expect(preview.getByLabel('Protocol', { exact: true })).toHaveValue('glen-moray');
  await preview.getByLabel('Concern raised at (UK time)').fill(CONCERN);
  await expect(preview.locator('[data-lint-none]')).toBeVisible();
  await expect(preview.locator('[data-preview-facts]')).toContainText('working days: Scotland bank holidays');
  // Every clock of the ladder, with its due for that concern and its quote printed beside it.
  const previewed = scheduleEscalation({ protocolId: 'glen-moray', concernRaisedAt: fromLondonWallTime(CONCERN) });
  const talk = preview.locator('[data-stage="initial"] [data-clock="talk-within-24-hours"]');
  await expect(talk.locator('.when')).toHaveText(timeLeft(previewed.stages[0]!.clocks[0]!.due, new Date(), scotland).dueText);
  await expect(talk.locator('q.quote')).toHaveText('The practitioners should talk within 24 hours of the difference arising.');
  await expect(preview.locator('[data-stage="stage-1"] q.quote').first()).toHaveText(GLEN_MORAY.stages[1]!.whoQuote);
  // Each stage as if reached at that moment: Step 1's 3 working days from Friday 27 Nov skip St Andrew's Day.
  const everyStage = scheduleEscalation({
    protocolId: 'glen-moray',
    concernRaisedAt: fromLondonWallTime(CONCERN),
    stages: GLEN_MORAY.stages.map((s) => ({ stageId: s.id, enteredAt: fromLondonWallTime(CONCERN) })),
  });
  const meet = everyStage.stages[1]!.clocks.find((c) => c.id === 'team-leaders-meet')!;
  expect(meet.due).toBe('2026-12-03');
  await expect(preview.locator('[data-stage="stage-1"] [data-clock="team-leaders-meet"] .when')).toHaveText(
    timeLeft(meet.due, new Date(), scotland).dueText,
  );
  await expect(preview.locator('[data-clock]')).toHaveCount(everyStage.stages.reduce((n, s) => n + s.clocks.length, 0));
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  expect((await new AxeBuilder({ page: options }).withTags(AXE_TAGS).analyze()).violations.map((v) => `${v.id} ${v.help}`)).toEqual([]);

  // A worker's own import, with no policy: offered on the record beside the five built in.
  const panel = await openPanel(await context.newPage(), demoUrl);
  const select = panel.getByLabel('Protocol', { exact: true });
  await expect(select.locator('option')).toHaveCount(6);
  // Who issued it and the date printed on it (issue 36).
  await expect(select.locator('option[value="glen-moray"]')).toHaveText(
    'Glen Moray and Strathbeg Child Protection Committee (Version 2, September 2026)',
  );

  // 2. The organisation deploys it by policy as the only protocol (test builds read this as managed storage).
  const policy = { protocols: [JSON.parse(TEXT)], allowedProtocols: ['glen-moray'], defaultProtocol: 'glen-moray' };
  const [worker] = context.serviceWorkers();
  await worker!.evaluate(
    (p) => (globalThis as unknown as { chrome: typeof browser }).chrome.storage.local.set({ __testManagedSettings: p }),
    policy,
  );
  await expect(section.locator('tr[data-protocol="glen-moray"]')).toContainText('Set by your organisation');

  // 3. On the demo record, as soon as the policy applies: the only protocol offered; start, check dues and
  // quotes; escalate, check again.
  await expect(select.locator('option')).toHaveText(['Glen Moray and Strathbeg Child Protection Committee (Version 2, September 2026)']);
  await fillStartForm(panel, 'glen-moray', { concern: CONCERN });
  await panel.getByRole('button', { name: 'Start escalation' }).click();
  await expect(panel.locator('.current-stage')).toHaveText('Talk to each other');
  const history = [{ stageId: 'initial', enteredAt: new Date().toISOString() }];
  expect(await shownClocks(panel)).toEqual(expectedClocks(history, 0));
  await escalate(panel, 'Step 1: Team leaders');
  history.push({ stageId: 'stage-1', enteredAt: new Date().toISOString() });
  const atStep1 = await shownClocks(panel);
  expect(atStep1).toEqual(expectedClocks(history, 1));
  expect(Object.keys(atStep1)).toEqual(['team-leaders-told', 'team-leaders-meet', 'whole-process']);
  await expect(panel.locator('.ladder [data-stage="stage-2"] .duties label').first()).toHaveAttribute(
    'title',
    GLEN_MORAY.stages[2]!.duties[0]!.quote,
  );
  // Its own form is offered with the case notes.
  await expect(panel.getByLabel('Template', { exact: true }).locator('option', { hasText: 'Glen Moray escalation form' })).toHaveCount(1);

  // 4. The partnership issues version 2 (Step 1's meeting within 5 working days, not 3), deployed the same way:
  // the running escalation keeps version 1's deadlines until the worker compares them and moves it.
  const version2 = TEXT.replace('"version": "1"', '"version": "2"').replace('"days": 3,', '"days": 5,');
  const setPolicy = (protocol: string) =>
    worker!.evaluate((p) => (globalThis as unknown as { chrome: typeof browser }).chrome.storage.local.set({ __testManagedSettings: p }), {
      ...policy,
      protocols: [JSON.parse(protocol)],
    });
  await setPolicy(version2);
  await expect(panel.locator('[data-newer-version]')).toHaveText(
    'This escalation follows version 1 of its protocol; version 2 is now current.',
  );
  expect(await shownClocks(panel)).toEqual(atStep1);
  await panel.getByRole('button', { name: 'Compare the versions’ deadlines' }).click();
  const meetRow = panel.locator('table.versions tr[data-stage="stage-1"][data-clock="team-leaders-meet"] td');
  setProtocols('organisation', [readProtocolFile(version2)]);
  const meetUnder = (version: string) =>
    formatDue(
      scheduleEscalation({
        protocolId: 'glen-moray',
        protocolVersion: version,
        concernRaisedAt: fromLondonWallTime(CONCERN),
        stages: history,
      }).stages[1]!.clocks.find((c) => c.id === 'team-leaders-meet')!.due,
    );
  expect(meetUnder('1')).not.toBe(meetUnder('2'));
  await expect(meetRow).toHaveText([meetUnder('1'), meetUnder('2')]);
  await panel.getByRole('button', { name: 'Move it to version 2' }).click();
  await expect(panel.locator('[data-newer-version]')).toHaveCount(0);
  expect((await shownClocks(panel))['team-leaders-meet']).toEqual(expectedClocks(history, 1)['team-leaders-meet']);
  await expect(panel.locator('.history li').last()).toContainText('Moved from version 1 to version 2 of the protocol');

  // 5. The dashboard and the figures.
  const dashboard = await context.newPage();
  await dashboard.goto(`chrome-extension://${extensionId}/dashboard.html`);
  const row = dashboard.locator('tbody tr[data-escalation]');
  await expect(row).toHaveCount(1);
  await expect(row.locator('td').nth(2)).toHaveText('Glen Moray and Strathbeg Child Protection Committee');
  await expect(row.locator('td').nth(3)).toHaveText('Step 1');
  await dashboard.goto(`chrome-extension://${extensionId}/dashboard.html#view=figures&protocol=glen-moray`);
  await expect(dashboard.locator('[data-figure="total"]')).toHaveText('1');
  await expect(dashboard.locator('[data-chart="reached"] [data-bar="Step 1"]')).toHaveAttribute('data-value', '1');
});

// Issue 36: a second-edition protocol written from the guide, using every construct, imported and followed.
const SECOND = new URL('../fixtures/protocols/afon-teifi.json', import.meta.url).pathname;
const AFON_TEIFI = readProtocolFile(readFileSync(SECOND, 'utf8'));
const england = createCalendar();

test('a second-edition protocol: its questions asked at the start, its clocks chosen by the answers, a meeting and an acknowledgement recorded', async ({
  context,
  extensionId,
  demoUrl,
}) => {
  setProtocols('imported', [AFON_TEIFI]);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const section = options.getByRole('region', { name: 'Protocols' });
  await section.getByLabel('Import a protocol file').setInputFiles(SECOND);
  await expect(section.getByRole('status').first()).toContainText('Imported Afon Teifi Safeguarding Children Partnership, version 1');
  const preview = section.locator('.protocol-preview');
  await expect(preview.getByLabel('Protocol', { exact: true })).toHaveValue('afon-teifi');
  await expect(preview.locator('[data-lint-none]')).toBeVisible();
  await expect(preview.locator('[data-route="conference-decision"]')).toContainText(
    'The conference chair, then the Independent Reviewing Service',
  );

  const panel = await openPanel(await context.newPage(), demoUrl);
  // The front door serves a second area, said beside its own.
  await panel.getByLabel('Protocol', { exact: true }).selectOption('afon-teifi');
  const risk = panel.getByLabel('The child may be at immediate risk of significant harm');
  await risk.check();
  await expect(panel.locator('.immediate-risk li', { hasText: "Ceredigion: Children's services front door" })).toContainText(
    'also serves Teifi Valley',
  );
  await risk.uncheck();
  await fillStartForm(panel, 'afon-teifi', { concern: '2026-11-27T15:30' });
  // The protocol's questions: not on a plan, from a health agency.
  await panel.getByLabel('Is the child subject to a child protection plan?').selectOption('no');
  await panel.getByLabel('Which kind of agency do you work for?').selectOption('health');
  await panel.getByRole('button', { name: 'Start escalation' }).click();
  await expect(panel.locator('.current-stage')).toHaveText('Stage 1: Practitioner to practitioner');
  // Only the "otherwise within 2 working days" clock runs: Friday 15:30 (before the 4pm cut-off) → Tuesday 1 Dec.
  const concernRaisedAt = fromLondonWallTime('2026-11-27T15:30');
  const schedule = scheduleEscalation({ protocolId: 'afon-teifi', concernRaisedAt, facts: { 'cp-plan': false, agency: 'health' } });
  expect(schedule.stages[0]!.clocks.find((c) => c.id === 'talk-2-days')!.due).toBe('2026-12-01');
  await expect(panel.locator('.timers [data-clock]')).toHaveCount(2);
  await expect(panel.locator('.timers [data-clock="talk-2-days"] .when')).toHaveText(timeLeft('2026-12-01', new Date(), england).dueText);
  await expect(panel.locator('.timers [data-clock="talk-24-hours"]')).toHaveCount(0);
  // The health practitioner's own duty.
  await expect(panel.locator('.ladder [data-stage="stage-1"] .duties')).toContainText('Tell your named nurse for safeguarding.');
  // Health's own role, with no condition left to answer; the conference route is folded away (this is about thresholds).
  await expect(panel.locator('.ladder [data-stage="stage-1"] .agency-roles li')).toHaveText(['Health: Your named nurse for safeguarding']);
  await expect(panel.locator('.route-for-kind')).toHaveCount(0);
  await expect(panel.locator('.other-routes [data-route="conference-decision"]')).toBeHidden();
  await expect(panel.locator('.other-routes summary')).toHaveText('Other routes, for other kinds of disagreement (guidance)');
  // How long it has run, in calendar days beside working days.
  await expect(panel.locator('dd.age')).toContainText('calendar day');

  // Acknowledged: recorded apart from a response, and shown on the stage.
  await expect(panel.locator('.ladder [data-stage="stage-1"] .not-acknowledged')).toHaveText('Not yet acknowledged');
  await panel.getByRole('button', { name: 'Record an acknowledgement or meeting' }).click();
  const form = panel.getByRole('form', { name: 'Record an acknowledgement or meeting' });
  await form.getByLabel('What happened').selectOption('acknowledged');
  await form.getByLabel('When (UK time)').fill('2026-11-30T10:00');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(panel.locator('.ladder [data-acknowledged="stage-1"]')).toHaveText(
    `Acknowledged ${formatDue(fromLondonWallTime('2026-11-30T10:00'))}`,
  );

  // Stage 2: a meeting held starts the duty's own deadline ("circulated within 2 working days of the meeting").
  await escalate(panel, 'Stage 2: Line managers');
  await panel.getByRole('button', { name: 'Record an acknowledgement or meeting' }).click();
  await form.getByLabel('What happened').selectOption('meeting-held');
  const held = londonWallTime(new Date());
  await form.getByLabel('When (UK time)').fill(held);
  await form.getByRole('button', { name: 'Save' }).click();
  // Counted from the meeting's day, or (after the 4pm cut-off) the next working day.
  const meetingDay = Number(held.slice(11, 13)) >= 16 ? england.addWorkingDays(held.slice(0, 10), 1) : held.slice(0, 10);
  const circulate = england.addWorkingDays(meetingDay, 2);
  await expect(panel.locator('[data-duty-due="circulate-outcome"]')).toContainText(timeLeft(circulate, new Date(), england).dueText);
  await expect(panel.locator('.history li').last()).toContainText('Meeting held at Stage 2: Line managers');
});

test('Welsh picked by the organisation: the protocol’s own words in Welsh where it has them, the panel’s own in English', async ({
  context,
  demoUrl,
}) => {
  const [worker] = context.serviceWorkers();
  const policy = { protocols: [JSON.parse(readFileSync(SECOND, 'utf8'))], defaultProtocol: 'afon-teifi', protocolLanguage: 'cy' };
  await worker!.evaluate(
    (p) => (globalThis as unknown as { chrome: typeof browser }).chrome.storage.local.set({ __testManagedSettings: p }),
    policy,
  );
  const panel = await openPanel(await context.newPage(), demoUrl);
  await fillStartForm(panel, 'afon-teifi');
  // The protocol's question in Welsh; one it does not translate in English.
  await panel.getByLabel('Ydy’r plentyn yn destun cynllun amddiffyn plant?').selectOption('no');
  await panel.getByLabel('Which kind of agency do you work for?').selectOption('health');
  await panel.getByRole('button', { name: 'Start escalation' }).click();
  await expect(panel.locator('.current-stage')).toHaveText('Cam 1: Ymarferydd i ymarferydd');
  await expect(panel.locator('.timers [data-clock="talk-2-days"] .label')).toHaveText('Siarad o fewn 2 ddiwrnod gwaith');
  const ladder = panel.locator('.ladder');
  await expect(ladder.locator('[data-stage="stage-1"]')).toContainText('Yr ymarferwyr sy’n anghytuno');
  await expect(ladder.locator('[data-stage="stage-1"] .duties')).toContainText('Dywedwch wrth eich nyrs enwebedig ar gyfer diogelu.');
  await expect(ladder.locator('[data-stage="stage-2"] h3')).toHaveText('Cam 2: Rheolwyr llinell');
  await expect(ladder.locator('[data-stage="stage-3"] h3')).toHaveText('Stage 3: Heads of service');
  // The extension's own words stay English: there is no Welsh file of them.
  await expect(panel.locator('.ladder [data-stage="stage-1"] .not-acknowledged')).toHaveText('Not yet acknowledged');
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  expect((await new AxeBuilder({ page: panel }).withTags(AXE_TAGS).analyze()).violations.map((v) => `${v.id} ${v.help}`)).toEqual([]);
});

test('acknowledged, apart from a response: the dashboard row stops saying “not yet acknowledged” and the figures count it', async ({
  context,
  extensionId,
  demoUrl,
}) => {
  const panel = await openPanel(await context.newPage(), demoUrl);
  await fillStartForm(panel, 'pan-cheshire');
  await panel.getByRole('button', { name: 'Start escalation' }).click();
  await expect(panel.locator('.ladder .not-acknowledged')).toHaveText('Not yet acknowledged');

  const dashboard = await context.newPage();
  await dashboard.goto(`chrome-extension://${extensionId}/dashboard.html#acknowledged=not-yet`);
  await expect(dashboard.getByLabel('Acknowledged', { exact: true })).toHaveValue('not-yet');
  const row = dashboard.locator('tbody tr[data-escalation]');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Not yet acknowledged');
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  const scan = async () =>
    expect((await new AxeBuilder({ page: dashboard }).withTags(AXE_TAGS).analyze()).violations.map((v) => `${v.id} ${v.help}`)).toEqual([]);
  await scan();

  // A response is not an acknowledgement.
  await panel.getByRole('button', { name: 'Record a response' }).click();
  const response = panel.getByRole('form', { name: 'Record a response' });
  await response.getByLabel('What they said or did').fill('We will look at the threshold again.');
  await response.getByRole('button', { name: 'Save response' }).click();
  await expect(panel.locator('.history li').last()).toContainText('Response received');
  await expect(row).toContainText('Not yet acknowledged');

  await panel.getByRole('button', { name: 'Record an acknowledgement or meeting' }).click();
  const form = panel.getByRole('form', { name: 'Record an acknowledgement or meeting' });
  await form.getByLabel('What happened').selectOption('acknowledged');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(panel.locator('.ladder [data-acknowledged]')).toContainText('Acknowledged');
  // The filtered list empties as it is recorded; unfiltered, the row no longer says it.
  await expect(row).toHaveCount(0);
  await dashboard.getByLabel('Acknowledged', { exact: true }).selectOption('');
  await expect(row).toHaveCount(1);
  await expect(row).not.toContainText('Not yet acknowledged');

  await dashboard.goto(`chrome-extension://${extensionId}/dashboard.html#view=figures`);
  await expect(dashboard.locator('[data-figure="acknowledged"]')).toHaveText('1 of 1');
  await expect(dashboard.locator('[data-figure="median-acknowledge"]')).toHaveText('0');
  await expect(dashboard.locator('[data-figure="not-acknowledged"]')).toHaveText('0');
  await scan();
});

test('Pan-Cheshire’s numbers with menu options: the call link dials the number only, the options said after it', async ({
  demoUrl,
  context,
}) => {
  const panel = await openPanel(await context.newPage(), demoUrl);
  await panel.getByLabel('Protocol', { exact: true }).selectOption('pan-cheshire');
  await panel.getByLabel('The child may be at immediate risk of significant harm').check();
  const east = panel.locator('.immediate-risk li', { hasText: 'Cheshire East: Cheshire East Children Consultation Service' });
  await expect(east.locator('a')).toHaveAttribute('href', 'tel:03001235012');
  await expect(east.locator('a')).toHaveText('0300 123 5012');
  await expect(east).toContainText('then option 3, option 2');
});

// Issue 36 "Done when": the fixture's deadlines shown in the browser, checked against dates worked out by hand
// across a bank holiday only one nation has, the page in a different time zone each time. One page load per
// pair; each nation and each zone appears once (England and Wales in London, Scotland in Auckland, Northern
// Ireland in New York), which covers both without the full nine. Concerns are raised after the 4pm cut-off,
// not on a plan, so the conditional 2-working-day clock, the cut-off and the 8-week calendar clock all show; a
// meeting recorded at Stage 2 then starts the duty's own deadline (meeting-anchored).
const BY_HAND = [
  {
    nation: 'england-and-wales',
    zone: 'Europe/London',
    // Friday 27 Nov 2026 16:30 → counted from Monday 30 Nov: talk by Wed 2 Dec; 8 weeks → Mon 25 Jan 2027.
    concern: '2026-11-27T16:30',
    talk: 'due Wed 2 Dec 2026',
    whole: 'due Mon 25 Jan 2027',
    // Stage 2's meeting on Mon 30 Nov at 17:00 (after the cut-off): from Tue 1 Dec, circulated by Thu 3 Dec.
    meeting: '2026-11-30T17:00',
    circulate: 'due Thu 3 Dec 2026',
  },
  {
    nation: 'scotland',
    zone: 'Pacific/Auckland',
    // Monday 30 Nov is St Andrew's Day: counted from Tue 1 Dec, talk by Thu 3 Dec; 8 weeks → Tue 26 Jan 2027.
    concern: '2026-11-27T16:30',
    talk: 'due Thu 3 Dec 2026',
    whole: 'due Tue 26 Jan 2027',
    // The meeting on Fri 27 Nov at 17:00: from Tue 1 Dec (England: Mon 30), circulated by Thu 3 Dec.
    meeting: '2026-11-27T17:00',
    circulate: 'due Thu 3 Dec 2026',
  },
  {
    nation: 'northern-ireland',
    zone: 'America/New_York',
    // Friday 10 Jul 2026 16:30 BST; Monday 13 Jul is the Boyne's substitute day: counted from Tue 14 Jul,
    // talk by Thu 16 Jul (England: Wed 15); 8 weeks → Tue 8 Sep 2026. A child protection conference's decision.
    concern: '2026-07-10T16:30',
    talk: 'due Thu 16 Jul 2026',
    whole: 'due Tue 8 Sept 2026', // as Chromium's en-GB writes the month
    // The meeting on Fri 10 Jul at 17:00: from Tue 14 Jul, circulated by Thu 16 Jul (England: Wed 15).
    meeting: '2026-07-10T17:00',
    circulate: 'due Thu 16 Jul 2026',
  },
] as const;

for (const { nation, zone, concern, talk, whole, meeting, circulate } of BY_HAND) {
  test.describe(`${nation}, the page in ${zone}`, () => {
    test.use({ timezoneId: zone });
    test(`the fixture's deadlines match the dates worked out by hand (${nation})`, async ({ context, extensionId, demoUrl }) => {
      const options = await context.newPage();
      await options.goto(`chrome-extension://${extensionId}/options.html`);
      const section = options.getByRole('region', { name: 'Protocols' });
      const json = { ...JSON.parse(readFileSync(SECOND, 'utf8')), calendar: nation };
      await section
        .getByLabel('Import a protocol file')
        .setInputFiles({ name: 'afon-teifi.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(json)) });
      await expect(section.getByRole('status').first()).toContainText('Imported Afon Teifi');

      const panel = await openPanel(await context.newPage(), demoUrl);
      // The page really runs in that zone: the dates below must not move with it.
      expect(await panel.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(zone);
      await fillStartForm(panel, 'afon-teifi', { concern });
      const conference = nation === 'northern-ireland';
      if (conference) await panel.getByLabel('What the disagreement is about').selectOption('child-protection-conference');
      await panel.getByLabel('Is the child subject to a child protection plan?').selectOption('no');
      await panel.getByRole('button', { name: 'Start escalation' }).click();
      await expect(panel.locator('.current-stage')).toHaveText('Stage 1: Practitioner to practitioner');
      await expect(panel.locator('.timers [data-clock="talk-2-days"] .when')).toHaveText(talk);
      await expect(panel.locator('.timers [data-clock="whole-process"] .when')).toHaveText(whole);
      // The agency is not answered: Health's role shows with its condition.
      await expect(panel.locator('.ladder [data-stage="stage-1"] .agency-roles li')).toContainText(
        'Health: Your named nurse for safeguarding (if “Which kind of agency do you work for?” is Health; not answered yet, so it is shown)',
      );
      // The route for this kind of disagreement, above the ladder; for other kinds it is folded away.
      if (conference) {
        await expect(panel.locator('.route-for-kind [data-route="conference-decision"]')).toContainText(
          'The conference chair, then the Independent Reviewing Service',
        );
        await expect(panel.locator('.other-routes')).toHaveCount(0);
      } else {
        await expect(panel.locator('.route-for-kind')).toHaveCount(0);
      }
      // Stage 2: the duty's own deadline counts from the meeting recorded (a past time, after the concern).
      await escalate(panel, 'Stage 2: Line managers');
      await panel.getByRole('button', { name: 'Record an acknowledgement or meeting' }).click();
      const form = panel.getByRole('form', { name: 'Record an acknowledgement or meeting' });
      await form.getByLabel('What happened').selectOption('meeting-held');
      await form.getByLabel('When (UK time)').fill(meeting);
      await form.getByRole('button', { name: 'Save' }).click();
      await expect(panel.locator('[data-duty-due="circulate-outcome"]')).toContainText(circulate);
    });
  });
}
