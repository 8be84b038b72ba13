/** appliesTo in words: the expression itself, field lists, or everyone. */
export function describeAppliesTo(appliesTo: unknown): string {
  if (appliesTo === undefined || appliesTo === null) return 'all payees';
  if (typeof appliesTo === 'string') return appliesTo;
  return Object.entries(appliesTo as Record<string, unknown[]>)
    .map(([field, values]) => `${field} in ${values.join(', ')}`)
    .join('; ');
}
