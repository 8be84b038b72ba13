import type { FieldType } from '@quip/core';

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const TRUE = new Set(['true', 'TRUE', 'True', '1', 'yes', 'Yes', 'YES']);
const FALSE = new Set(['false', 'FALSE', 'False', '0', 'no', 'No', 'NO']);

/**
 * A CSV cell as the field's type: '' is absent (undefined); numbers and booleans are parsed; a
 * list is `;`-separated. A cell that does not parse stays text, so the field check reports the
 * wrong type (without quoting the value); so does a number beyond the safe integer range (2^53),
 * which could not be kept exactly.
 */
export function parseCell(text: string, type: FieldType | undefined): unknown {
  if (text === '') return undefined;
  switch (type) {
    case 'number': {
      const trimmed = text.trim();
      if (!NUMBER.test(trimmed)) return text;
      const value = Number(trimmed);
      return Number.isFinite(value) && Math.abs(value) <= Number.MAX_SAFE_INTEGER ? value : text;
    }
    case 'boolean': {
      const trimmed = text.trim();
      if (TRUE.has(trimmed)) return true;
      if (FALSE.has(trimmed)) return false;
      return text;
    }
    case 'list':
      return text
        .split(';')
        .map((item) => item.trim())
        .filter((item) => item !== '');
    case 'date':
      return text.trim();
    default:
      return text;
  }
}
