import { describe, expect, it } from 'vitest';
import { uploadContentType } from './upload-format.ts';

describe('uploadContentType', () => {
  it('tells JSON arrays, NDJSON and CSV apart by their first character', () => {
    expect(uploadContentType('  [{"id":"A"}]')).toBe('application/json');
    expect(uploadContentType('{"id":"A"}\n{"id":"B"}')).toBe('application/x-ndjson');
    expect(uploadContentType('id,name\nA,Clinic')).toBe('text/csv');
  });
});
