/**
 * CSV that spreadsheets open safely: every field quoted (RFC 4180), and a field that a spreadsheet
 * would run as a formula (starting with = + - @, tab or carriage return) prefixed with an
 * apostrophe, as OWASP advises against CSV injection. UTF-8 with a byte-order mark, so Excel reads
 * Chinese names correctly.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  const safe = typeof value === 'string' && FORMULA_START.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function toCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}
