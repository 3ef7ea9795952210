// CSV for spreadsheets (RFC 4180). A cell that a spreadsheet would run as a
// formula (=, +, -, @, tab, return) is prefixed with an apostrophe, so text typed
// into a record can never run in the partnership's spreadsheet.
export type Cell = string | number | null | undefined;

/** The one guard for anything a spreadsheet may open (CSV downloads, the TSV log row): text that would run as a formula gets an apostrophe. */
export function disarmFormula(text: string): string {
  // Leading spaces too: some spreadsheets trim them and then run what follows.
  return /^\s*[=+\-@]|^[\t\r]/.test(text) ? `'${text}` : text;
}

function cell(value: Cell): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? disarmFormula(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly Cell[])[]): string {
  return rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
