/** Binary operators, by the text used in the source. `not in` is stored as its own operator. */
export type BinaryOp =
  | 'or'
  | 'and'
  | '=='
  | '!='
  | '<'
  | '<='
  | '>'
  | '>='
  | 'in'
  | 'not in'
  | '+'
  | '-'
  | '*'
  | '/'
  | '%';

/** Every node keeps its source span [pos, end) so issues can point at it. */
interface Span {
  pos: number;
  end: number;
}

export type ExprNode =
  | (Span & { kind: 'literal'; value: number | string | boolean | null })
  | (Span & { kind: 'field'; name: string })
  | (Span & { kind: 'list'; items: ExprNode[] })
  | (Span & { kind: 'unary'; op: 'not' | '-'; operand: ExprNode })
  | (Span & { kind: 'binary'; op: BinaryOp; opPos: number; left: ExprNode; right: ExprNode })
  | (Span & { kind: 'call'; name: string; args: ExprNode[] });
