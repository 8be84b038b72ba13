import { describe, expect, it } from 'vitest';
import { rowOrder } from './row-order.ts';

const rows = [
  { id: 'c', v: 2 },
  { id: 'a', v: null },
  { id: 'b', v: 5 },
  { id: 'd', v: 2 },
  { id: 'e', v: 1 },
];

describe('rowOrder', () => {
  it('keeps the loaded order without a sort, dropping what the filter rejects', () => {
    expect([...rowOrder(rows, null, null)]).toEqual([0, 1, 2, 3, 4]);
    expect([...rowOrder(rows, (r) => r.id !== 'b', null)]).toEqual([0, 1, 3, 4]);
  });

  it('sorts both ways, stable on ties, with missing values last either way', () => {
    const by = (desc: boolean) => ({ value: (r: (typeof rows)[number]) => r.v, desc });
    // ascending: e 1, c 2, d 2 (c before d as loaded), b 5, then a (null)
    expect([...rowOrder(rows, null, by(false))].map((i) => rows[i]?.id)).toEqual(['e', 'c', 'd', 'b', 'a']);
    // descending: b 5, c 2, d 2 (still as loaded), e 1, then a (null)
    expect([...rowOrder(rows, null, by(true))].map((i) => rows[i]?.id)).toEqual(['b', 'c', 'd', 'e', 'a']);
  });

  it('sorts strings and filters together', () => {
    const order = rowOrder(rows, (r) => r.v !== null, { value: (r) => r.id, desc: true });
    expect([...order].map((i) => rows[i]?.id)).toEqual(['e', 'd', 'c', 'b']);
  });
});
