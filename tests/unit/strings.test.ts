// The words the extension shows come from the browser's i18n files: a translation is a file.
import { afterEach, describe, expect, it } from 'vitest';
import english from '../../public/_locales/en/messages.json';
import { t, useTranslations } from '../../lib/strings';

describe('words by key', () => {
  const inEnglish = (key: keyof typeof english) => english[key].message;
  afterEach(() => useTranslations(() => '', inEnglish));

  it('the English file is a valid browser i18n file (names the browser accepts, no clashes, no stray $)', () => {
    const keys = Object.keys(english);
    for (const key of keys) expect(key).toMatch(/^[A-Za-z0-9_]+$/);
    const lower = keys.map((k) => k.toLowerCase());
    expect(lower.filter((k, i) => lower.indexOf(k) !== i)).toEqual([]);
    for (const [key, { message }] of Object.entries(english)) expect(message, key).not.toContain('$');
  });

  it('a translation replaces the words it has; the rest stay English; placeholders are filled either way', () => {
    useTranslations((key) => (key === 'startTitle' ? 'Dechrau uwchgyfeirio' : key === 'trackHere' ? 'Dilyn {reference} yma' : ''));
    expect(t('startTitle')).toBe('Dechrau uwchgyfeirio');
    expect(t('trackHere', { reference: 'ESC-7K3F9Q' })).toBe('Dilyn ESC-7K3F9Q yma');
    expect(t('noEscalation')).toBe('No escalation for this child yet.');
  });

  it('with no words anywhere (a key missing from every file), the key itself shows, never a blank', () => {
    useTranslations(
      () => '',
      () => '',
    );
    expect(t('startTitle')).toBe('startTitle');
  });
});

describe('words lib/ gives the pages go through the i18n table', () => {
  const inEnglish = (key: keyof typeof english) => english[key].message;
  // A stand-in translation: each key's English with a Welsh-looking mark, so a word that bypasses the table shows.
  const marked = (key: keyof typeof english) => `[cy] ${english[key].message}`;
  afterEach(() => useTranslations(() => '', inEnglish));

  it("the dashboard's due buckets, the toolbar badge's title and a record's status and stage", async () => {
    const { DUE_BUCKET_LABELS, badgeFor } = await import('../../lib/views/overview');
    const { STATUS_LABELS, protocolName, stageShortName } = await import('../../lib/escalation/describe');
    useTranslations(marked, inEnglish);
    expect(Object.values(DUE_BUCKET_LABELS).every((words) => words.startsWith('[cy] '))).toBe(true);
    expect(DUE_BUCKET_LABELS.overdue).toBe('[cy] Overdue');
    expect(Object.values(STATUS_LABELS)).toEqual(['[cy] Open', '[cy] Resolved', '[cy] Withdrawn']);
    expect(badgeFor({ overdue: 0, dueToday: 0, dueThisWeek: 3 }).title).toBe('[cy] Escalation Companion: nothing overdue or due today');
    expect(badgeFor({ overdue: 2, dueToday: 1, dueThisWeek: 0 }).title).toBe(
      '[cy] Escalation Companion: [cy] 2 escalations overdue, 1 due today',
    );
    expect(protocolName('kent')).toBe('[cy] Unknown protocol (kent)');
    expect(stageShortName('pan-sussex', 'initial')).toBe('[cy] Initial discussion');
  });

  it("the settings' warnings", async () => {
    const { resolveSettings } = await import('../../lib/settings/resolve');
    useTranslations(marked, inEnglish);
    const { warnings } = resolveSettings({ retentionMonths: 'forever', colour: 'red' }, 'nonsense');
    expect(warnings).toHaveLength(3);
    for (const warning of warnings) expect(warning).toMatch(/^\[cy\] /);
    expect(warnings).toContain('[cy] Your organisation set “colour”, which this version does not know; it was ignored.');
  });

  it('in English, the words are as before', async () => {
    const { badgeFor, DUE_BUCKET_LABELS } = await import('../../lib/views/overview');
    expect(badgeFor({ overdue: 1, dueToday: 4, dueThisWeek: 0 }).title).toBe('Escalation Companion: 1 escalation overdue, 4 due today');
    expect(DUE_BUCKET_LABELS['no-clock']).toBe('No time limit running');
  });
});
