import { jsonPath } from './json-path.ts';

export interface JsonChange {
  path: string;
  op: 'add' | 'remove' | 'replace';
  from?: unknown;
  to?: unknown;
}

type Json = unknown;

const isObject = (v: Json): v is Record<string, Json> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The structural difference from `a` to `b`: objects are compared key by key (keys of `a` first, in
 * their order, then keys only `b` has), arrays index by index, and anything else by value. A value
 * whose type changes is one `replace`. An empty list means the two are equal as JSON.
 */
export function diffJson(a: Json, b: Json): JsonChange[] {
  const changes: JsonChange[] = [];
  walk(a, b, [], changes);
  return changes;
}

function walk(a: Json, b: Json, path: (string | number)[], out: JsonChange[]): void {
  if (isObject(a) && isObject(b)) {
    for (const key of Object.keys(a)) {
      if (!Object.hasOwn(b, key)) out.push({ path: jsonPath([...path, key]), op: 'remove', from: a[key] });
      else walk(a[key], b[key], [...path, key], out);
    }
    for (const key of Object.keys(b)) {
      if (!Object.hasOwn(a, key)) out.push({ path: jsonPath([...path, key]), op: 'add', to: b[key] });
    }
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const common = Math.min(a.length, b.length);
    for (let i = 0; i < common; i++) walk(a[i], b[i], [...path, i], out);
    for (let i = common; i < b.length; i++) out.push({ path: jsonPath([...path, i]), op: 'add', to: b[i] });
    // Removed from the end backwards, so applying the list in order keeps the indexes right.
    for (let i = a.length - 1; i >= common; i--) {
      out.push({ path: jsonPath([...path, i]), op: 'remove', from: a[i] });
    }
    return;
  }
  if (!sameScalar(a, b)) out.push({ path: jsonPath(path), op: 'replace', from: a, to: b });
}

function sameScalar(a: Json, b: Json): boolean {
  // Two containers of different kinds (object vs array) or a container vs a scalar differ.
  if (typeof a === 'object' && a !== null) return false;
  if (typeof b === 'object' && b !== null) return false;
  return Object.is(a, b);
}
