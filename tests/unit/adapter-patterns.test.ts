// @vitest-environment happy-dom
// Issue 39 item 6: an adapter's pattern cannot freeze the record page. Checked when an adapter file is imported
// or a policy deployed (with the field named), and again when a stored adapter is used; every match runs on
// bounded text.
import { describe, expect, it } from 'vitest';
import { builtInAdaptersFor } from '../../lib/browser/adapters';
import { parseAdapterFile, readChildId } from '../../lib/hosts';
import { readPickedText } from '../../lib/hosts/pick';
import { unsafePattern } from '../../lib/hosts/patterns';
import type { HostAdapter } from '../../lib/hosts/schema';
import { validatorLike } from '../../lib/hosts/selector';
import { resolveSettings } from '../../lib/settings/resolve';

const [DEMO, MOSAIC] = builtInAdaptersFor('development') as [HostAdapter, HostAdapter];
const URL_ = 'https://mosaic.council.example.gov.uk/web/portal/person';
/** 28 digits and a letter: `(\d+)+` tries every way to split the digits before it fails (0.8 s before; doubling per digit). */
const LONG_WORD = `${'1'.repeat(28)}x`;

describe('patterns that can take forever are refused', () => {
  it('nested repeats, repeated alternatives, backreferences and more than two unbounded repeats; with what is wrong', () => {
    expect(unsafePattern('(\\d+)+')).toMatch(/repeats a group that itself repeats/);
    expect(unsafePattern('((a*)b?)*')).toMatch(/repeats a group that itself repeats/);
    expect(unsafePattern('(?:[0-9]{1,3})+')).toMatch(/repeats a group that itself repeats/);
    expect(unsafePattern('(a|ab)+c')).toMatch(/repeats a group with alternatives/);
    expect(unsafePattern('(\\d)\\1')).toMatch(/backreference/);
    expect(unsafePattern('(?<d>\\d)\\k<d>')).toMatch(/backreference/);
    expect(unsafePattern('\\d*\\d*\\d*x')).toMatch(/more than 2 times/);
    expect(unsafePattern('([0-9')).toBe('is not a valid regular expression');
  });

  it('what adapters and picks use is accepted', () => {
    for (const adapter of [DEMO, MOSAIC]) expect(unsafePattern(adapter.childId.validator.pattern)).toBeNull();
    expect(unsafePattern(validatorLike('AB-1234').pattern)).toBeNull();
    expect(unsafePattern(validatorLike('1234567').pattern)).toBeNull();
    expect(unsafePattern('(\\d+)?-[A-Z]{2}')).toBeNull();
    expect(unsafePattern('/person/([^/]+)')).toBeNull();
    expect(unsafePattern('P-(\\d+)')).toBeNull();
    expect(unsafePattern('[(+*]{1,3}\\(x\\)+')).toBeNull(); // quantifier characters inside a class or escaped are not repeats
    const pick = readPickedText('Jo Sample (Mosaic ID: 1234567) · born 01/02/2016', MOSAIC)!;
    expect(unsafePattern(pick.regex!)).toBeNull();
  });

  it('adapters that picks made before this change still run: their lookarounds are safe', () => {
    const older = (regex: string): HostAdapter => ({
      ...MOSAIC,
      childId: {
        ...MOSAIC.childId,
        sources: [{ kind: 'selector', selector: '.banner', regex }],
        validator: { pattern: '[0-9]{4,10}', maxLength: 10 },
      },
    });
    const banner = document.implementation.createHTMLDocument('x');
    banner.body.innerHTML = '<div class="banner">Noah Bennett (Mosaic ID: 1000002) · born 02/09/2019</div>';
    for (const regex of ['Mosaic ID[\\s:#(—–-]{0,4}([0-9]{4,10})(?![A-Za-z0-9])', '(?<![A-Za-z0-9/])([0-9]{4,10})(?![A-Za-z0-9/])']) {
      expect(unsafePattern(regex)).toBeNull();
      expect(readChildId(older(regex), banner, URL_)).toEqual({ found: true, childId: '1000002', source: 'selector' });
    }
  });

  it('an adapter file with one is refused at import, naming the field; nothing is imported', () => {
    const withValidator = { ...MOSAIC, childId: { ...MOSAIC.childId, validator: { pattern: '(\\d+)+', maxLength: 64 } } };
    expect(() => parseAdapterFile(JSON.stringify(withValidator))).toThrow(
      /childId\.validator\.pattern: repeats a group that itself repeats.*Your adapters are unchanged/,
    );
    const withRegex = { ...MOSAIC, childId: { ...MOSAIC.childId, sources: [{ kind: 'title', regex: '(\\w)\\1' }] } };
    expect(() => parseAdapterFile(JSON.stringify(withRegex))).toThrow(/childId\.sources\.0\.regex: uses a backreference/);
  });

  it('an organisation policy with one is refused with a warning', () => {
    const policy = {
      adapters: [{ ...MOSAIC, id: 'ours', childId: { ...MOSAIC.childId, validator: { pattern: '(\\d+)+', maxLength: 64 } } }],
    };
    const resolved = resolveSettings(policy, undefined);
    expect(resolved.values.adapters).toEqual([]);
    expect(resolved.warnings.join(' ')).toMatch(/childId\.validator\.pattern: repeats a group that itself repeats/);
  });

  it('one that slipped into storage is refused at use, and the page does not freeze', () => {
    const doc = document.implementation.createHTMLDocument('x');
    doc.body.innerHTML = `<div class="personHeader"><dl><dt>Mosaic ID</dt><dd>${LONG_WORD}</dd></dl></div><p class="t">Ref ${LONG_WORD}</p>`;
    const stored: HostAdapter = { ...MOSAIC, childId: { ...MOSAIC.childId, validator: { pattern: '(\\d+)+', maxLength: 64 } } };
    let started = performance.now();
    expect(readChildId(stored, doc, URL_)).toEqual({ found: false, reason: 'pattern-refused' });
    expect(performance.now() - started).toBeLessThan(100);

    const storedRegex: HostAdapter = {
      ...MOSAIC,
      childId: { ...MOSAIC.childId, sources: [{ kind: 'selector', selector: '.t', regex: 'Ref (([0-9])+)+$' }] },
    };
    started = performance.now();
    expect(readChildId(storedRegex, doc, URL_)).toEqual({ found: false, reason: 'pattern-refused' });
    expect(performance.now() - started).toBeLessThan(100);
  });
});
