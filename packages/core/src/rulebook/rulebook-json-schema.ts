import { z } from 'zod';
import { RulebookSchema } from './rulebook-schema.ts';

/**
 * The rulebook format as JSON Schema (draft 2020-12), for editors, the OpenAPI document and the
 * catalog's JSON files. Checks that JSON Schema cannot say (real calendar days, expression types,
 * field references) are validateRulebook's; this schema describes the shape and the documentation.
 */
export function rulebookJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(RulebookSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
