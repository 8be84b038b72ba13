/** `/fiscal-years/{fy}/programs/{program}` with both parts escaped: the base of every per-program call. */
export function programPath(fiscalYear: string, program: string): string {
  return `/fiscal-years/${encodeURIComponent(fiscalYear)}/programs/${encodeURIComponent(program)}`;
}
