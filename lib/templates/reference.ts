// Finding escalation reference lines in a record's notes. Kept free of other
// imports: the record-page script uses it.

/** References to escalations found in text (a record's visible case notes). */
export function findReferences(text: string): { reference: string; line: string }[] {
  const out = new Map<string, string>();
  for (const m of text.slice(0, 200_000).matchAll(/Escalation (ESC-[A-Z0-9]{6})\b[^\n]{0,120}/g)) out.set(m[1]!, m[0].trim());
  return [...out].map(([reference, line]) => ({ reference, line }));
}
