import { describe, expect, it } from 'vitest';
import { FieldsSchema } from '../rulebook/field-spec-schema.ts';
import { fieldNameProblem, languageNameProblem } from './field-names.ts';

describe('names a field may not have', () => {
  it('refuses the names of the expression language, saying what they mean', () => {
    expect(languageNameProblem('receivedOn')).toBe(
      "'receivedOn' is reserved by the expression language (the day the record was received) and cannot be a field name",
    );
    expect(fieldNameProblem('it')).toBe(
      "'it' is reserved by the expression language (the current item inside all(list, ...) and any(list, ...)) and cannot be a field name",
    );
    // Case matters, as it does for every name: these are ordinary fields.
    expect(fieldNameProblem('receivedon')).toBeUndefined();
    expect(fieldNameProblem('items')).toBeUndefined();
  });

  it('is enforced by the field schema of rulebooks', () => {
    const parsed = FieldsSchema.safeParse({
      receivedOn: { type: 'date' },
      it: { type: 'string' },
      ok: { type: 'date' },
    });
    expect(parsed.success).toBe(false);
    const issues = parsed.success ? [] : parsed.error.issues;
    expect(issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      [
        'receivedOn',
        "'receivedOn' is reserved by the expression language (the day the record was received) and cannot be a field name",
      ],
      [
        'it',
        "'it' is reserved by the expression language (the current item inside all(list, ...) and any(list, ...)) and cannot be a field name",
      ],
    ]);
    expect(FieldsSchema.safeParse({ ok: { type: 'date' } }).success).toBe(true);
  });
});
