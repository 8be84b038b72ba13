export { checkExpression } from './check-expression.ts';
export { compileExpression } from './compile-expression.ts';
export { addDays, addMonths, addYears, daysBetween, yearsBetween } from './date-arithmetic.ts';
export { EXPRESSION_FUNCTIONS } from './expression-functions.ts';
export type { CompiledExpression, ExprType, FieldTypes } from './expression-types.ts';
export { interpretExpression } from './interpret-expression.ts';
