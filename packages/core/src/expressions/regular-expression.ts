import { RE2JS, RE2JSException } from 're2js';

/**
 * A pattern of `matches(s, pattern)`, compiled once when the expression is checked. RE2 (here its
 * pure-JavaScript port) matches in time linear in the input, whatever the pattern: no backtracking,
 * so `(a+)+$` over a long string cannot hang the engine. It has no backreferences or lookaround;
 * such a pattern is refused when checked.
 */
export interface Pattern {
  /** True when the pattern matches somewhere in `s` (anchor with ^ and $ to match all of it). */
  test(s: string): boolean;
}

/** The compiled pattern, or why it is not a valid RE2 regular expression. */
export function compilePattern(source: string): { pattern: Pattern } | { problem: string } {
  try {
    return { pattern: RE2JS.compile(source) };
  } catch (error) {
    // A bad pattern throws RE2JS's own exception; anything else is a bug to surface, not a user error.
    if (!(error instanceof RE2JSException)) throw error;
    return { problem: error.message };
  }
}
