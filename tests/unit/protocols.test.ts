import { describe, expect, it } from 'vitest';
import { getProtocol, listProtocols, type Protocol } from '../../lib/protocols';
import { parseProtocol } from '../../lib/protocols/read';
import { normalise, seedsAvailable, seedText, SEEDS_DIR } from './seeds';

describe('the five seed protocols', () => {
  it('load and validate, in the expected order', () => {
    expect(listProtocols().map((p) => p.id)).toEqual(['pan-cheshire', 'halton', 'enfield', 'pan-sussex', 'herefordshire']);
  });

  it('number their stages as the documents do', () => {
    const ids = Object.fromEntries(listProtocols().map((p) => [p.id, p.stages.map((s) => s.id).join(' ')]));
    expect(ids).toEqual({
      'pan-cheshire': 'initial stage-1 stage-2 stage-3',
      halton: 'initial stage-1 stage-2 stage-3 stage-4', // version 2: Appendix A's Next Level Management is stage-2
      enfield: 'initial stage-1 stage-2 stage-3 stage-4',
      'pan-sussex': 'stage-1 stage-2 stage-3 stage-4 stage-5 stage-6', // Sussex Stage 1 is professional to professional
      herefordshire: 'initial stage-1 stage-2 stage-3 stage-4',
    });
  });

  it('getProtocol names an unknown id and the known ones', () => {
    expect(() => getProtocol('kent')).toThrow(/Unknown protocol "kent".*pan-cheshire/);
  });

  it('a malformed protocol is refused with the path of the problem', () => {
    const broken = structuredClone(getProtocol('halton')) as Record<string, unknown>;
    (broken.stages as { id: string }[])[1]!.id = 'stage-7';
    expect(() => parseProtocol(broken)).toThrow(/"halton".*stages must be initial, stage-1, stage-2, stage-3/);
    expect(() => parseProtocol({ id: 'x' })).toThrow(/"x" is not valid/);
  });
});

/** Every sentence the protocol cites for a rule, a note, a route or a table. */
function allQuotes(protocol: Protocol): string[] {
  const quoted = (items: readonly { quote?: string }[]) => items.flatMap((i) => (i.quote ? [i.quote] : []));
  return [
    ...protocol.stages.flatMap((s) => [s.whoQuote, ...quoted(s.clocks), ...quoted(s.duties), ...quoted(s.notes), ...quoted(s.triggers)]),
    ...quoted(protocol.clocks),
    ...quoted(protocol.onResolution),
    ...quoted(protocol.notes),
    ...quoted(protocol.immediateRisk.steps),
    ...quoted([protocol.startAtLaterStage, protocol.timescalesNote ?? {}, protocol.seniority ?? {}]),
    // Second edition (issue 36).
    ...quoted([{ quote: protocol.startAtLaterStage.onlyToQuote }, protocol.scope ?? {}, protocol.cutOff ?? {}]),
    ...quoted(protocol.facts ?? []),
    ...quoted(protocol.stages.flatMap((s) => s.duties.flatMap((d) => (d.due ? [d.due] : [])))),
    ...(protocol.routes ?? []).flatMap((r) => [r.quote, ...quoted(r.notes ?? [])]),
  ];
}

// Skipped only outside CI when the seeds are not beside the clone; CI always has them.
describe.skipIf(!seedsAvailable && !process.env.CI)(`every quote is the source document's own words (${SEEDS_DIR})`, () => {
  for (const protocol of listProtocols()) {
    const text = seedsAvailable ? seedText(protocol.source.seedFile!) : '';
    const quotes = allQuotes(protocol);
    it(`${protocol.id}: ${quotes.length} quotes found in ${protocol.source.seedFile}`, () => {
      for (const quote of quotes) expect(text, quote).toContain(normalise(quote));
    });

    it(`${protocol.id}: every contact number and address is in a seed document (none invented)`, () => {
      const all = ['000_898df5a600ae9220.txt', protocol.source.seedFile!].map(seedText).join(' ');
      for (const contact of protocol.contacts) {
        if (contact.phone) expect(all, contact.name).toContain(contact.phone.replace(/ \(option (\d), option (\d)\)| \(option (\d)\)/, ''));
        if (contact.email) expect(all.toLowerCase(), contact.name).toContain(contact.email.toLowerCase());
      }
    });
  }
});

describe('contacts are organisational only', () => {
  it('never name an individual from the documents', () => {
    // The Halton appendix lists named people; none of them may be shipped.
    const names =
      /Fairbrother|Ashcroft|Wilson|Hughes|Storey|Overs|Coffey|Evans|Fearon|Norton|Williams|Dobson|Few|Kellie|Bradley|Cleworth|Loftus|Richardson|Hudson|Dawber|Montieth|McCulloch|Dearden|Broome|Griffiths|Burke|Jones/;
    for (const protocol of listProtocols()) {
      expect(JSON.stringify(protocol.contacts), protocol.id).not.toMatch(names);
    }
  });

  it('each protocol with a front door also has out-of-hours numbers', () => {
    for (const protocol of listProtocols()) {
      const kinds = new Set(protocol.contacts.map((c) => c.kind));
      if (kinds.has('front-door')) expect(kinds.has('out-of-hours'), protocol.id).toBe(true);
    }
  });
});
