/** The year after `2026-27` is `2027-28`; across a century `2099-00` -> `2100-01`. */
export function nextFiscalYear(name: string): string {
  const start = Number(name.slice(0, 4)) + 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}
