import { describe, expect, it } from 'vitest';
import { diffJson } from './json-diff.ts';

describe('diffJson', () => {
  it('finds nothing between equal documents, whatever the key order', () => {
    expect(diffJson({ a: 1, b: [1, { c: 'x' }] }, { b: [1, { c: 'x' }], a: 1 })).toEqual([]);
  });

  it('reports replaced, added and removed members with their paths', () => {
    const from = { name: 'v1', payment: { incentiveShare: '0.1' }, old: true };
    const to = { name: 'v1', payment: { incentiveShare: '0.12', cap: 5 } };
    expect(diffJson(from, to)).toEqual([
      { path: 'payment.incentiveShare', op: 'replace', from: '0.1', to: '0.12' },
      { path: 'payment.cap', op: 'add', to: 5 },
      { path: 'old', op: 'remove', from: true },
    ]);
  });

  it('compares arrays index by index and removes surplus items from the end', () => {
    expect(diffJson({ m: [{ key: 'a' }, { key: 'b' }, { key: 'c' }] }, { m: [{ key: 'a' }] })).toEqual([
      { path: 'm[2]', op: 'remove', from: { key: 'c' } },
      { path: 'm[1]', op: 'remove', from: { key: 'b' } },
    ]);
    expect(diffJson([1], [1, 2])).toEqual([{ path: '[1]', op: 'add', to: 2 }]);
  });

  it('replaces a value whose type changes as a whole', () => {
    expect(diffJson({ x: [1] }, { x: { 0: 1 } })).toEqual([
      { path: 'x', op: 'replace', from: [1], to: { 0: 1 } },
    ]);
    expect(diffJson({ x: null }, { x: 0 })).toEqual([{ path: 'x', op: 'replace', from: null, to: 0 }]);
    expect(diffJson('a', 'a')).toEqual([]);
  });
});
