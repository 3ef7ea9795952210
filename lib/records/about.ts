// Issue 36: an escalation is about one child or about a theme across several children. These are the few
// questions every screen asks of that, answered once.
import type { Escalation } from './model';

export type About = 'child' | 'theme';

/** Whether an escalation is about one child or a theme (records made before themes are all about a child). */
export const aboutOf = (e: Pick<Escalation, 'theme'>): About => (e.theme ? 'theme' : 'child');

/** What stands in for the child ID in lists and searches: the child's ID, or the theme's title. */
export const subjectOf = (e: Pick<Escalation, 'child' | 'theme'>): string => e.theme?.title ?? e.child?.childId ?? '';

/** Which child's record case notes may go into: none for a theme, whose child IDs were typed, never read from a page. */
export const recordChildOf = (e: Pick<Escalation, 'child' | 'theme'>): Escalation['child'] => (e.theme ? undefined : e.child);

/** How an escalation is named in a message about it: "child 1000001" or "the theme "Late strategy meetings"". */
export const namedAs = (e: Pick<Escalation, 'child' | 'theme'>): string =>
  e.theme ? `the theme "${e.theme.title}"` : `child ${e.child?.childId ?? ''}`;
