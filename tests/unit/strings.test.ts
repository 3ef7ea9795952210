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
