/// One CSV table: a header row and data rows.
export interface CsvTable {
  header: string[];
  rows: (string | number)[][];
}

/// The table as CSV text (RFC 4180: CRLF line ends, fields with a comma, quote or line break quoted), with a
/// UTF-8 byte order mark so spreadsheet programs read the Chinese text right.
export function toCsv(table: CsvTable): string {
  return '\ufeff' + [table.header, ...table.rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

function field(value: string | number): string {
  const text = String(value);
  // A leading =, +, - or @ would make a spreadsheet run the cell as a formula: quoted with a leading apostrophe.
  const safe = /^[=+\-@]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\r\n]/.test(safe) || safe !== text ? `"${safe.replace(/"/g, '""')}"` : safe;
}
