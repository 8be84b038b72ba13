/** A field usable in expressions is a plain identifier... */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * ...that is not a name through which a record object could reach its prototype chain or the host
 * (the properties of Object.prototype and Function objects, and well-known global names).
 * Listed literally rather than read from Object.prototype at run time, so the rule is the same everywhere.
 */
export const RESERVED_FIELD_NAMES: ReadonlySet<string> = new Set([
  '__proto__',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  'toString',
  'valueOf',
  'caller',
  'callee',
  'arguments',
  'apply',
  'bind',
  'call',
  'this',
  'globalThis',
  'window',
  'self',
  'global',
  'eval',
  'Function',
]);

/**
 * Names the language itself defines in record expressions, with what they mean: a field of the same
 * name could never be read, so a schema may not declare one.
 */
export const LANGUAGE_NAMES: ReadonlyMap<string, string> = new Map([
  ['receivedOn', 'the day the record was received'],
  ['it', 'the current item inside all(list, ...) and any(list, ...)'],
]);

/** Why a field may not be called `name` because the language uses that name, or undefined. */
export function languageNameProblem(name: string): string | undefined {
  const meaning = LANGUAGE_NAMES.get(name);
  return meaning === undefined
    ? undefined
    : `'${name}' is reserved by the expression language (${meaning}) and cannot be a field name`;
}

/** Why `name` cannot be used as a field in an expression, or undefined when it can. */
export function fieldNameProblem(name: string): string | undefined {
  if (!IDENTIFIER.test(name)) return `'${name}' is not a plain identifier (letters, digits, _)`;
  if (RESERVED_FIELD_NAMES.has(name)) return `'${name}' is a reserved name and cannot be used as a field`;
  return languageNameProblem(name);
}
