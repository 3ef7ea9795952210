import { describe, expect, it } from 'vitest';
import { AGENCY_KINDS, agencyKind } from '../../lib/views/agencies';

describe('agency kinds for the anonymised figures', () => {
  it('reads the kind from the words of the name', () => {
    expect(agencyKind("Children's Social Care")).toBe('Children’s social care');
    expect(agencyKind('Halton Borough Council')).toBe('Children’s social care');
    expect(agencyKind('Community Health')).toBe('Health');
    expect(agencyKind('Riverside GP surgery')).toBe('Health');
    expect(agencyKind('0-19 Health Visiting (NHS)')).toBe('Health');
    expect(agencyKind('Cheshire Constabulary')).toBe('Police');
    expect(agencyKind('St Agnes Primary School')).toBe('Education');
    expect(agencyKind('Youth Justice Service')).toBe('Probation and youth justice');
    expect(agencyKind('Adult Social Care')).toBe('Adult social care');
    expect(agencyKind('Housing Options')).toBe('Housing');
    expect(agencyKind('NSPCC')).toBe('Voluntary and community sector');
  });

  it('anything else is "Other agency", never the name itself', () => {
    for (const name of ['Jo Patel', 'Smith & Co', '', '=HYPERLINK("x")', '\u202eecilop']) {
      expect(agencyKind(name)).toBe('Other agency');
      expect(AGENCY_KINDS).toContain(agencyKind(name));
    }
  });
});
