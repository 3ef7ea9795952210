// Adapter patterns (a validator, a source's regex) run on host-page text on every change to the page, in the
// browser's own regex engine, which backtracks: `(\d+)+` against a 27-character word takes 0.4 s and doubles
// with each character. So a pattern is checked before it is ever run (when an adapter file is imported, a
// policy deployed, and again when a stored adapter is used, in case one slipped into storage another way):
// no backreferences, no quantified group that itself holds a quantifier or an alternation, and at most
// MAX_UNBOUNDED unbounded repeats in all. What such a pattern can cost is then polynomial in the text's length,
// and the text is bounded (MAX_MATCHED_TEXT; a validator only sees a value no longer than its maxLength).
// A pattern that still takes longer than SLOW_MS on SLOW_TIMES matches in a row is not run again in this page
// (in a row: one pause of the machine's own, a garbage collection, must not refuse a good pattern).

/** At most this many `*`, `+` or `{n,}` in one pattern: two nested loops over 200 characters cost nothing. */
const MAX_UNBOUNDED = 2;
/** No pattern is run on more text than this. */
export const MAX_MATCHED_TEXT = 200;
/** Matches that took longer than this, SLOW_TIMES in a row, mean the pattern is refused for the rest of the page's life. */
const SLOW_MS = 100;
const SLOW_TIMES = 3;

/** Why a pattern is refused, in words for an IT person; null when it is safe to run. */
export function unsafePattern(pattern: string): string | null {
  try {
    new RegExp(pattern, 'u');
  } catch {
    try {
      new RegExp(pattern);
    } catch {
      return 'is not a valid regular expression';
    }
  }
  // One open group per level: whether it holds a quantifier or an alternation so far.
  type Group = { quantified: boolean; alternation: boolean };
  const groups: Group[] = [{ quantified: false, alternation: false }];
  let unbounded = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    const top = groups[groups.length - 1]!;
    let atomWasGroup: Group | null = null;
    if (c === '\\') {
      const next = pattern[i + 1] ?? '';
      if (/[1-9]/.test(next) || (next === 'k' && pattern[i + 2] === '<'))
        return 'uses a backreference (\\1, \\k<name>), which can take forever on some text';
      i++;
    } else if (c === '[') {
      // Skip the class: nothing inside is a quantifier or a group.
      for (i++; i < pattern.length && pattern[i] !== ']'; i++) if (pattern[i] === '\\') i++;
    } else if (c === '(') {
      groups.push({ quantified: false, alternation: false });
      continue;
    } else if (c === ')') {
      const closed = groups.pop()!;
      if (groups.length === 0) return 'is not a valid regular expression';
      const parent = groups[groups.length - 1]!;
      parent.quantified ||= closed.quantified;
      atomWasGroup = closed;
    } else if (c === '|') {
      top.alternation = true;
      continue;
    }
    // A quantifier after this atom?
    const rest = pattern.slice(i + 1);
    const q = /^(?:[*+?]|\{(\d+)(,(\d*))?\})/.exec(rest);
    if (!q) continue;
    const repeatsMany = q[0] === '*' || q[0] === '+' || (q[2] !== undefined && (q[3] === '' || Number(q[3]) > 1)) || Number(q[1]) > 1;
    const isUnbounded = q[0] === '*' || q[0] === '+' || q[3] === '';
    if (isUnbounded && ++unbounded > MAX_UNBOUNDED)
      return `repeats without a limit (*, + or {n,}) more than ${MAX_UNBOUNDED} times: give counts such as {1,20}`;
    if (atomWasGroup && repeatsMany && atomWasGroup.quantified)
      return 'repeats a group that itself repeats (such as (\\d+)+), which can take forever on some text';
    if (atomWasGroup && repeatsMany && atomWasGroup.alternation)
      return 'repeats a group with alternatives (such as (a|ab)+), which can take forever on some text';
    groups[groups.length - 1]!.quantified = true;
    i += q[0].length;
    if (pattern[i + 1] === '?') i++; // lazy
  }
  return null;
}

const compiled = new Map<string, RegExp | null>();
const slow = new Set<string>();
/** How many of each pattern's last matches in a row were slow. */
const slowInARow = new Map<string, number>();

function timed<T>(key: string, run: () => T): T {
  const started = performance.now();
  const result = run();
  const slowNow = performance.now() - started > SLOW_MS;
  const times = slowNow ? (slowInARow.get(key) ?? 0) + 1 : 0;
  slowInARow.set(key, times);
  if (times >= SLOW_TIMES) slow.add(key);
  return result;
}

/** The pattern as a RegExp, or null when it is refused (unsafe, or it has been slow on this page). */
export function safeRegExp(pattern: string): RegExp | null {
  if (slow.has(pattern)) return null;
  if (!compiled.has(pattern)) compiled.set(pattern, unsafePattern(pattern) ? null : new RegExp(pattern, 'g'));
  return compiled.get(pattern)!;
}

/** Every match of a safe pattern in `text` (cut to MAX_MATCHED_TEXT), or null when the pattern is refused. */
export function matchesOf(pattern: string, text: string): RegExpExecArray[] | null {
  const re = safeRegExp(pattern);
  if (!re) return null;
  const bounded = text.slice(0, MAX_MATCHED_TEXT);
  return timed(pattern, () => {
    const found: RegExpExecArray[] = [];
    re.lastIndex = 0;
    for (let m = re.exec(bounded); m && found.length < 20; m = re.exec(bounded)) {
      found.push(m);
      if (m[0] === '') re.lastIndex++;
    }
    return found;
  });
}

/** Whether the whole of `value` matches the pattern; null when the pattern is refused. */
export function matchesWhole(pattern: string, value: string): boolean | null {
  const anchored = `^(?:${pattern})$`;
  if (slow.has(anchored)) return null;
  if (!compiled.has(anchored)) compiled.set(anchored, unsafePattern(pattern) ? null : new RegExp(anchored));
  const re = compiled.get(anchored);
  if (!re) return null;
  return timed(anchored, () => re.test(value.slice(0, MAX_MATCHED_TEXT)));
}
