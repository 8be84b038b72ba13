import type { ExprType } from './expression-types.ts';

/**
 * A field value as the language sees it: the value when its JavaScript type matches the field type,
 * else null. So a missing field, undefined, or a value of the wrong type (a '45' in a number field)
 * all read as null, and arithmetic can never turn into string concatenation.
 */
export function readFieldValue(value: unknown, type: ExprType): unknown {
  switch (type) {
    case 'number':
      return typeof value === 'number' ? value : null;
    case 'string':
    case 'date':
      return typeof value === 'string' ? value : null;
    case 'boolean':
      return typeof value === 'boolean' ? value : null;
    case 'list':
      return Array.isArray(value) ? value : null;
  }
}
