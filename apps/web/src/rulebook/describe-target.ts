/** A target spec in words for the measures table: "≥ 0.8", "50th pct of peers", "improve toward 0.9". */
export function describeTarget(target: unknown): string {
  if (!target || typeof target !== 'object') return '—';
  const t = target as Record<string, unknown>;
  const cmp = t.direction === 'lower' ? '≤' : '≥';
  switch (t.kind) {
    case 'absolute':
      return `${cmp} ${String(t.value)}`;
    case 'peer-percentile':
      return `${cmp} ${String(t.percentile)}th pct of peers`;
    case 'baseline-percentile':
      return `${cmp} ${String(t.percentile)}th pct of baseline`;
    case 'improvement':
      return `close ${String(t.gapClosed ?? '0.1')} of gap to ${typeof t.goal === 'number' ? t.goal : 'peer goal'}`;
    default:
      return String(t.kind ?? '—');
  }
}

/** appliesTo in words: the expression itself, field lists, or everyone. */
export function describeAppliesTo(appliesTo: unknown): string {
  if (appliesTo === undefined || appliesTo === null) return 'all payees';
  if (typeof appliesTo === 'string') return appliesTo;
  return Object.entries(appliesTo as Record<string, unknown[]>)
    .map(([field, values]) => `${field} in ${values.join(', ')}`)
    .join('; ');
}
