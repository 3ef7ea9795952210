// Issue 36: Welsh in the panel. The protocol's own words (stage names, who acts, duties, clocks' text, its
// questions) in the language the organisation picks or the browser speaks, where the file translates them;
// English (the document's own words) otherwise, never a blank. Through the afon-teifi fixture.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ladderView, previewLadder } from '../../lib/escalation/ladder';
import { getProtocol, setProtocols } from '../../lib/protocols';
import { readProtocolFile } from '../../lib/protocols/read';
import { valueAt } from '../../lib/protocols/schema';
import { protocolWordsLanguage, translatedProtocol } from '../../lib/protocols/translate';
import { deriveEscalation } from '../../lib/records/derive';
import { EscalationEventSchema, type EventBody } from '../../lib/records/model';
import { resolveSettings } from '../../lib/settings/resolve';
import { newEscalation } from './fixtures/escalations';

const TEXT = readFileSync(new URL('../fixtures/protocols/afon-teifi.json', import.meta.url), 'utf8');
beforeAll(() => setProtocols('imported', [readProtocolFile(TEXT)]));
afterAll(() => setProtocols('imported', []));

const CONCERN = '2026-11-23T10:00:00Z'; // Monday
const now = new Date('2026-11-26T12:00:00Z');
/** When the later events were written (after the meeting they record). */
const RECORDED = '2026-11-25T10:00:00Z';

/** An afon-teifi escalation (not on a plan, urgent, from health) with these events after its creation. */
function escalation(later: EventBody[] = []) {
  const bodies: EventBody[] = [
    {
      type: 'created',
      reference: 'ESC-DDDDDD',
      escalation: {
        ...newEscalation('afon-teifi', { concernRaisedAt: CONCERN }),
        protocolVersion: '1',
        startStage: 'stage-1',
        facts: { 'cp-plan': false, urgency: 'urgent', agency: 'health' },
      },
    },
    ...later,
  ];
  return deriveEscalation(
    bodies.map((body, i) =>
      EscalationEventSchema.parse({
        ...body,
        id: `welsh-event-${i + 1}`,
        escalationId: 'welsh-escalation',
        seq: i + 1,
        at: i === 0 ? CONCERN : RECORDED,
      }),
    ),
  );
}

describe('which language the protocol’s words are shown in', () => {
  it('the browser’s, unless the organisation picks one', () => {
    expect(protocolWordsLanguage('browser', 'cy')).toBe('cy');
    expect(protocolWordsLanguage('browser', 'cy-GB')).toBe('cy');
    expect(protocolWordsLanguage('browser', 'en-GB')).toBe('en');
    expect(protocolWordsLanguage('cy', 'en-GB')).toBe('cy');
    expect(protocolWordsLanguage('en', 'cy-GB')).toBe('en');
  });
  it('the organisation picks it by policy (`protocolLanguage`); a value it cannot be is ignored with a warning', () => {
    const welsh = resolveSettings({ protocolLanguage: 'cy' }, undefined);
    expect([welsh.values.protocolLanguage, welsh.source.protocolLanguage]).toEqual(['cy', 'organisation']);
    const wrong = resolveSettings({ protocolLanguage: 'welsh' }, undefined);
    expect(wrong.values.protocolLanguage).toBe('browser');
    expect(wrong.warnings.join(' ')).toMatch(/protocolLanguage/);
  });
});

describe('the panel’s ladder in Welsh', () => {
  it('stage names, who acts, duties and clocks’ text in Welsh where the protocol has them, English otherwise', () => {
    const e = escalation();
    const cy = ladderView(e, now, {}, 'cy');
    const [first, second, third] = cy.stages;
    expect(first!.stage.title).toBe('Cam 1: Ymarferydd i ymarferydd');
    expect(first!.stage.who).toBe('Yr ymarferwyr sy’n anghytuno');
    expect(first!.duties.map((d) => d.duty.text)).toEqual(['Dywedwch wrth eich nyrs enwebedig ar gyfer diogelu.']);
    expect(first!.clocks.map((c) => [c.id, c.label])).toEqual([
      ['talk-2-days', 'Siarad o fewn 2 ddiwrnod gwaith'],
      ['whole-process', 'Wedi’i ddatrys o fewn 8 wythnos i’r pryder'],
    ]);
    expect(second!.stage.title).toBe('Cam 2: Rheolwyr llinell');
    // Not translated: the document's own English.
    expect(second!.stage.who).toBe('The line managers of the practitioners');
    expect(third!.stage.title).toBe('Stage 3: Heads of service');
    // The same deadlines in either language.
    const en = ladderView(e, now, {}, 'en');
    expect(cy.stages.map((s) => s.clocks.map((c) => c.due))).toEqual(en.stages.map((s) => s.clocks.map((c) => c.due)));
    expect(en.stages[0]!.stage.title).toBe('Stage 1: Practitioner to practitioner');
    expect(en.stages[0]!.clocks.map((c) => c.label)).toEqual(['Talk within 2 working days', 'Resolved within 8 weeks of the concern']);
    // A language the protocol has no words in: English, never a blank.
    expect(ladderView(e, now, {}, 'fr').stages[0]!.stage.title).toBe('Stage 1: Practitioner to practitioner');
  });

  it('a duty’s own deadline in Welsh once its meeting is held', () => {
    const e = escalation([
      { type: 'stage-entered', stageId: 'stage-2', reason: 'unresolved' },
      { type: 'milestone', milestone: 'meeting-held', stageId: 'stage-2', happenedAt: '2026-11-24T10:00:00Z' },
    ]);
    const duty = ladderView(e, now, {}, 'cy').stages[1]!.duties.find((d) => d.duty.id === 'circulate-outcome')!;
    expect(duty.due!.label).toBe('Rhannu’r canlyniad o fewn 2 ddiwrnod gwaith i’r cyfarfod');
    expect(duty.due!.due).toBe('2026-11-26');
  });

  it('the start form’s preview and questions too', () => {
    const preview = previewLadder('afon-teifi', CONCERN, now, {}, { language: 'cy' });
    expect(preview.stages[0]!.stage.title).toBe('Cam 1: Ymarferydd i ymarferydd');
    expect(preview.stages[0]!.clocks.find((c) => c.id === 'whole-process')!.label).toBe('Wedi’i ddatrys o fewn 8 wythnos i’r pryder');
    expect(preview.protocol.facts![0]!.question).toBe('Ydy’r plentyn yn destun cynllun amddiffyn plant?');
    expect(previewLadder('afon-teifi', CONCERN, now).protocol.facts![0]!.question).toBe('Is the child subject to a child protection plan?');
  });

  it('property: whichever words a file translates, each shows in Welsh and every other stays the document’s', () => {
    const protocol = getProtocol('afon-teifi');
    const welsh = Object.entries(protocol.translations!.cy!);
    fc.assert(
      fc.property(fc.subarray(welsh), (chosen) => {
        const shown = translatedProtocol({ ...protocol, translations: { cy: Object.fromEntries(chosen) } }, 'cy');
        for (const [path, words] of welsh) {
          expect(valueAt(shown, path)).toBe(chosen.some(([p]) => p === path) ? words : valueAt(protocol, path));
        }
        // The protocol itself is untouched.
        expect(protocol.stages[0]!.title).toBe('Stage 1: Practitioner to practitioner');
      }),
      { numRuns: 50 },
    );
  });
});
