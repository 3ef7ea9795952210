// Issue 36: an escalation about practice across several children (a theme) rather than one child: recorded with
// no child, kept apart from every child's records, carried by backups, and a database made before themes still reads.
import { describe, expect, it } from 'vitest';
import { openEscalationDb } from '../../lib/db';
import { exportBackup, importBackup } from '../../lib/db/backup';
import { createEscalation, dueSummary, escalationsForChild, getHistory, recordEvent } from '../../lib/db/escalations';
import { factsFor, getTemplate, renderTemplate, toPlainText } from '../../lib/case-notes/render';
import { aboutOf, recordChildOf, subjectOf } from '../../lib/records/about';
import { deriveEscalation } from '../../lib/records/derive';
import { NewEscalationSchema, type NewEscalation } from '../../lib/records/model';
import { checkThemeForm, themeFrom, toNewEscalation, typedChildIds, type StartFormValues } from '../../lib/escalation/start-form';
import { filterFromParams, filterToParams, firstScreenFromIndex, matchesFilter, sortEscalations } from '../../lib/views/dashboard';
import { anonymisedListCsv, figuresCsv, partnershipFigures, quarterOf } from '../../lib/views/figures';
import { dueWindows } from '../../lib/views/overview';
import { freshDb, MON, newEscalation } from './fixtures/escalations';
import { today, todaysDatabase } from './fixtures/todays-database';

const THEME = { title: 'Strategy meetings held without health', childIds: ['1000001', '1000002'] };
/** A themed escalation: no child, a theme (what the dashboard's "Start a theme" form sends). */
const themed = (theme: NonNullable<NewEscalation['theme']> = THEME): NewEscalation => {
  const { child: _child, ...rest } = newEscalation('herefordshire');
  return { ...rest, theme };
};
const problems = (input: unknown) => {
  const result = NewEscalationSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('a theme or a child, exactly one', () => {
  it('a theme with no child is a valid escalation; its child IDs are trimmed', () => {
    const parsed = NewEscalationSchema.parse(themed({ title: '  Late referrals ', childIds: [' 1000001 ', '1000002'] }));
    expect(parsed.theme).toEqual({ title: 'Late referrals', childIds: ['1000001', '1000002'] });
    expect(parsed.child).toBeUndefined();
    expect(NewEscalationSchema.parse(themed({ title: 'No IDs at all' })).theme).toEqual({ title: 'No IDs at all' });
  });

  it('both a child and a theme, or neither, is refused with a clear message', () => {
    const message = 'child: An escalation is about one child or about a theme across several children: give exactly one of the two';
    expect(problems({ ...themed(), child: { hostId: 'demo', childId: '1000001' } })).toEqual([message]);
    const { theme: _theme, ...neither } = themed();
    expect(problems(neither)).toEqual([message]);
  });

  it('a blank title, a blank child ID or more than 50 IDs is refused', () => {
    expect(problems(themed({ title: '   ' }))).toEqual(['theme.title: is required']);
    expect(problems(themed({ title: 'T', childIds: ['1000001', '  '] }))).toEqual(['theme.childIds.1: is required']);
    const many = Array.from({ length: 51 }, (_, i) => `C${i}`);
    expect(problems(themed({ title: 'T', childIds: many }))).toEqual(['theme.childIds: may list at most 50 child IDs']);
    expect(problems(themed({ title: 'T', childIds: many.slice(0, 50) }))).toEqual([]);
  });
});

describe('recorded and kept apart', () => {
  it('is stored with its theme and no child, and is never among any child’s escalations, even a child it lists', async () => {
    const db = await freshDb();
    const made = await createEscalation(db, themed(), { at: MON });
    const row = (await db.escalations.get(made.id))!;
    expect(row.theme).toEqual(THEME);
    expect(row.child).toBeUndefined();
    expect(row).toEqual(deriveEscalation(await getHistory(db, made.id)));
    expect(await escalationsForChild(db, 'demo', '1000001')).toEqual([]);
    expect([aboutOf(row), subjectOf(row), recordChildOf(row)]).toEqual(['theme', THEME.title, undefined]);
  });

  it('a child’s name, date of birth or address cannot be written onto a theme, and the theme stays as it was', async () => {
    const db = await freshDb();
    const made = await createEscalation(db, themed(), { at: MON });
    await expect(
      recordEvent(db, made.id, { type: 'field-corrected', field: 'child.name', oldValue: undefined, newValue: 'Alex' }, { at: MON }),
    ).rejects.toThrow('This escalation is about a theme, not one child: it has no child’s details');
    expect((await db.escalations.get(made.id))!.child).toBeUndefined();
  });

  it('a child’s escalation reads as before: about a child, named by its ID, its record the child’s', async () => {
    const db = await freshDb();
    const made = await createEscalation(db, newEscalation('herefordshire'), { at: MON });
    expect([aboutOf(made), subjectOf(made), recordChildOf(made)]).toEqual(['child', '1000001', made.child]);
    expect(made.theme).toBeUndefined();
  });

  it('a backup carries a theme to another device, and the copy is the same', async () => {
    const a = await freshDb();
    const b = await freshDb();
    const made = await createEscalation(a, themed(), { at: MON });
    const report = await importBackup(b, JSON.stringify(await exportBackup(a)));
    expect(report.added).toEqual([made.id]);
    expect((await b.escalations.get(made.id))!.theme).toEqual(THEME);
    expect(await getHistory(b, made.id)).toEqual(await getHistory(a, made.id));
  });

  it('the partnership form says it is about no one child and gives the theme, never a child’s name', async () => {
    const db = await freshDb();
    const made = await createEscalation(db, themed(), { at: MON });
    const text = toPlainText(
      renderTemplate(getTemplate('herefordshire-appendix-1'), factsFor(made, await getHistory(db, made.id), new Date(MON))),
    );
    expect(text).toContain('Not about one child – theme: Strategy meetings held without health; child IDs: 1000001, 1000002');
  });
});

describe('never the wrong child', () => {
  it('a theme’s notes have no record to go into, even when the child on the page is one it lists', async () => {
    const made = await createEscalation(await freshDb(), themed(), { at: MON });
    expect(made.theme!.childIds).toContain('1000001');
    expect(recordChildOf(made)).toBeUndefined();
    // A record written with both (by hand, or by a faulty device) is still never matched to a child's record.
    expect(recordChildOf({ child: { hostId: 'demo', childId: '1000001' }, theme: THEME })).toBeUndefined();
  });

  it('the popup names a theme by its title, not as a child', async () => {
    const db = await freshDb();
    // Pan-Cheshire's first step has a clock, so it is among the next due.
    const made = await createEscalation(db, { ...themed(), protocolId: 'pan-cheshire' }, { at: MON });
    const next = (await dueSummary(db, {}, new Date('2026-11-23T12:00:00Z'))).next;
    expect(next).toEqual([expect.objectContaining({ id: made.id, childId: '', theme: THEME.title })]);
  });
});

describe('a database made by the build before themes (schema 2)', () => {
  // No migration: the [child.hostId+child.childId] index simply holds no entry for a row without a child.
  it('opens, reads every escalation unchanged, and then takes a theme beside them', async () => {
    const db = await openEscalationDb({ name: await todaysDatabase() });
    const before = await db.escalations.toArray();
    expect(before.map((e) => e.id).sort()).toEqual(today.escalations.map((e) => e.id).sort());
    for (const row of before) expect(row.child).toBeDefined();
    const made = await createEscalation(db, themed(), { at: MON });
    expect(await db.escalations.count()).toBe(before.length + 1);
    expect((await db.escalations.get(made.id))!.theme).toEqual(THEME);
    const [first] = today.escalations;
    expect((await escalationsForChild(db, first!.child.hostId, first!.child.childId)).map((e) => e.id)).toContain(first!.id);
  });
});

describe('the theme form (from the dashboard)', () => {
  const values: StartFormValues = {
    protocolId: 'herefordshire',
    myName: 'Jo Patel',
    myRole: 'Social Worker',
    myAgency: "Children's Social Care",
    theirName: 'Sam Reid',
    theirRole: 'Health Visitor',
    theirAgency: 'Community Health',
    kind: 'roles-and-responsibilities',
    summary: 'Health not invited to strategy meetings',
    currentNeed: '',
    proposedNeed: '',
    concernAt: '2026-11-23T10:00',
    immediateRisk: false,
    cpPlan: false,
    lookedAfter: false,
    startStage: '',
    agreedDays: '',
  };

  it('child IDs are typed one per line: trimmed, blank lines and repeats dropped', () => {
    expect(typedChildIds(' 1000001 \n\n1000002\n1000001\n  ')).toEqual(['1000001', '1000002']);
    expect(themeFrom({ title: ' Late ', childIds: '\n' })).toEqual({ title: 'Late' });
  });

  it('a title is needed, and at most 50 child IDs', () => {
    expect(checkThemeForm({ title: ' ', childIds: '' })).toEqual({ title: 'Enter this' });
    const many = Array.from({ length: 51 }, (_, i) => `C${i}`).join('\n');
    expect(checkThemeForm({ title: 'T', childIds: many })).toEqual({ childIds: 'List at most 50 child IDs.' });
  });

  it('makes an escalation about the theme, with no child, that the records accept', async () => {
    const input = toNewEscalation(values, {
      theme: themeFrom({ title: 'Strategy meetings held without health', childIds: '1000001\n1000002' }),
    });
    expect(input.child).toBeUndefined();
    const made = await createEscalation(await freshDb(), input, { at: MON });
    expect(made.theme).toEqual(THEME);
  });
});

describe('seen apart on the dashboard and in the figures', () => {
  const now = new Date('2026-11-25T10:00:00Z');
  const windows = dueWindows(now);
  async function some() {
    const db = await freshDb();
    const child = await createEscalation(db, newEscalation('herefordshire', { child: { hostId: 'demo', childId: '1000009' } }), {
      at: MON,
    });
    const theme = await createEscalation(db, themed(), { at: MON });
    return { child, theme, both: [child, theme] };
  }

  it('"#about=theme" shows only themes, "#about=child" only children, and survives the address', async () => {
    const { child, theme, both } = await some();
    const about = (text: string) => both.filter((e) => matchesFilter(e, filterFromParams(new URLSearchParams(text)), windows));
    expect(about('about=theme')).toEqual([theme]);
    expect(about('about=child')).toEqual([child]);
    expect(about('about=nonsense')).toEqual(both);
    expect(filterToParams(filterFromParams(new URLSearchParams('about=theme'))).toString()).toBe('about=theme');
    // Read from memory, not from the due index's first screenful, which knows nothing of themes.
    expect(firstScreenFromIndex(filterFromParams(new URLSearchParams('about=theme')), windows, 20)).toBeNull();
  });

  it('the search and the sort read a theme’s title where a child’s ID would be', async () => {
    const { theme, both } = await some();
    expect(both.filter((e) => matchesFilter(e, filterFromParams(new URLSearchParams('child=strategy')), windows))).toEqual([theme]);
    expect(sortEscalations(both, 'child', 'asc').map((e) => e.id)).toEqual([both[0]!.id, theme.id]);
  });

  it('the figures count themes apart; the CSVs say child or theme, never which child or which theme', async () => {
    const { both } = await some();
    const options = { period: quarterOf('2026-11-25'), now };
    const figures = partnershipFigures(both, options);
    expect([figures.total, figures.themes]).toEqual([2, 1]);
    expect(figuresCsv(figures)).toContain('Of which themes (across several children),,,1');
    const list = anonymisedListCsv(both, options).split('\r\n');
    expect(list[0]).toMatch(/^Protocol,About \(a child or a theme\),/);
    expect(
      list
        .slice(1, 3)
        .map((row) => row.split(',')[1])
        .sort(),
    ).toEqual(['Child', 'Theme']);
    for (const csv of [figuresCsv(figures), anonymisedListCsv(both, options)]) expect(csv).not.toMatch(/100000\d|Strategy meetings/);
  });
});
