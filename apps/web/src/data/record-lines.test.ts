import { describe, expect, it } from 'vitest';
import { recordLines, rowPlace } from './record-lines.ts';

describe('recordLines', () => {
  it('puts CSV row r on line r + 1 (the header is line 1), past blank lines and quoted line breaks', () => {
    // line 1 header, line 2 row 1, line 3 blank, line 4-5 row 2 (a quoted cell with a line break),
    // line 6 row 3.
    const csv = 'a,b\r\n1,2\r\n\r\n3,"x\ny"\n4,5\n';
    const lines = recordLines(csv, 'text/csv');
    expect(lines).toEqual([1, 2, 4, 6]);
    expect(rowPlace(0, lines)).toBe('line 1');
    expect(rowPlace(2, lines)).toBe('line 4');
    expect(rowPlace(3, lines)).toBe('line 6');
  });

  it('counts NDJSON records from line 1, skipping blank lines', () => {
    // line 1 row 1, line 2 blank, line 3 row 2.
    expect(recordLines('{"a":1}\n\n  {"a":"]\\n"}\n', 'application/x-ndjson')).toEqual([1, 1, 3]);
  });

  it('finds where each record of a JSON array starts', () => {
    // line 1 '[', line 2 row 1 (its string holds '},{'), line 3-5 row 2, line 5 also row 3.
    const json = '[\n {"a":"},{"},\n {\n  "b": [1, 2]\n }, {"c": 3}\n]';
    expect(recordLines(json, 'application/json')).toEqual([1, 2, 3, 5]);
  });

  it('says record n when the file has fewer records than the row', () => {
    expect(rowPlace(5, [1, 2])).toBe('record 5');
    expect(rowPlace(0, null)).toBe('the file');
  });
});
