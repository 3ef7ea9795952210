// Adapters that say when they break. Case systems change their markup without notice; an adapter that
// silently stops finding the child is found out weeks later. So each page load an adapter matches is
// counted, per adapter, site and path shape (pathShape: /person/1000001 and /person/1000002 are one
// path, /children/jo-sample-1234/summary is /children/*/summary), with no child ID or name kept. The rule: a path shape where the adapter has found the child before, and
// where it has now missed MISSES_BEFORE_WARNING loads in a row, "may need updating". One found load clears it.

/** Loads in a row without the child, on a path where it was found before, before the warning shows. */
export const MISSES_BEFORE_WARNING = 3;
/** Path shapes kept per adapter and site; the least recently seen go first. */
const MAX_PATHS = 50;

export interface PathHealth {
  /** When the child's ID was last found on a page of this shape (ISO), if ever. */
  lastFoundAt?: string;
  /** When the notes field was last found on a page of this shape (ISO), if ever. */
  lastNotesFoundAt?: string;
  /** Loads in a row without the child since it was last found. */
  missesInARow: number;
  lastSeenAt: string;
}

/** Keyed by "adapterId origin", then by path shape. */
export type AdapterHealth = Record<string, Record<string, PathHealth>>;

export interface PageLoad {
  adapterId: string;
  url: string;
  found: boolean;
  notesFound: boolean;
  at: string;
}

/**
 * Words a record system's addresses are made of, kept in a path's shape: nothing else is. Names and
 * references are not in it, so "/children/jo-sample-1234/AB12345C/summary" keeps only "children" and "summary".
 */
const FIXED_WORDS = new Set(
  `api app apps assessment assessments banner case cases chronology child children client clients contact contacts
  detail details document documents edit episode episodes family form forms framed group groups help history home
  hostile household index legacy list mosaic new note notes overview people person persons plan plans portal
  profile record records referral referrals search section sections service services shapes show slow summary tab
  tabs team teams ui view views web work workview workflow workspace`.split(/\s+/),
);

/** A segment kept as it is: fixed words joined by - or _ ("case-notes"). */
const isFixedWord = (segment: string) => /^[a-z]+(?:[-_][a-z]+)*$/.test(segment) && segment.split(/[-_]/).every((w) => FIXED_WORDS.has(w));

/**
 * The path's shape, never a child's ID or name: fixed words kept, a segment of digits only as one # per
 * digit (so IDs of one length share a shape), every other segment "*"; no query or fragment.
 */
export function pathShape(url: string): string {
  return new URL(url).pathname
    .split('/')
    .map((segment) => (segment === '' || isFixedWord(segment) ? segment : /^[0-9]+$/.test(segment) ? '#'.repeat(segment.length) : '*'))
    .join('/')
    .slice(0, 200);
}

export const healthKey = (adapterId: string, url: string) => `${adapterId} ${new URL(url).origin}`;

/** The health after one more page load. */
export function recordPageLoad(health: AdapterHealth, load: PageLoad): AdapterHealth {
  const key = healthKey(load.adapterId, load.url);
  const shape = pathShape(load.url);
  const paths = { ...(health[key] ?? {}) };
  const was = paths[shape] ?? { missesInARow: 0, lastSeenAt: load.at };
  paths[shape] = {
    ...was,
    ...(load.found ? { lastFoundAt: load.at } : {}),
    ...(load.notesFound ? { lastNotesFoundAt: load.at } : {}),
    missesInARow: load.found ? 0 : was.lastFoundAt ? was.missesInARow + 1 : 0,
    lastSeenAt: load.at,
  };
  const kept = Object.entries(paths)
    .sort(([, a], [, b]) => b.lastSeenAt.localeCompare(a.lastSeenAt))
    .slice(0, MAX_PATHS);
  return { ...health, [key]: Object.fromEntries(kept) };
}

/** True when the adapter used to find the child on pages shaped like this one and has now missed it repeatedly. */
export function mayNeedUpdating(health: AdapterHealth, adapterId: string, url: string): boolean {
  const path = health[healthKey(adapterId, url)]?.[pathShape(url)];
  return !!path?.lastFoundAt && path.missesInARow >= MISSES_BEFORE_WARNING;
}

/** One line per adapter and site for the options page: its worst path, and when it last worked. */
export function healthSummary(
  health: AdapterHealth,
): { adapterId: string; origin: string; lastFoundAt?: string; lastNotesFoundAt?: string; failing: string[] }[] {
  return Object.entries(health).map(([key, paths]) => {
    const [adapterId, origin] = key.split(' ') as [string, string];
    const all = Object.entries(paths);
    const latest = (pick: (p: PathHealth) => string | undefined) =>
      all
        .map(([, p]) => pick(p))
        .filter((v): v is string => !!v)
        .sort()
        .at(-1);
    return {
      adapterId,
      origin,
      lastFoundAt: latest((p) => p.lastFoundAt),
      lastNotesFoundAt: latest((p) => p.lastNotesFoundAt),
      failing: all.filter(([, p]) => !!p.lastFoundAt && p.missesInARow >= MISSES_BEFORE_WARNING).map(([shape]) => shape),
    };
  });
}
