import { describe, expect, it } from 'vitest';
import { createEscalation, getHistory, recordEvent } from '../../lib/db/escalations';
import { listProtocols } from '../../lib/protocols';
import {
  BLANK,
  factsFor,
  findReferences,
  getTemplate,
  referenceLine,
  renderTemplate,
  templatesFor,
  toHtml,
  toPlainText,
  toTsv,
} from '../../lib/case-notes/render';
import { TEMPLATES } from '../../lib/templates/catalogue';
import { TemplateSchema } from '../../lib/templates/schema';
import { freshDb, MON, newEscalation } from './fixtures/escalations';

const NOW = new Date('2026-11-27T12:00:00Z');
const at = (iso: string) => ({ at: iso, by: 'Jo Patel' });

/** An escalation taken to the top of its ladder with discussions, actions and a resolution. */
async function walked(protocolId: string, overrides = {}) {
  const db = await freshDb();
  const days = protocolId === 'pan-sussex' ? { agreedDays: 2 } : {};
  let e = await createEscalation(db, newEscalation(protocolId, { ...days, ...overrides }), at(MON));
  await recordEvent(
    db,
    e.id,
    { type: 'discussion-held', with: 'Sam Reid', summary: 'Agreed to review the referral' },
    at('2026-11-23T14:00:00Z'),
  );
  await recordEvent(
    db,
    e.id,
    { type: 'action-agreed', action: 'Share the health assessment', owner: 'Sam Reid', dueDay: '2026-11-25' },
    at('2026-11-23T15:00:00Z'),
  );
  for (const stage of (await import('../../lib/protocols')).getProtocol(protocolId).stages.slice(1)) {
    e = await recordEvent(
      db,
      e.id,
      { type: 'stage-entered', stageId: stage.id, reason: 'unresolved', ...days },
      at('2026-11-24T10:00:00Z'),
    );
  }
  const open = e;
  e = await recordEvent(
    db,
    e.id,
    {
      type: 'resolved',
      methodology: 'Resolution meeting',
      stageId: e.currentStage,
      outcome: 'Assessment to go ahead',
      lessonsLearned: 'Talk sooner',
    },
    at('2026-11-26T10:00:00Z'),
  );
  return { open, resolved: e, events: await getHistory(db, e.id) };
}

describe('every template for every protocol', () => {
  it('the built-in templates are used as written: the schema reads each exactly as it is', () => {
    for (const template of TEMPLATES) expect(TemplateSchema.parse(template)).toEqual(template);
  });

  for (const protocol of listProtocols()) {
    for (const template of templatesFor(protocol.id)) {
      it(`${protocol.id}: ${template.id} renders with no undefined, null or [object Object]`, async () => {
        const { resolved, events } = await walked(protocol.id);
        const doc = renderTemplate(template, factsFor(resolved, events, NOW), referenceLine(resolved));
        for (const text of [toPlainText(doc), toHtml(doc), toTsv(doc), doc.title]) {
          expect(text).not.toMatch(/undefined|null|\[object Object\]|NaN/);
        }
        expect(toPlainText(doc)).toContain(resolved.reference);
      });
    }
  }

  it('each protocol has its partnership forms', () => {
    const ids = (p: string) => templatesFor(p).map((t) => t.id);
    expect(ids('herefordshire')).toEqual(['case-note', 'herefordshire-appendix-1', 'herefordshire-appendix-2']);
    expect(ids('pan-cheshire')).toEqual(['case-note', 'cheshire-appendix-a']);
    expect(ids('enfield')).toEqual(['case-note', 'enfield-executive-summary']);
    expect(ids('pan-sussex')).toEqual(['case-note', 'written-record']);
    expect(ids('halton')).toEqual(['case-note', 'halton-written-confirmation']);
  });
});

describe('what the templates say', () => {
  it('a case note states the step, the disagreement, with whom, the stage, what was agreed, actions and the next deadline', async () => {
    const { open, events } = await walked('herefordshire');
    const text = toPlainText(renderTemplate(getTemplate('case-note'), factsFor(open, events.slice(0, -1), NOW), referenceLine(open)));
    expect(text).toContain(`Multi-agency escalation ${open.reference}: Stage 4: Escalation to Safeguarding Partners Board (SPG)`);
    expect(text).toContain(
      'This step: Escalated to Stage 4: Escalation to Safeguarding Partners Board (SPG): Not resolved at the previous stage',
    );
    expect(text).toContain('With:\n- Sam Reid, Health Visitor, Community Health');
    expect(text).toContain('- Mon 23 Nov 2026: Discussion with Sam Reid: Agreed to review the referral');
    expect(text).toContain('- Share the health assessment (Sam Reid) – by Wed 25 Nov 2026');
    expect(text).toContain('Next deadline: Stage 4: Escalation to Safeguarding Partners Board (SPG): due Mon 21 Dec 2026');
    expect(text.trim().split('\n').at(-1)).toBe(`Escalation ${open.reference} · Herefordshire stage 4 · due Mon 21 Dec 2026`);
  });

  it('fields the extension does not know are marked blanks, never invented', async () => {
    const { resolved, events } = await walked('pan-cheshire');
    const text = toPlainText(renderTemplate(getTemplate('cheshire-appendix-a'), factsFor(resolved, events, NOW)));
    expect(text).toContain(`Name of Child/Young Person: ${BLANK}`);
    expect(text).toContain(`Date of Birth: ${BLANK}`);
    expect(text).toContain(`Name of Board Members, Roles and Agencies Involved: ${BLANK}`);
    expect(text).toContain('Name of Manager who escalated concern at Step 1, Role and Agency: Jo Patel, Social Worker');
    expect(text).toContain('Date that Step 2 was concluded: Tue 24 Nov 2026');
    expect(text).toContain('- Cheshire West SCP: SCP@cheshirewestandchester.gov.uk');
    expect(text).toContain('- Warrington SCP: safeguardingpartnerships@warrington.gov.uk');
  });

  it('uses the child’s details when the worker filled them for a form', async () => {
    const { resolved, events } = await walked('herefordshire', {
      child: { hostId: 'demo', childId: '1000001', name: 'Amelia Hart', dateOfBirth: '2016-03-14', address: '1 High Street, Hereford' },
    });
    const text = toPlainText(renderTemplate(getTemplate('herefordshire-appendix-2'), factsFor(resolved, events, NOW)));
    expect(text).toContain('1.1 Name of child/young person: Amelia Hart');
    expect(text).toContain('1.2 D.O.B: Mon 14 Mar 2016');
    expect(text).toContain('SECTION C: RESOLUTION SUMMARY');
    expect(text).toContain('Difference resolved at: Escalation Stage: Stage 4: Escalation to Safeguarding Partners Board (SPG)');
  });

  it('the Appendix 1 log row is one tab-separated row with its eight columns', async () => {
    const { resolved, events } = await walked('herefordshire');
    const row = toTsv(renderTemplate(getTemplate('herefordshire-appendix-1'), factsFor(resolved, events, NOW)));
    const cells = row.split('\t');
    expect(cells).toHaveLength(8);
    expect(cells[0]).toBe(resolved.reference);
    expect(cells[1]).toBe(`Name: ${BLANK}; DOB: ${BLANK}; Age: ${BLANK}; Unique identifier: 1000001`);
    expect(cells[7]).toBe('Assessment to go ahead');
    expect(row).not.toMatch(/\n/);
  });

  it('the log row disarms spreadsheet formulas typed into any field (as the CSV downloads do)', async () => {
    const hostile = '=HYPERLINK("http://x","need")';
    const { resolved, events } = await walked('herefordshire', { levelOfNeed: { current: hostile, proposed: ' +1' }, summary: '@SUM(A1)' });
    const cells = toTsv(renderTemplate(getTemplate('herefordshire-appendix-1'), factsFor(resolved, events, NOW))).split('\t');
    expect(cells).toHaveLength(8);
    for (const cell of cells) expect(cell).not.toMatch(/^\s*[=+\-@]/);
    expect(cells[4]).toBe("'@SUM(A1)");
    // The level of need cell starts with our own words, so it cannot run; the typed text is kept as typed.
    expect(cells[3]).toBe(`Current: ${hostile}; proposed: +1`);
  });

  it('user text is escaped in HTML: a counterpart named <img onerror=…> appears as text', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const { resolved, events } = await walked('enfield', { counterparts: [{ name: hostile, role: 'GP', agency: 'Practice\tOne' }] });
    const doc = renderTemplate(getTemplate('enfield-executive-summary'), factsFor(resolved, events, NOW), referenceLine(resolved));
    const html = toHtml(doc);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(toPlainText(doc)).toContain(hostile); // plain text keeps it as typed
    expect(html).toMatch(/^<h3>/);
    expect(
      html
        .match(/<(\w+)/g)!
        .map((t) => t.slice(1))
        .every((tag) => ['h3', 'h4', 'p', 'b', 'i', 'ul', 'li'].includes(tag)),
    ).toBe(true);
  });
});

describe('reference lines', () => {
  it('are found in a record’s notes', () => {
    const notes = 'Visit done.\nEscalation ESC-7K3F9Q · Herefordshire stage 2 · due Thu 3 Dec 2026\nOther text ESC-NOPE';
    expect(findReferences(notes)).toEqual([
      { reference: 'ESC-7K3F9Q', line: 'Escalation ESC-7K3F9Q · Herefordshire stage 2 · due Thu 3 Dec 2026' },
    ]);
  });
});
