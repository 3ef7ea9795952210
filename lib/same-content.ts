// Whether two values hold the same content, whatever order their keys are in, a key set to undefined counting
// as absent. Browser storage gives objects back with their keys in another order than they were stored in, so
// the same settings, protocol or record compare unequal as JSON text. For data as storage and messages carry it
// (plain objects, arrays, strings, numbers, booleans, null): a Date or a Map has no keys and would compare equal.

export function sameContent(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => sameContent((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
