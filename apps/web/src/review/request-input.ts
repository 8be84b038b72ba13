/**
 * The proposed value as typed: a number, true/false or JSON when it reads as one, else the text;
 * empty means none.
 */
export function parseProposedValue(text: string): unknown {
  const t = text.trim();
  if (t === '') return undefined;
  try {
    return JSON.parse(t);
  } catch {
    return t;
  }
}

/** Corrected records as typed: empty, one submission object, or a list of them (JSON). */
export function parseCorrections(text: string): { rows: Record<string, unknown>[] } | { error: string } {
  const t = text.trim();
  if (t === '') return { rows: [] };
  let value: unknown;
  try {
    value = JSON.parse(t);
  } catch {
    return { error: 'The corrected records are not JSON: give one submission object or a list of them.' };
  }
  const rows = Array.isArray(value) ? value : [value];
  if (rows.some((r) => r === null || typeof r !== 'object' || Array.isArray(r)))
    return { error: 'Each corrected record is an object with entityId, measure, period and data.' };
  return { rows: rows as Record<string, unknown>[] };
}
