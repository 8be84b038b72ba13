import { describe, expect, it } from 'vitest';
import type { DataColumn } from './data-column.ts';
import { tableCsv } from './table-export.ts';

interface Row {
  id: string;
  name: string;
  lines: number;
  cents: number;
}
const columns: DataColumn<Row>[] = [
  { id: 'id', header: 'Payee', value: (r) => r.id },
  { id: 'name', header: 'Name', value: (r) => r.name },
  { id: 'lines', header: 'Lines', kind: 'number', value: (r) => r.lines },
  { id: 'cents', header: 'Total', kind: 'cents', value: (r) => r.cents },
  // A column of links: on screen only.
  { id: 'open', header: 'Open', value: () => '', exported: false },
];
const rows: Row[] = [
  { id: 'P1', name: 'Harbor, Inc.', lines: 2, cents: 123_456 },
  { id: 'P2', name: '=HYPERLINK("x")', lines: 1, cents: -5 },
  { id: 'P3', name: 'Valley', lines: 3, cents: 100 },
];

describe('tableCsv', () => {
  it('writes the rows shown, in their order: amounts in dollars exactly, text quoted and formula-safe', () => {
    // Shown: P3 then P1 (P2 filtered out). 123,456 cents = 1234.56 dollars; 100 cents = 1.00.
    expect(tableCsv(columns, rows, Uint32Array.from([2, 0]))).toBe(
      'Payee,Name,Lines,Total ($)\r\nP3,Valley,3,1.00\r\nP1,"Harbor, Inc.",2,1234.56\r\n',
    );
    // -5 cents = -0.05 dollars, a number; the name starting with = is guarded and quoted.
    expect(tableCsv(columns, rows, Uint32Array.from([1]))).toBe(
      'Payee,Name,Lines,Total ($)\r\nP2,"\'=HYPERLINK(""x"")",1,-0.05\r\n',
    );
  });
});
