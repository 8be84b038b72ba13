/**
 * A text cell of a CSV file: one a spreadsheet would read as a formula (= + - @, or a tab or
 * carriage return first) gets a leading apostrophe; then quoted when it holds a comma, a quote or
 * a line break (RFC 4180). Amounts are written as numbers, not through this.
 */
export function csvText(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
