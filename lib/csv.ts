// CSV for spreadsheets (RFC 4180). A cell that a spreadsheet would run as a
// formula (=, +, -, @, tab, return) is prefixed with an apostrophe, so text typed
// into a record can never run in the partnership's spreadsheet.
export type Cell = string | number | null | undefined;

function cell(value: Cell): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly Cell[])[]): string {
  return rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
