import { describe, expect, it } from 'vitest';
import { jsonPath } from './json-path.ts';

describe('jsonPath', () => {
  it('joins keys with dots and indexes with brackets', () => {
    expect(jsonPath(['measures', 0, 'fields', 'age'])).toBe('measures[0].fields.age');
    expect(jsonPath([2, 'key'])).toBe('[2].key');
  });

  it('quotes keys that are not identifiers and names the root with an empty string', () => {
    expect(jsonPath(['fields', 'zip code', 'type'])).toBe('fields["zip code"].type');
    expect(jsonPath(['a-b'])).toBe('["a-b"]');
    expect(jsonPath([])).toBe('');
  });
});
