import { RulebookError } from '../errors.ts';

/**
 * Canonical JSON: object keys sorted by code unit, no whitespace, `undefined` members dropped
 * (as JSON.stringify does). Two rulebooks that mean the same thing serialise to the same bytes,
 * so their content hash is the same whatever order an editor wrote the keys in.
 */
export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  write(value, out, []);
  return out.join('');
}

function write(value: unknown, out: string[], path: (string | number)[]): void {
  if (value === null) {
    out.push('null');
    return;
  }
  switch (typeof value) {
    case 'string':
    case 'boolean':
      out.push(JSON.stringify(value));
      return;
    case 'number':
      // NaN and Infinity have no JSON form: a rulebook holding one is broken, not silently null.
      if (!Number.isFinite(value)) {
        throw new RulebookError('rulebook-not-json', `not a finite number at ${path.join('.')}`, [
          { path, message: 'numbers must be finite', code: 'not-json' },
        ]);
      }
      out.push(JSON.stringify(value));
      return;
    case 'object':
      break;
    default:
      throw new RulebookError('rulebook-not-json', `not a JSON value at ${path.join('.')}`, [
        { path, message: `a ${typeof value} has no JSON form`, code: 'not-json' },
      ]);
  }
  if (Array.isArray(value)) {
    out.push('[');
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out.push(',');
      const item: unknown = value[i];
      // JSON.stringify writes holes and undefined array items as null; so do we.
      write(item === undefined ? null : item, out, [...path, i]);
    }
    out.push(']');
    return;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  out.push('{');
  let first = true;
  for (const key of keys) {
    const member = record[key];
    if (member === undefined) continue;
    if (!first) out.push(',');
    first = false;
    out.push(JSON.stringify(key), ':');
    write(member, out, [...path, key]);
  }
  out.push('}');
}
