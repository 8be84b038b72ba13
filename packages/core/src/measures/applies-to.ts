import { compileExpression } from '../expressions/compile-expression.ts';
import type { CompiledExpression, FieldTypes } from '../expressions/expression-types.ts';
import type { AppliesTo } from '../rulebook/measure-spec-schema.ts';

/** A payee as the engine receives it: its id and its fields (service code, members, counties, ...). */
export interface Entity {
  id: string;
  [field: string]: unknown;
}

/** Whether a measure applies to a payee; built once per measure from its `appliesTo`. */
export class AppliesToTest {
  private readonly expression: CompiledExpression | null;
  private readonly lists: [string, Set<string>][];

  constructor(appliesTo: AppliesTo, payeeFields: FieldTypes) {
    if (typeof appliesTo === 'string') {
      this.expression = compileExpression(appliesTo, payeeFields, 'boolean');
      this.lists = [];
    } else {
      this.expression = null;
      // Compared as text so a CSV's '950' and a JSON 950 name the same service code.
      this.lists = Object.entries(appliesTo).map(([field, values]) => [field, new Set(values.map(String))]);
    }
  }

  test(entity: Entity): boolean {
    if (this.expression) return this.expression.evaluate(entity) === true;
    for (const [field, values] of this.lists) {
      const value = entity[field];
      if (value === undefined || value === null || !values.has(String(value))) return false;
    }
    return true;
  }
}
