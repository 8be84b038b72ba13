import { safePath } from './safe-name.ts';

/** How deep a JSON value may nest (an object or array inside another counts one level). */
export const MAX_JSON_DEPTH = 32;

export interface JsonValueProblem {
  /** Where, as far as the path is made of plain names (never the value, never an odd name). */
  path: string;
  message: string;
}

/**
 * What PostgreSQL or the engine cannot take in a parsed JSON value: a NUL character (U+0000) in a
 * string or a name (text and jsonb refuse it), nesting deeper than MAX_JSON_DEPTH, a number beyond
 * the safe integer range (it would be stored rounded, or as Infinity). Walks the value without
 * recursion, so a value nested 100,000 deep is answered, not a stack overflow. Returns the first
 * problem found, or null.
 */
export function jsonValueProblem(value: unknown, maxDepth = MAX_JSON_DEPTH): JsonValueProblem | null {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const v = item.value;
    if (typeof v === 'string') {
      if (v.includes('\0')) return { path: safePath(item.path), message: NUL_MESSAGE };
      continue;
    }
    if (typeof v === 'number') {
      if (!Number.isFinite(v) || Math.abs(v) > Number.MAX_SAFE_INTEGER) {
        return { path: safePath(item.path), message: 'is a number beyond the safe range (±2^53)' };
      }
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (item.path.length >= maxDepth) {
      // The field that holds the nesting: `history`, not `history.0.0.0...`.
      let end = item.path.length;
      while (end > 0 && typeof item.path[end - 1] === 'number') end--;
      return { path: safePath(item.path.slice(0, end)), message: `is nested deeper than ${maxDepth} levels` };
    }
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], path: [...item.path, i] });
      continue;
    }
    const entries = Object.entries(v);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [name, child] = entries[i]!;
      if (name.includes('\0')) return { path: safePath(item.path), message: NUL_NAME_MESSAGE };
      stack.push({ value: child, path: [...item.path, name] });
    }
  }
  return null;
}

export const NUL_MESSAGE = 'holds a NUL character (U+0000), which cannot be stored';
const NUL_NAME_MESSAGE = 'has a field name holding a NUL character (U+0000), which cannot be stored';
