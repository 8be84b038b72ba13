import type { RuleIssue } from '../errors.ts';
import type { FieldTypes } from '../expressions/expression-types.ts';
import { checkExpressionAt } from './check-measure.ts';

/**
 * The checks of `additionalPayments` the schema cannot make: keys unique, each part's `appliesTo`
 * type-checked against the payee fields (like a measure's), and its composite naming measures
 * that exist.
 * Works on the raw JSON so a part that fails the schema does not hide its siblings' problems.
 */
export function checkPaymentParts(
  raw: unknown,
  payeeTypes: FieldTypes | null,
  measureKeys: ReadonlySet<string>,
  issues: RuleIssue[],
): void {
  if (!Array.isArray(raw)) return;
  const seen = new Map<string, number>();
  raw.forEach((part: unknown, index) => {
    if (typeof part !== 'object' || part === null) return;
    const { key, appliesTo, composite } = part as { key?: unknown; appliesTo?: unknown; composite?: unknown };
    const path = ['additionalPayments', index];
    if (typeof key === 'string') {
      const first = seen.get(key);
      if (first === undefined) seen.set(key, index);
      else
        issues.push({
          path: [...path, 'key'],
          code: 'duplicate-key',
          message: `payment part key '${key}' is already used by additionalPayments[${first}]`,
        });
    }
    if (typeof appliesTo === 'string' && appliesTo !== '' && payeeTypes) {
      checkExpressionAt(appliesTo, payeeTypes, 'boolean', [...path, 'appliesTo'], issues);
    } else if (typeof appliesTo === 'object' && appliesTo !== null && payeeTypes) {
      for (const name of Object.keys(appliesTo)) {
        if (!Object.hasOwn(payeeTypes, name))
          issues.push({
            path: [...path, 'appliesTo', name],
            code: 'unknown-field',
            message: `no payee field '${name}'`,
          });
      }
    }
    const keys = (composite as { measures?: unknown } | undefined)?.measures;
    if (Array.isArray(keys)) {
      keys.forEach((key, i) => {
        if (typeof key === 'string' && !measureKeys.has(key))
          issues.push({
            path: [...path, 'composite', 'measures', i],
            code: 'unknown-measure',
            message: `no measure '${key}'`,
          });
      });
    }
  });
}
