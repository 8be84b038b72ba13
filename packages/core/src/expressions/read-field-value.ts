import type { ExprType } from './expression-types.ts';

/**
 * A field value as the language sees it: the value when its JavaScript type matches the field type,
 * else null (a number must be finite). So a missing field, undefined, or a value of the wrong type (a '45' in a number field)
 * all read as null, and arithmetic can never turn into string concatenation.
 */
export function readFieldValue(value: unknown, type: ExprType): unknown {
  switch (type) {
    case 'number':
      // NaN and the infinities (only in-memory input has them: JSON does not) are no number.
      return typeof value === 'number' && value - value === 0 ? value : null;
    case 'string':
    case 'date':
      return typeof value === 'string' ? value : null;
    case 'boolean':
      return typeof value === 'boolean' ? value : null;
    case 'list':
      return Array.isArray(value) ? value : null;
  }
}
