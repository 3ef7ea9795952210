import { describe, expect, it } from 'vitest';
import { noteLanded, noteMarkers } from '../../lib/templates/landed';

const NOTE = [
  'Multi-agency escalation ESC-7K3F9Q: Stage 1',
  '',
  'With:',
  '- Sam Reid, Health Visitor, Community Health',
  '- Ann Lee, Teacher, School',
  '',
  'Escalation ESC-7K3F9Q · Herefordshire stage 1 · due Thu 3 Dec 2026',
  '',
].join('\n');

describe('checking the note reached the field', () => {
  const markers = noteMarkers(NOTE);

  it('looks for the title, the reference line and each list item', () => {
    expect(markers).toEqual([
      'Multi-agency escalation ESC-7K3F9Q: Stage 1',
      'Escalation ESC-7K3F9Q · Herefordshire stage 1 · due Thu 3 Dec 2026',
      'Sam Reid, Health Visitor, Community Health',
      'Ann Lee, Teacher, School',
    ]);
  });

  it('is landed when a rich editor holds it as blocks with its own spacing and fillers', () => {
    const editorText =
      'Worker words.Multi-agency escalation\u00a0ESC-7K3F9Q: Stage 1With:Sam Reid, Health Visitor, Community Health\u200bAnn Lee, Teacher, School' +
      'Escalation ESC-7K3F9Q · Herefordshire stage 1 · due Thu 3 Dec 2026';
    expect(noteLanded('Worker words.', editorText, markers)).toBe(true);
  });

  it('is not landed when the editor dropped the list (kept the paragraphs only)', () => {
    const dropped = 'Multi-agency escalation ESC-7K3F9Q: Stage 1 With: Escalation ESC-7K3F9Q · Herefordshire stage 1 · due Thu 3 Dec 2026';
    expect(noteLanded('', dropped, markers)).toBe(false);
  });

  it('is not landed when the editor put back what it had', () => {
    expect(noteLanded('Worker words.', 'Worker words.', markers)).toBe(false);
  });

  it('an earlier copy of the same note already in the field proves nothing', () => {
    expect(noteLanded(NOTE, NOTE + '\nWorker words.', markers)).toBe(false);
    expect(noteLanded(NOTE, NOTE + NOTE, markers)).toBe(true);
  });

  it('an empty note never counts as landed', () => {
    expect(noteMarkers('  \n ')).toEqual([]);
    expect(noteLanded('', 'anything', [])).toBe(false);
  });
});
