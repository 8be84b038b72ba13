import { toRational } from '../money/decimal.ts';
import type { Rational } from '../money/rational.ts';
import type { EntityOutcome, PaymentIssue } from './payment.ts';

/**
 * Reads a numeric payee attribute (a number, or a numeric string as CSV uploads give) as an exact
 * rational. Missing or non-numeric values push an issue and give null, so a method never pays on
 * a made-up zero.
 */
export function readDecimalAttribute(
  entity: EntityOutcome,
  name: string,
  issues: PaymentIssue[],
  opts: { integer?: boolean; min?: number } = {},
): Rational | null {
  const checked = readNumericAttribute(entity, name, issues, opts);
  return checked === null ? null : toRational(checked);
}

/**
 * The checks of `readDecimalAttribute` without the conversion: the attribute as written (a finite
 * number, or a numeric string trimmed), or null after pushing the issue. Fast paths convert it to
 * a SmallRational; `toRational` of it is what `readDecimalAttribute` gives.
 */
export function readNumericAttribute(
  entity: EntityOutcome,
  name: string,
  issues: PaymentIssue[],
  opts: { integer?: boolean; min?: number } = {},
): number | string | null {
  const raw = entity.attributes[name];
  let value: number | null = null;
  let text: string | null = null;
  if (typeof raw === 'number' && Number.isFinite(raw)) value = raw;
  else if (typeof raw === 'string') {
    text = raw.trim();
    if (/^-?\d+(\.\d+)?$/.test(text)) value = Number(text);
  }
  if (value === null) {
    issues.push({
      entityId: entity.entityId,
      code: raw === undefined || raw === null || raw === '' ? 'missing-attribute' : 'invalid-attribute',
      message: `attribute '${name}' must be a number, got ${raw === undefined ? 'nothing' : JSON.stringify(raw)}`,
    });
    return null;
  }
  if ((opts.integer && !Number.isSafeInteger(value)) || (opts.min !== undefined && value < opts.min)) {
    issues.push({
      entityId: entity.entityId,
      code: 'invalid-attribute',
      message: `attribute '${name}' must be ${opts.integer ? 'a whole number' : 'a number'}${
        opts.min !== undefined ? ` >= ${opts.min}` : ''
      }, got ${value}`,
    });
    return null;
  }
  return text ?? value;
}

/** Truthy the way a form or CSV says yes: true, 1, 'true', 'yes', 'y', '1' (any case). */
export function isYes(value: unknown): boolean {
  if (value === true || value === 1) return true;
  if (typeof value === 'string') return ['true', 'yes', 'y', '1'].includes(value.trim().toLowerCase());
  return false;
}
