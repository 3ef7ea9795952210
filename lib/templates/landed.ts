// Did the case note really reach the host's notes field? Editors that own their document model (CKEditor 5,
// Quill, ProseMirror and the like) can throw away text written under them, or keep part of it and drop the
// lists. So after inserting, the record-page script reads the field back and checks the note's own lines
// arrived: its title (first line), its last line (the escalation reference on every case note) and each
// list item. Counting, not just finding, so an earlier copy of the same note in the field proves nothing.

/** Whitespace and editors' invisible filler characters folded, so "a\u00a0 b" and "a b" compare equal. */
export function normaliseText(s: string): string {
  return s
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The lines that must arrive: first, last and every list item ("- …" in the plain-text note). */
export function noteMarkers(text: string): string[] {
  const lines = text
    .split('\n')
    .map(normaliseText)
    .filter((line) => line !== '');
  if (lines.length === 0) return [];
  const items = lines.filter((line) => line.startsWith('- ')).map((line) => line.slice(2).trim());
  return [...new Set([lines[0]!, lines.at(-1)!, ...items].map((line) => line.replace(/^- /, '')).filter((line) => line !== ''))];
}

function occurrences(haystack: string, needle: string): number {
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) count++;
  return count;
}

/** True when every marker appears more often in the field after the insert than before it. */
export function noteLanded(before: string, after: string, markers: string[]): boolean {
  if (markers.length === 0) return false;
  const was = normaliseText(before);
  const now = normaliseText(after);
  return markers.every((marker) => occurrences(now, marker) > occurrences(was, marker));
}
