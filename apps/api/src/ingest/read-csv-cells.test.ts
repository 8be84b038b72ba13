import { type CsvError, parse } from 'csv-parse';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CsvCellsRow, csvReason, readCsvCells } from './read-csv-cells.ts';

const streamOf = (bytes: Uint8Array, cuts: number[]) =>
  new ReadableStream<Uint8Array>({
    start(c) {
      let at = 0;
      for (const cut of [...cuts.filter((x) => x > 0 && x < bytes.length)].sort((a, b) => a - b)) {
        c.enqueue(bytes.subarray(at, cut));
        at = cut;
      }
      c.enqueue(bytes.subarray(at));
      c.close();
    },
  });

async function fast(text: string, cuts: number[] = []) {
  let header: string[] = [];
  const rows: CsvCellsRow[] = [];
  for await (const part of readCsvCells(streamOf(new TextEncoder().encode(text), cuts), (h) => {
    header = h;
  }))
    rows.push(...part);
  return { header, rows };
}

/** What csv-parse reads, as cells: the reference the hand-split fast path must agree with. */
async function reference(text: string) {
  const parser = parse({ bom: true, skip_empty_lines: true, relax_column_count: true });
  let header: string[] | null = null;
  const rows: CsvCellsRow[] = [];
  let row = 0;
  // 'data' as each record is parsed: the records before a syntax error are kept.
  await new Promise<void>((resolve) => {
    parser.on('data', (record: string[]) => {
      if (header === null) {
        header = record.map((name) => name.trim());
        return;
      }
      row++;
      rows.push(
        record.length === header.length
          ? { row, cells: record }
          : { row, error: `has ${record.length} cells; the header has ${header.length} columns` },
      );
    });
    parser.on('error', (error: CsvError) => {
      rows.push({ row: row + 1, error: `is not valid CSV (${csvReason(error)})` });
      resolve();
    });
    parser.on('end', resolve);
    parser.end(text);
  });
  return { header: header ?? [], rows };
}

describe('readCsvCells', () => {
  it('splits plain lines by hand: BOM, CRLF, empty lines, a missing last newline, short rows', async () => {
    const text = '\uFEFFa, b ,c\r\n1,2,3\r\n\r\n4,,6\n7,8\n9,10,11';
    expect(await fast(text)).toEqual({
      header: ['a', 'b', 'c'],
      rows: [
        { row: 1, cells: ['1', '2', '3'] },
        { row: 2, cells: ['4', '', '6'] },
        { row: 3, error: 'has 2 cells; the header has 3 columns' },
        { row: 4, cells: ['9', '10', '11'] },
      ],
    });
  });

  it('hands the rest to csv-parse from the first quote, keeping row numbers and split characters', async () => {
    // 'é' is two bytes in UTF-8; cutting at byte 9 splits it (a,b\n (4) + 1,x (3) + é's first byte).
    const text = 'a,b\n1,xé\n2,"y,\nz"\n3,\n';
    const got = await fast(text, [9, 14]);
    expect(got).toEqual({
      header: ['a', 'b'],
      rows: [
        { row: 1, cells: ['1', 'xé'] },
        { row: 2, cells: ['2', 'y,\nz'] },
        { row: 3, cells: ['3', ''] },
      ],
    });
    expect(got).toEqual(await reference(text));
    const unclosed = 'a,b\n1,x\n2,"y\n';
    expect(await fast(unclosed, [8])).toEqual(await reference(unclosed));
  });

  it('reads what csv-parse reads, however the bytes are cut', async () => {
    const cell = fc.oneof(
      fc.string({ unit: fc.constantFrom('a', 'b', ' ', 'é', '1', '-'), maxLength: 4 }),
      fc.constantFrom('"q,1"', '"x""y"', '"l\nm"'),
    );
    const csv = fc
      .array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 8 })
      .chain((rows) =>
        fc.record({
          text: fc
            .constantFrom('\n', '\r\n')
            .map((eol) => `h1,h2,h3${eol}${rows.map((r) => r.join(',')).join(eol)}${eol}`),
          cuts: fc.array(fc.nat(200), { maxLength: 5 }),
        }),
      );
    await fc.assert(
      fc.asyncProperty(csv, async ({ text, cuts }) => {
        expect(await fast(text, cuts)).toEqual(await reference(text));
      }),
      { numRuns: 300 },
    );
  });
});
