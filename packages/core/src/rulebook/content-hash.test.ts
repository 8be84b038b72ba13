import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.ts';
import { contentHash } from './content-hash.ts';

describe('canonicalJson', () => {
  it('sorts keys at every depth, drops undefined members and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' }, u: undefined })).toBe(
      '{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}',
    );
  });

  it('refuses values that have no JSON form', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(/finite/);
  });
});

describe('contentHash', () => {
  it('is the SHA-256 of the canonical bytes', () => {
    // Known vector: sha256("{}") = 44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a
    expect(contentHash({})).toBe('44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a');
  });

  it('is stable under key reordering and changes with any value', () => {
    const a = { schemaVersion: 1, program: 'dds-qip', measures: [{ key: 'm1', weight: 1, name: 'M' }] };
    const b = { measures: [{ name: 'M', weight: 1, key: 'm1' }], program: 'dds-qip', schemaVersion: 1 };
    expect(contentHash(a)).toBe(contentHash(b));
    expect(contentHash(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(contentHash({ ...b, program: 'dds-qip2' })).not.toBe(contentHash(a));
    // Array order is meaning (measure order, class table rows), so it changes the hash.
    expect(contentHash({ list: [1, 2] })).not.toBe(contentHash({ list: [2, 1] }));
  });
});
