import type { Submission } from '@quip/core';
import { describe, expect, it } from 'vitest';
import { GENERATED_PROGRAMS, generateProgramData } from './generate-program-data.ts';
import { MALFORMED_KINDS } from './malformed-rows.ts';
import type { GeneratedRow } from './program-generator.ts';

const ISO = /^\d{4}-\d{2}-\d{2}$/;

describe('malformed rows', () => {
  it('adds marked rows only: dropping them gives back the clean data set', () => {
    for (const programId of GENERATED_PROGRAMS) {
      const clean = [...generateProgramData(programId, { seed: 5, size: 'demo' }).submissions()];
      const rows = [...generateProgramData(programId, { seed: 5, size: 'demo', malformedRate: 0.05 }).rows()];
      expect(rows.filter((r) => r.malformed === undefined).map((r) => r.submission)).toEqual(clean);
      expect(rows.map((r) => r.row)).toEqual(rows.map((_, i) => i + 1));
      expect(
        rows.some((r) => r.malformed !== undefined),
        programId,
      ).toBe(true);
    }
  });

  it('gives submissions() the same rows as rows(), malformed ones included', () => {
    const data = generateProgramData('dhcs-ept', { seed: 5, size: 'demo', malformedRate: 0.1 });
    expect([...data.submissions()]).toEqual([...data.rows()].map((r) => r.submission));
  });

  it('makes each marked row wrong in the way its mark says, and no unmarked row wrong', () => {
    const data = generateProgramData('dds-qip', { seed: 9, size: 'demo', malformedRate: 0.02 });
    const ids = new Set(data.entities.map((e) => e.id));
    const rows = [...data.rows()];
    const problem = (row: GeneratedRow, previous: Submission | undefined): string | null => {
      const s = row.submission;
      if (!ids.has(s.entityId)) return 'unknown-entity';
      const measure = data.shape.measures[s.measure];
      if (!measure) return 'unknown-measure';
      if (measure.required.some((f) => s.data[f] === undefined)) return 'missing-required';
      // A number field holding text, a yes/no holding 'yes', a date written dd/mm/yyyy.
      if (
        Object.values(s.data).some(
          (v) =>
            v === 'not-a-number' || v === 'yes' || (typeof v === 'string' && /^\d{2}\/\d{2}\/\d{4}$/.test(v)),
        )
      )
        return 'wrong-type';
      if (previous && JSON.stringify(previous) === JSON.stringify(s)) return 'duplicate';
      return null;
    };
    const kinds = new Set<string>();
    rows.forEach((row, i) => {
      const found = problem(row, rows[i - 1]?.submission);
      // An unmarked row may repeat its predecessor only when the data repeats on purpose: never here.
      expect(found, `row ${row.row} (${row.malformed ?? 'good'})`).toBe(row.malformed ?? null);
      if (row.malformed) kinds.add(row.malformed);
    });
    expect([...kinds].sort()).toEqual([...MALFORMED_KINDS].sort());
    // Good rows keep their dates ISO; the wrong-type date is not.
    for (const row of rows)
      if (!row.malformed && row.submission.submittedOn) expect(row.submission.submittedOn).toMatch(ISO);
  });

  it('inserts about the share asked for', () => {
    const rows = [...generateProgramData('dds-qip', { seed: 9, size: 'demo', malformedRate: 0.1 }).rows()];
    const bad = rows.filter((r) => r.malformed).length;
    const good = rows.length - bad;
    // Binomial(good, 0.1): mean 0.1 x good, sd sqrt(good x 0.09); within 5 sd either way.
    expect(Math.abs(bad - 0.1 * good)).toBeLessThan(5 * Math.sqrt(good * 0.09));
  });
});
