/** Marks a moment for `npm run bench` (a page's first useful paint, say), once per page load. */
export function markOnce(name: string): void {
  if (performance.getEntriesByName(name).length === 0) performance.mark(name);
}
