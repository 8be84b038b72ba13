import { tokenize } from './tokenize.ts';

/** A string or number literal of an expression, where it stands in the source. */
export interface ExpressionLiteral {
  kind: 'string' | 'number';
  /** The value: a string's decoded text (escapes resolved), or a number's digits. */
  text: string;
  /** 0-based offset of the literal's first character (a string's opening quote). */
  pos: number;
  /** Offset just past its last character (past a string's closing quote). */
  end: number;
  /** 0-based offset of `text` in the source when the literal holds it verbatim (no escapes), else null. */
  textPos: number | null;
}

const escapeFor = (quote: string) => (c: string) =>
  c === '\\' ? '\\\\' : c === '\n' ? '\\n' : c === '\t' ? '\\t' : c === quote ? `\\${quote}` : c;

/**
 * Rewrites literals of an expression and leaves every other character exactly as written: `visit`
 * sees each string and number literal, in source order, and returns its new value (a string's
 * text, a number's digits) or undefined to keep it. A new string is written with the literal's own
 * quote and the language's escapes. Throws the tokenizer's RulebookError for a source that does not
 * tokenize.
 */
export function mapExpressionLiterals(
  source: string,
  visit: (literal: ExpressionLiteral) => string | undefined,
): string {
  let out = '';
  let copied = 0;
  for (const token of tokenize(source)) {
    if (token.kind !== 'string' && token.kind !== 'number') continue;
    const isString = token.kind === 'string';
    const verbatim = isString ? source.slice(token.pos + 1, token.end - 1) === token.text : true;
    const textPos = verbatim ? token.pos + (isString ? 1 : 0) : null;
    const replacement = visit({
      kind: token.kind,
      text: token.text,
      pos: token.pos,
      end: token.end,
      textPos,
    });
    if (replacement === undefined || replacement === token.text) continue;
    let written: string;
    if (isString) {
      const quote = source[token.pos] ?? "'";
      written = quote + Array.from(replacement, escapeFor(quote)).join('') + quote;
    } else {
      if (!/^\d+(\.\d+)?$/.test(replacement)) throw new RangeError(`not a number literal: ${replacement}`);
      written = replacement;
    }
    out += source.slice(copied, token.pos) + written;
    copied = token.end;
  }
  return out + source.slice(copied);
}
