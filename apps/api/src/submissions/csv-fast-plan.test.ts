import { compileRulebook, validateRulebook } from '@quip/core';
import { submissionCopyLine } from '@quip/db';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RowErrors } from '../ingest/row-errors.ts';
import { SubmissionRowChecker } from './submission-row-checker.ts';

const RULEBOOK = {
  schemaVersion: 1,
  program: 'dds-qip',
  fiscalYear: '2026-27',
  name: 'fast path check',
  payee: { kind: 'provider-service-code', fields: { serviceCode: { type: 'string', required: true } } },
  measures: [
    {
      key: 'screenings',
      name: 'Screenings',
      domain: 'prevention-wellness',
      kind: 'performance',
      fields: {
        personId: { type: 'string', required: true },
        age: { type: 'number', required: true, min: 0, max: 120 },
        kind: { type: 'string', enum: ['a', 'b'] },
        dueDate: { type: 'date', required: true },
        done: { type: 'boolean' },
      },
      recordKey: ['personId', 'kind'],
      compute: { kind: 'rate-records', numerator: 'done' },
    },
    {
      key: 'with-rule',
      name: 'With a rule',
      domain: 'prevention-wellness',
      kind: 'performance',
      fields: {
        personId: { type: 'string', required: true },
        age: { type: 'number', rules: [{ check: 'age >= 18', message: 'an adult' }] },
      },
      recordKey: ['personId'],
      compute: { kind: 'rate-records', numerator: 'age >= 18' },
    },
  ],
  payment: { method: 'rate-incentive', incentiveShare: '0.1', earning: 'all-met' },
};
const HEADER = [
  'entityId',
  'measure',
  'period',
  'submittedOn',
  'data.personId',
  'data.age',
  'data.kind',
  'data.dueDate',
  'data.done',
  'data.extra',
];

function checkerFor(errors: RowErrors) {
  const validated = validateRulebook(RULEBOOK);
  if (!validated.ok) throw new Error(JSON.stringify(validated.issues));
  const payees = new Map(['V1', 'V2'].map((id) => [id, { id }]));
  const checker = new SubmissionRowChecker(
    compileRulebook(validated.rulebook),
    (id) => payees.get(id),
    { receivedOn: '2026-11-23', mayDeclare: true, declaredUntil: '2026-11-23' },
    errors,
    new RowErrors(),
    submissionCopyLine,
  );
  checker.csvHeader(HEADER);
  return checker;
}

describe('CSV rows on the precompiled path', () => {
  it('stores and refuses exactly what the full check stores and refuses, with the same errors', () => {
    const cell = (...values: string[]) => fc.constantFrom(...values);
    const row = fc.tuple(
      cell('V1', 'V2', ' V1 ', 'V9', ''),
      cell('screenings', 'with-rule', 'nope', ''),
      cell('2026-27', '', ' Q1 '),
      cell('', '2026-09-01', '2026-02-30', '09/01/2026'),
      // personId is a string field and in the record key: values JSON or COPY must escape.
      cell('P1', 'P2', '', ' ', 'P"q', 'P\\r', 'P\tt', 'P\u0001', 'P é ✓', 'P\ud83d\ude00', 'P\ud800'),
      cell('40', '0', '120', '121', '-1', ' 7 ', '1e2', 'x', '', '17'),
      cell('a', 'b', 'c', ''),
      cell('2026-12-31', '2026-13-01', '', ' 2026-12-31 '),
      cell('true', 'no', 'maybe', ''),
      cell('', 'z'),
    );
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 12 }), (rows) => {
        const fastErrors = new RowErrors();
        const fullErrors = new RowErrors();
        const fast = checkerFor(fastErrors);
        const full = checkerFor(fullErrors);
        const viaFast = rows.map((cells, i) => fast.checkCsv(i + 1, cells));
        const viaFull = rows.map((cells, i) =>
          full.check(i + 1, Object.fromEntries(HEADER.map((h, c) => [h, cells[c]])), true),
        );
        expect(viaFast).toEqual(viaFull);
        expect(fastErrors.list).toEqual(fullErrors.list);
        expect(fast.perMeasure).toEqual(full.perMeasure);
      }),
      { numRuns: 2000 },
    );
  });

  it('writes a plainly valid row as its COPY line, numbers typed', () => {
    const errors = new RowErrors();
    const line = checkerFor(errors).checkCsv(1, [
      'V1',
      'screenings',
      '2026-27',
      '',
      'P1',
      '40',
      'a',
      '2026-12-31',
      'true',
      '',
    ]);
    expect(errors.count).toBe(0);
    // The record counts as received on the day received; the record key is [personId, kind];
    // nothing declared, no findings (\N, SQL null, in COPY text).
    expect(line).toBe(
      'V1\tscreenings\t2026-27\t["P1","a"]\t2026-11-23\t{"personId":"P1","age":40,"kind":"a","dueDate":"2026-12-31","done":true}\t\\N\t\\N\n',
    );
  });
});
