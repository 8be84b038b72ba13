/** The print page's search: `payees` (comma-separated ids) limits it to a filtered set; absent, every payee. */
export interface PrintScorecardsSearch {
  payees?: string;
}

export function validatePrintScorecardsSearch(search: Record<string, unknown>): PrintScorecardsSearch {
  const payees = search.payees;
  return typeof payees === 'string' && payees.trim() !== '' ? { payees } : {};
}

/** The payee ids a search names, in order and once each; null means every payee of the run. */
export function payeesOf(search: PrintScorecardsSearch): string[] | null {
  if (!search.payees) return null;
  return [...new Set(search.payees.split(',').map((id) => id.trim()))].filter((id) => id !== '');
}

/** The search that prints these payees (every payee when `ids` is null). */
export function printSearch(ids: readonly string[] | null): PrintScorecardsSearch {
  return ids === null ? {} : { payees: ids.join(',') };
}
