// Issue 36: what the preview and the import catch that they missed, each said where in words.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getProtocol } from '../../lib/protocols';
import { lintProtocol } from '../../lib/protocols/lint';
import { parseProtocol, readProtocolFile } from '../../lib/protocols/read';

/** A built-in changed as a partnership lead might get it wrong, parsed as an import would. */
const changed = (id: string, change: (p: Record<string, any>) => void) => {
  const copy = JSON.parse(JSON.stringify(getProtocol(id)));
  change(copy);
  return parseProtocol(copy);
};
const messages = (id: string, change: (p: Record<string, any>) => void) =>
  lintProtocol(changed(id, change)).map((w) => `${w.path}: ${w.message}`);

describe('the preview’s checks', () => {
  it('a duty naming a form that does not exist', () => {
    expect(messages('herefordshire', (p) => (p.stages[2].duties[0].form = 'appendix-9'))).toContain(
      'stages[2].duties[0].form: Stage 2 Safeguarding Lead/Service Manager/Head of Service to Safeguarding Lead/Service Manager/Head of Service, duty “appendix-2”: it names the form “appendix-9”, which is neither one of this protocol’s forms nor a built-in one',
    );
    expect(lintProtocol(getProtocol('herefordshire')).filter((w) => w.path.endsWith('.form'))).toEqual([]);
  });

  it('a clock whose number contradicts its quote (“by Day 8” counted as 9)', () => {
    expect(messages('herefordshire', (p) => (p.stages[2].clocks[0].days = 9))).toContain(
      'stages[2].clocks[0]: clock “Stage 2 completed by Day 8 from the initial concern”: it counts 9, but its quote says 8; check the number against the document',
    );
    // "Day 3-7", "1-3 working days", "48 hours": the built-ins' numbers all agree with their quotes.
    for (const id of ['pan-cheshire', 'halton', 'enfield', 'pan-sussex', 'herefordshire']) {
      expect(
        lintProtocol(getProtocol(id)).filter((w) => w.message.includes('its quote says')),
        id,
      ).toEqual([]);
    }
  });

  it('a protocol-wide clock anchored after the stages it governs', () => {
    expect(messages('enfield', (p) => (p.clocks[0].anchor = 'entered:stage-2'))).toContain(
      'clocks[0]: the protocol-wide clock “Resolved within 5 working days of Stage 1” counts from stage-2, after stage-1, which it also governs: it cannot run there',
    );
  });

  describe('the second edition’s clocks (the afon-teifi fixture, changed)', () => {
    const afon = readFileSync(new URL('../fixtures/protocols/afon-teifi.json', import.meta.url), 'utf8');
    const afonMessages = (change: (p: Record<string, any>) => void) => {
      const json = JSON.parse(afon);
      change(json);
      return lintProtocol(readProtocolFile(JSON.stringify(json))).map((w) => `${w.path}: ${w.message}`);
    };
    it('a duty’s deadline whose number contradicts its quote (“within 2 working days” counted as 9)', () => {
      expect(afonMessages((p) => (p.stages[1].duties[0].due.days = 9))).toContain(
        'stages[1].duties[0].due: clock “Outcome circulated within 2 working days of the meeting”: it counts 9, but its quote says 2; check the number against the document',
      );
    });
    it('a calendar clock whose quote names no time', () => {
      expect(afonMessages((p) => (p.clocks[0].quote = 'The whole process should be completed quickly.'))).toContain(
        'clocks[0]: clock “Resolved within 8 weeks of the concern”: its quote names no time (such as “5 working days” or “24 hours”); check it is the sentence that sets this deadline',
      );
    });
    it('a protocol-wide clock counting from an event at a stage after some it governs (“meeting-held:stage-3”)', () => {
      expect(afonMessages((p) => (p.clocks[0].anchor = 'meeting-held:stage-3'))).toContain(
        'clocks[0]: the protocol-wide clock “Resolved within 8 weeks of the concern” counts from stage-3, after stage-1, stage-2, which it also governs: it cannot run there',
      );
    });
  });

  it('a skip with no quote', () => {
    expect(messages('pan-sussex', (p) => delete p.startAtLaterStage.quote)).toContain(
      'startAtLaterStage: escalations may pass over stages, but no quote says where the document allows it',
    );
  });
});

describe('every refusal says where in words, never a raw pattern or “Invalid discriminator value”', () => {
  const refusal = (id: string, change: (p: Record<string, any>) => void) => {
    const copy = JSON.parse(JSON.stringify(getProtocol(id)));
    change(copy);
    try {
      readProtocolFile(JSON.stringify(copy));
      return '';
    } catch (error) {
      return (error as Error).message;
    }
  };
  it('a clock of a kind the format does not have', () => {
    const message = refusal('herefordshire', (p) => (p.stages[1].clocks[0].kind = 'fortnights'));
    expect(message).toContain(
      'Stage “Stage 1 Line/Team Manager to Line/Team Manager”, clock “Stage 1 completed within 1–3 working days of the initial concern”, kind — stages[1].clocks[0].kind: must be one of "working-days", "day-window", "hours", "same-working-day", "next-working-day", "calendar", "agreed"',
    );
    expect(message).not.toContain('Invalid discriminator value');
  });
  it('a contact whose phone is missing its email too', () => {
    expect(refusal('enfield', (p) => delete p.contacts[0].phone)).toContain(
      'contact “Multi-Agency Safeguarding Hub (MASH)” — contacts[0]:',
    );
  });
});
