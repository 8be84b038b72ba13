export interface ExpressionMarker {
  /** 1-based line and column of the position, as an editor shows them. */
  line: number;
  column: number;
  /** The line's text and a caret under the offending character. */
  lineText: string;
  caret: string;
}

/** Where a checkExpression issue points, in human terms; the position is clamped to the source. */
export function expressionMarker(source: string, position: number): ExpressionMarker {
  const at = Math.max(0, Math.min(position, source.length));
  const before = source.slice(0, at);
  const lineStart = before.lastIndexOf('\n') + 1;
  const lineEnd = source.indexOf('\n', at);
  const line = before.split('\n').length;
  const column = at - lineStart + 1;
  return {
    line,
    column,
    lineText: source.slice(lineStart, lineEnd === -1 ? undefined : lineEnd),
    caret: `${' '.repeat(column - 1)}^`,
  };
}
