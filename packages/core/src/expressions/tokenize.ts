import { RulebookError } from '../errors.ts';

export type TokenKind = 'number' | 'string' | 'name' | 'op' | 'eof';

/** One lexical token; `pos` is the 0-based offset of its first character in the source. */
export interface Token {
  kind: TokenKind;
  /** Operator or punctuation text, identifier, or the decoded string / number text. */
  text: string;
  pos: number;
  end: number;
}

/** Longest first, so '<=' wins over '<'. */
const OPERATORS = ['==', '!=', '<=', '>=', '<', '>', '+', '-', '*', '/', '%', '(', ')', '[', ']', ','];

/** Hints for operators people bring from other languages. */
const FOREIGN: Record<string, string> = {
  '&&': "use 'and' instead of '&&'",
  '||': "use 'or' instead of '||'",
  '!': "use 'not' instead of '!'",
  '=': "use '==' to compare",
  '.': 'property access is not part of the language; refer to a field by its name',
};

const ESCAPES: Record<string, string> = { '\\': '\\', "'": "'", '"': '"', n: '\n', t: '\t' };

/** Longest source accepted; expressions are short formulas, not programs. */
export const MAX_SOURCE_LENGTH = 10_000;

function syntaxError(message: string, position: number): RulebookError {
  return new RulebookError('expression-invalid', message, [
    { path: [], code: 'expression-syntax', message, position },
  ]);
}

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isNameStart = (c: string | undefined) =>
  c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_');
const isNamePart = (c: string | undefined) => isNameStart(c) || isDigit(c);

/** Splits an expression into tokens; throws a RulebookError (code `expression-syntax` issue) on the first bad character. */
export function tokenize(source: string): Token[] {
  if (source.length > MAX_SOURCE_LENGTH) {
    throw syntaxError(`expression is longer than ${MAX_SOURCE_LENGTH} characters`, MAX_SOURCE_LENGTH);
  }
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    const start = i;
    if (isDigit(c)) {
      while (isDigit(source[i])) i++;
      if (source[i] === '.') {
        i++;
        if (!isDigit(source[i])) throw syntaxError('a decimal point must be followed by digits', i);
        while (isDigit(source[i])) i++;
      }
      if (isNameStart(source[i])) throw syntaxError('a number cannot run into a name', i);
      tokens.push({ kind: 'number', text: source.slice(start, i), pos: start, end: i });
      continue;
    }
    if (isNameStart(c)) {
      while (isNamePart(source[i])) i++;
      tokens.push({ kind: 'name', text: source.slice(start, i), pos: start, end: i });
      continue;
    }
    if (c === "'" || c === '"') {
      i++;
      let text = '';
      for (;;) {
        const d = source[i];
        if (d === undefined) throw syntaxError('string is not closed', start);
        if (d === c) break;
        if (d === '\\') {
          const escaped = ESCAPES[source[i + 1] ?? ''];
          if (escaped === undefined) throw syntaxError('unknown escape; use \\\\, \\\', \\", \\n or \\t', i);
          text += escaped;
          i += 2;
          continue;
        }
        text += d;
        i++;
      }
      i++;
      tokens.push({ kind: 'string', text, pos: start, end: i });
      continue;
    }
    const op = OPERATORS.find((o) => source.startsWith(o, i));
    const foreign = Object.keys(FOREIGN).find((o) => source.startsWith(o, i));
    if (op === undefined || (foreign !== undefined && foreign.length > op.length)) {
      const hint = foreign === undefined ? undefined : FOREIGN[foreign];
      throw syntaxError(hint ?? `unexpected character '${c}'`, i);
    }
    i += op.length;
    tokens.push({ kind: 'op', text: op, pos: start, end: i });
  }
  tokens.push({ kind: 'eof', text: '', pos: source.length, end: source.length });
  return tokens;
}
