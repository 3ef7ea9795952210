/** Marks a moment for `npm run bench` (a page's first useful paint, say), once per page load. */
export function markOnce(name: string): void {
  if (performance.getEntriesByName(name).length === 0) performance.mark(name);
}

/**
 * Marks the frame about to be painted with what was just drawn (called as it is committed), as the bench's
 * floor pages mark theirs; `once`: only the first time in the page's life.
 */
export function markFrame(name: string, once = false): void {
  requestAnimationFrame(() => (once ? markOnce(name) : performance.mark(name)));
}
