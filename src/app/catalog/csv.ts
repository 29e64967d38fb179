/** The catalog files' CSV writer (comma, quotes, CRLF); reading goes through adapters/files/read-table. */

function quote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function toCsv(header: string[], rows: (string | number)[][]): string {
  return `${[header, ...rows].map((r) => r.map((v) => quote(String(v))).join(',')).join('\r\n')}\r\n`;
}
