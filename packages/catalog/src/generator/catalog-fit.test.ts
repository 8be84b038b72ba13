import {
  type CompiledRulebook,
  compileRulebook,
  type Entity,
  evaluateProgram,
  hasType,
  type Submission,
  type SubmissionProblem,
  SubmissionValidator,
} from '@quip/core';
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../index.ts';
import { ddsSchedule } from './dds-qip-reports.ts';
import { EPT_CLASS_UPPER_BOUNDS } from './dhcs-ept.ts';
import { GENERATED_PROGRAMS, generateProgramData } from './generate-program-data.ts';
import { fiscalYearSpan, isoDay } from './iso-day.ts';

// The generated data against the catalog's own rulebooks, checked by core: what the demo loads
// must pass the same checks an upload does.
const entries = CATALOG.filter((e) => GENERATED_PROGRAMS.includes(e.programId));

interface FieldSpec {
  type: 'string' | 'number' | 'boolean' | 'date' | 'list';
  required?: boolean;
}
interface MeasureJson {
  key: string;
  compute: { kind: string; timely?: { dueDate: string } };
}

/** What upload would refuse in a row (core's SubmissionValidator: errors only, findings are kept). */
function rowErrors(compiled: CompiledRulebook, entities: readonly Entity[]) {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const validator = new SubmissionValidator(compiled, (id) => byId.get(id));
  return (s: Submission): SubmissionProblem[] => {
    const errors: SubmissionProblem[] = [];
    const measure = validator.envelope(s.entityId, s.measure, s.period, errors);
    if (measure) validator.data(measure, s, s.submittedOn ?? '2026-09-01', errors, []);
    return errors;
  };
}

/** After every late report (at most 75 days after a due date of 07-31): nothing is left out. */
const asOfFor = (fiscalYear: string): string => `${fiscalYearSpan(fiscalYear).startYear + 1}-12-31`;

/** Issues the demo data is meant to raise: QWI's small local plan has nothing big enough to score. */
/**
 * Situations the generator makes on purpose, which the engine must report rather than hide:
 * QWI's tiny plan scores nothing; in MCAS a county whose only plans are too small to score splits
 * its default members evenly (auto-assignment part); WPC pilots that provide housing but reported
 * no housing enrollees get no housing share (a payee-level issue, not a silent zero).
 */
const INTENDED_ISSUES: Record<string, string[]> = {
  'dhcs-qwi': ['nothing-scored'],
  'dhcs-mcas': ['no-scores-in-group', 'not-scored'],
  'dhcs-wpc': ['missing-attribute'],
};

describe.each(entries.map((e) => [`${e.programId} ${e.fiscalYear}`, e] as const))(
  'demo data fits the catalog rulebook %s',
  (_, entry) => {
    const compiled = compileRulebook(entry.rulebook);
    const data = generateProgramData(entry.programId, {
      seed: 42,
      size: 'demo',
      fiscalYear: entry.fiscalYear,
    });
    const submissions = [...data.submissions()];

    it("passes core's field checks on every submission", () => {
      const problems = new Map<string, number>();
      const errorsOf = rowErrors(compiled, data.entities);
      for (const s of submissions) {
        for (const e of errorsOf(s)) {
          const p = `${s.measure} ${e.path}: ${e.message}`;
          problems.set(p, (problems.get(p) ?? 0) + 1);
        }
      }
      expect([...problems]).toEqual([]);
    });

    it('marks exactly the reporting measures as scoring completeness, with their record keys', () => {
      for (const [key, spec] of Object.entries(data.shape.measures)) {
        const m = compiled.measureIndex.get(key);
        const measure = m === undefined ? undefined : compiled.measures[m];
        if (!measure) continue;
        expect([key, spec.scoresCompleteness === true]).toEqual([key, measure.compute.kind === 'reporting']);
        if (spec.scoresCompleteness) expect([key, spec.recordKey ?? []]).toEqual([key, measure.recordKey]);
      }
    });

    it("gives every payee the rulebook's payee fields, and no others", () => {
      const fields = (compiled.rulebook.payee as { fields: Record<string, FieldSpec> }).fields;
      const problems: string[] = [];
      for (const e of data.entities) {
        for (const [name, spec] of Object.entries(fields)) {
          if (e[name] === undefined) {
            if (spec.required) problems.push(`${e.id} lacks ${name}`);
          } else if (!hasType(e[name], spec.type)) problems.push(`${e.id}.${name} is not a ${spec.type}`);
        }
        for (const name of Object.keys(e))
          if (name !== 'id' && name !== 'name' && !(name in fields))
            problems.push(`${e.id}.${name} is not a payee field`);
      }
      expect(problems.slice(0, 10)).toEqual([]);
    });

    it('evaluates with no issues but the intended ones', () => {
      const { issues, results } = evaluateProgram(compiled, {
        entities: data.entities,
        submissions,
        asOf: asOfFor(entry.fiscalYear),
      });
      expect([...new Set(issues.map((i) => i.code))].sort()).toEqual(INTENDED_ISSUES[entry.programId] ?? []);
      // Every measure that takes data is met by some payee and missed by another.
      for (const key of [
        'qip-provider-directory',
        'ept-milestone',
        'mcas-prenatal-care',
        'qwi-controlling-blood-pressure',
        'wpc-enrollment-report',
      ]) {
        const of = results.filter((r) => r.measure === key && r.status === 'scored');
        if (compiled.measureIndex.has(key))
          expect(of.some((r) => r.met === true) && of.some((r) => r.met === false), key).toBe(true);
      }
    });
  },
);

describe('generator and catalog agree', () => {
  it('on the DDS due dates', () => {
    for (const entry of entries.filter((e) => e.programId === 'dds-qip')) {
      const schedule = ddsSchedule(fiscalYearSpan(entry.fiscalYear));
      const due = Object.fromEntries(
        (entry.rulebook as { measures: MeasureJson[] }).measures
          .filter((m) => m.compute.timely)
          .map((m) => [m.key, m.compute.timely?.dueDate]),
      );
      expect(due, entry.fiscalYear).toEqual({
        'qip-provider-directory': isoDay(schedule.directory.due),
        'qip-dsp-survey': isoDay(schedule.workforce.due),
        'qip-non-dsp-workforce': isoDay(schedule.workforce.due),
        'qip-employment-staff': isoDay(schedule.yearEnd.due),
        'qip-employment-outcomes': isoDay(schedule.yearEnd.due),
        'qip-preventive-screenings': isoDay(schedule.yearEnd.due),
      });
    }
  });

  it('on the EPT class table, and the engine prices the cliff at 500 | 501 members', () => {
    for (const entry of entries.filter((e) => e.programId === 'dhcs-ept')) {
      const classes = (entry.rulebook as { payment: { classes: { membersTo: number }[] } }).payment.classes;
      expect(classes.map((c) => c.membersTo)).toEqual(EPT_CLASS_UPPER_BOUNDS);
      const data = generateProgramData('dhcs-ept', { seed: 42, size: 'demo', fiscalYear: entry.fiscalYear });
      const { payments } = evaluateProgram(compileRulebook(entry.rulebook), {
        entities: data.entities,
        submissions: [...data.submissions()],
        asOf: asOfFor(entry.fiscalYear),
      });
      const pmpy = (members: number) => {
        const id = data.entities.find((e) => e.assignedMembers === members)?.id;
        return payments.find((p) => p.entityId === id)?.details.pmpyCents;
      };
      // Class A ($580.00) up to 500 members, class B ($397.00) from 501.
      expect([pmpy(500), pmpy(501)]).toEqual([58_000, 39_700]);
      // Class J ($144.00) up to 2,250, class K ($146.00) from 2,251.
      expect([pmpy(2250), pmpy(2251)]).toEqual([14_400, 14_600]);
    }
  });
});

describe('malformed rows against the catalog rulebooks', () => {
  it('are exactly the rows core flags: field problems, unknown measures, unknown payees', () => {
    for (const entry of entries.filter((e) => e.fiscalYear === '2026-27')) {
      const compiled = compileRulebook(entry.rulebook);
      const data = generateProgramData(entry.programId, { seed: 3, size: 'demo', malformedRate: 0.03 });
      const rows = [...data.rows()];
      const errorsOf = rowErrors(compiled, data.entities);
      for (const row of rows) {
        const flagged = errorsOf(row.submission).length > 0;
        const expected = row.malformed !== undefined && row.malformed !== 'duplicate';
        expect(flagged, `${entry.programId} row ${row.row} ${row.malformed ?? 'good'}`).toBe(expected);
      }
      const { issues } = evaluateProgram(compiled, {
        entities: data.entities,
        submissions: rows.map((r) => r.submission),
        asOf: asOfFor('2026-27'),
      });
      const count = (code: string) =>
        issues.filter((i) => i.code === code).reduce((n, i) => n + (i.count ?? 1), 0);
      expect(count('unknown-entity'), entry.programId).toBe(
        rows.filter((r) => r.malformed === 'unknown-entity').length,
      );
      expect(count('unknown-measure'), entry.programId).toBe(
        rows.filter((r) => r.malformed === 'unknown-measure').length,
      );
    }
  });
});
