import { formatDollars } from '@quip/core';

/** A list of equal runs of values, e.g. "1,554,348 ×20, 1,554,347 ×3", so long arrays stay readable. */
export function runLengths(values: readonly unknown[]): string {
  const parts: string[] = [];
  let i = 0;
  while (i < values.length) {
    let j = i;
    while (j + 1 < values.length && values[j + 1] === values[i]) j++;
    const v = values[i];
    const shown = typeof v === 'number' ? v.toLocaleString('en-US') : JSON.stringify(v);
    parts.push(j > i ? `${shown} ×${j - i + 1}` : shown);
    i = j + 1;
  }
  return parts.join(', ');
}

function show(key: string, value: unknown): string {
  if (typeof value === 'number' && key.endsWith('Cents')) return formatDollars(value);
  if (typeof value === 'number') return value.toLocaleString('en-US');
  if (Array.isArray(value)) {
    if (key.endsWith('Cents') && value.every((v) => typeof v === 'number')) {
      const sum = (value as number[]).reduce((a, b) => a + b, 0);
      return `${value.length} amounts adding up to ${formatDollars(sum)}: ${runLengths(value)} (cents)`;
    }
    return runLengths(value);
  }
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** A payment's details (class, PMPY, potential, per-milestone amounts, ...) as a readable list. */
export function PaymentDetails({ details }: { details: Record<string, unknown> }) {
  return (
    <dl className="mt-3 grid grid-cols-1 gap-x-4 gap-y-1 text-xs sm:grid-cols-[auto_1fr]">
      {Object.entries(details).map(([key, value]) => (
        <div key={key} className="contents">
          <dt className="font-medium text-slate-700">{key}</dt>
          <dd className="font-mono break-words text-slate-900">{show(key, value)}</dd>
        </div>
      ))}
    </dl>
  );
}
