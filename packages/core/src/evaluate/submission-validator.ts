import type { Entity } from '../measures/applies-to.ts';
import type { CompiledMeasure } from '../measures/compile-measure.ts';
import type { RecordIssue } from '../measures/record-checker.ts';
import { RowRecordReader, type Submission } from '../measures/record-reader.ts';
import type { CompiledRulebook, Dataset } from '../rulebook/compile-rulebook.ts';

/** One problem of a submission row, located by its field (`entityId`, `period`, `data.phone`, ...). */
export interface SubmissionProblem {
  path: string;
  message: string;
}

interface DataOwner {
  measure: CompiledMeasure;
  /** Periods the rulebook reads for this data (the measure's own, baselines): period -> dataset. */
  periods: ReadonlyMap<string, number>;
  /** The periods as text for messages. */
  periodList: string;
}

/**
 * The rules a submission row must meet to be stored, in one place for upload, preview and the
 * run (which applies the same record check, RecordChecker, to what it reads):
 * - its envelope: a payee of the program (as the caller's lookup sees it: a payee outside the
 *   caller's scope is unknown), a measure that takes submissions (one that owns data, not one that
 *   reads another's through dataFrom), a period the rulebook reads for it, and the measure applies
 *   to the payee;
 * - its data: errors and findings of the dataset's RecordChecker, read with the record's receipt
 *   day (so rules may use `receivedOn`).
 * Messages name fields and rules, never a submitted value.
 */
export class SubmissionValidator {
  private readonly owners = new Map<string, DataOwner>();
  /** Measures that read another's data, by key -> the key their data is sent under. */
  private readonly readers = new Map<string, string>();
  private lastPayee: Entity | undefined;
  private lastPayeeId: string | null = null;
  private readonly issues: RecordIssue[] = [];

  constructor(
    private readonly compiled: CompiledRulebook,
    /** The payee a row names, or undefined when there is none the caller may submit for. */
    private readonly payeeOf: (id: string) => Entity | undefined,
  ) {
    for (const [dataKey, periods] of compiled.datasetIndex) {
      const index = compiled.measureIndex.get(dataKey);
      if (index === undefined) continue;
      this.owners.set(dataKey, {
        measure: compiled.measures[index] as CompiledMeasure,
        periods,
        periodList: [...periods.keys()].join(', '),
      });
    }
    for (const m of compiled.measures) if (m.dataKey !== m.key) this.readers.set(m.key, m.dataKey);
  }

  /**
   * Checks payee, measure and period (each given as trimmed text, undefined when the row has
   * none: the caller words "is required"). Returns the measure that owns the data when the row
   * can be read, else null after pushing the errors.
   */
  envelope(
    entityId: string | undefined,
    measureKey: string | undefined,
    period: string | undefined,
    errors: SubmissionProblem[],
  ): CompiledMeasure | null {
    const before = errors.length;
    const payee = entityId === undefined ? undefined : this.payee(entityId);
    if (entityId !== undefined && payee === undefined)
      errors.push({ path: 'entityId', message: 'unknown payee' });
    const owner = measureKey === undefined ? undefined : this.owners.get(measureKey);
    if (measureKey !== undefined && owner === undefined) {
      const sentAs = this.readers.get(measureKey);
      errors.push({
        path: 'measure',
        message:
          sentAs === undefined
            ? 'unknown measure'
            : `takes no submissions of its own: its data is submitted as ${sentAs}`,
      });
    }
    if (owner && period !== undefined && !owner.periods.has(period)) {
      errors.push({
        path: 'period',
        message: `is not a period of ${owner.measure.key} (${owner.periodList})`,
      });
    }
    if (owner && payee && owner.measure.applies !== null && !owner.measure.applies.test(payee)) {
      errors.push({ path: 'measure', message: `${owner.measure.key} does not apply to this payee` });
    }
    return errors.length === before && owner ? owner.measure : null;
  }

  /**
   * Checks a row's data against the fields of the measure that owns it, the record received on
   * `receivedOn`: errors (the row is refused) and findings (the row is stored and flagged), each
   * at `data.<field>` (or `data` for a rule over the whole record).
   */
  data(
    measure: CompiledMeasure,
    row: Pick<Submission, 'entityId' | 'period' | 'data'>,
    receivedOn: string,
    errors: SubmissionProblem[],
    findings: SubmissionProblem[],
  ): void {
    const dataset = this.datasetOf(measure, row.period);
    const reader = new RowRecordReader([
      {
        entityId: row.entityId,
        measure: measure.key,
        period: row.period,
        submittedOn: receivedOn,
        data: row.data,
      },
    ]);
    const issues = this.issues;
    issues.length = 0;
    dataset.checker.check(reader, 0, issues);
    for (const issue of issues) {
      const problem = { path: issue.path === '' ? 'data' : `data.${issue.path}`, message: issue.message };
      (issue.severity === 'error' ? errors : findings).push(problem);
    }
  }

  private datasetOf(measure: CompiledMeasure, period: string): Dataset {
    const owner = this.owners.get(measure.key) as DataOwner;
    const d = owner.periods.get(period) ?? (owner.periods.values().next().value as number);
    return this.compiled.datasets[d] as Dataset;
  }

  /** Rows of one payee usually come together: remember the last lookup. */
  private payee(id: string): Entity | undefined {
    if (id !== this.lastPayeeId) {
      this.lastPayeeId = id;
      this.lastPayee = this.payeeOf(id);
    }
    return this.lastPayee;
  }
}
