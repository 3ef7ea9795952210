import { describe, expect, it } from 'vitest';
import { BUILT_IN_SETTINGS, isLocked } from '../../lib/settings';
import { resolveSettings } from '../../lib/settings/resolve';

describe('settings resolve managed > user > built-in', () => {
  it('uses built-in values when nothing is set', () => {
    const r = resolveSettings(undefined, undefined);
    expect(r.values).toEqual(BUILT_IN_SETTINGS);
    expect(r.source.defaultProtocol).toBe('built-in');
    expect(r.warnings).toEqual([]);
  });

  it('the user’s choice beats built-in; the organisation’s beats both and is locked', () => {
    const r = resolveSettings(
      { defaultProtocol: 'herefordshire', retentionMonths: 24 },
      { defaultProtocol: 'enfield', reminders: true, retentionMonths: 6 },
    );
    expect(r.values.defaultProtocol).toBe('herefordshire');
    expect(r.values.retentionMonths).toBe(24);
    expect(r.values.reminders).toBe(true);
    expect(r.source).toMatchObject({
      defaultProtocol: 'organisation',
      retentionMonths: 'organisation',
      reminders: 'you',
      contacts: 'built-in',
    });
    expect(isLocked(r, 'defaultProtocol')).toBe(true);
    expect(isLocked(r, 'reminders')).toBe(false);
  });

  it('an invalid managed value is ignored with a visible warning, keeping the user’s or built-in value', () => {
    const r = resolveSettings(
      { defaultProtocol: 'kent', retentionMonths: 'forever', caseSystemOrigins: ['mosaic.gov.uk'], surprise: 1 },
      { defaultProtocol: 'enfield' },
    );
    expect(r.values.defaultProtocol).toBe('enfield');
    expect(r.source.defaultProtocol).toBe('you');
    expect(r.values.retentionMonths).toBe(12);
    expect(r.values.caseSystemOrigins).toEqual([]);
    expect(r.warnings).toEqual([
      expect.stringMatching(/“defaultProtocol” is not valid \(is not a protocol this device has.*IT team/),
      expect.stringMatching(/“retentionMonths” is not valid/),
      expect.stringMatching(/“caseSystemOrigins” is not valid \(0: must look like https/),
      expect.stringMatching(/“surprise”, which this version does not know/),
    ]);
  });

  it('managed settings that are not an object at all are ignored', () => {
    expect(resolveSettings('nonsense', undefined).warnings).toEqual([
      expect.stringMatching(/organisation’s settings are not in the expected form/),
    ]);
  });

  it('keeps the default among the allowed protocols', () => {
    const r = resolveSettings({ allowedProtocols: ['halton', 'pan-cheshire'] }, { defaultProtocol: 'enfield' });
    expect(r.values.defaultProtocol).toBe('halton');
    expect(r.warnings).toEqual([expect.stringMatching(/“enfield” is not among the allowed protocols/)]);
  });

  it('validates adapters, closure days and contacts with the same schemas as elsewhere', () => {
    const r = resolveSettings(
      {
        closureDays: { '2026-12-24': 'Council closure day' },
        contacts: [{ name: 'Children’s Front Door', area: 'Ourshire', kind: 'front-door', phone: '01234 567890' }],
        adapters: [
          {
            id: 'ours',
            name: 'Our Mosaic',
            matches: ['https://mosaic.ourshire.gov.uk/*'],
            childId: { label: 'Mosaic ID', sources: [{ kind: 'title' }], validator: { pattern: '[0-9]+', maxLength: 10 } },
            notes: {},
          },
        ],
      },
      undefined,
    );
    expect(r.warnings).toEqual([]);
    expect(r.values.adapters[0]!.notes.fields).toEqual([]);
    expect(resolveSettings({ closureDays: { 'Christmas Eve': 'x' } }, undefined).warnings).toHaveLength(1);
  });

  it('reads a policy that still uses the former name extraNonWorkingDays as closureDays', () => {
    const resolved = resolveSettings({ extraNonWorkingDays: { '2026-12-24': 'Council closure day' } }, undefined);
    expect(resolved.values.closureDays).toEqual({ '2026-12-24': 'Council closure day' });
    expect(resolved.source.closureDays).toBe('organisation');
    expect(resolved.warnings).toEqual([]);
  });
});
