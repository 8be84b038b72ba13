import {
  type CompiledMeasure,
  type CompiledRulebook,
  type Entity,
  type FieldType,
  type SubmissionProblem,
  SubmissionValidator,
} from '@quip/core';
import { problems } from '../http/problem.ts';
import { safeName } from '../http/safe-name.ts';
import { isIsoDay } from '../ingest/is-iso-day.ts';
import { parseCell } from '../ingest/parse-cell.ts';
import type { RowErrors } from '../ingest/row-errors.ts';
import { CsvFastPlan } from './csv-fast-plan.ts';
import type { SubmissionRowFormat } from './submission-sink.ts';

const TOP_LEVEL = new Set(['entityId', 'measure', 'period', 'submittedOn', 'data']);
const CSV_COLUMNS = new Set(['entityId', 'measure', 'period', 'submittedOn']);

interface MeasureInfo {
  measure: CompiledMeasure;
  types: Map<string, FieldType>;
}

/** When a batch was received, and whether its sender may declare a record's submittedOn. */
export interface Receipt {
  /** The day received in the program's time zone: the day each record counts as received. */
  receivedOn: string;
  /** Admins may load historic records with the submittedOn they declare; submitters may not. */
  mayDeclare: boolean;
  /** The last day a declared submittedOn may name (the day received); null: any day. */
  declaredUntil: string | null;
}

/**
 * Reads submission rows one at a time (JSON objects or CSV cells) and checks each with core's
 * SubmissionValidator, the rules preview and the run apply too: known payee (within the key's
 * scope: another's payee is "unknown payee", exactly as a missing one), a measure that takes
 * submissions and applies to the payee, one of its periods, data by its field schema. Here: the
 * row's shape, submittedOn (an admin's declaration only, never after the day received), and no
 * two rows of the batch for the same payee, measure, period and record. Errors (the batch is
 * refused) and warnings (findings: stored and flagged) name the row, the field and the rule, never
 * a value.
 */
export class SubmissionRowChecker {
  private readonly measures = new Map<string, MeasureInfo>();
  /** payee, measure and period -> record key -> the first row of it (to refuse repeats). */
  private readonly firstRowOf = new Map<string, Map<string, number>>();
  private lastGroup: Map<string, number> | null = null;
  private lastEntity = '';
  private lastMeasure = '';
  private lastPeriod = '';
  private dataColumns: [header: string, field: string][] = [];
  private header: string[] = [];
  /** CSV column of entityId, measure, period, submittedOn (-1 when absent). */
  private at = { entityId: -1, measure: -1, period: -1, submittedOn: -1 };
  /** Per measure key: the precompiled check for this header (null: always the full check). */
  private readonly fastPlans = new Map<string, CsvFastPlan | null>();
  /** Rows accepted per measure key (for the audit entry). */
  readonly perMeasure: Record<string, number> = {};
  /** Rows whose submittedOn an admin declared (audited). */
  declared = 0;
  /** Accepted rows with findings: their group (payee, measure, period) and record key, by row. */
  readonly flaggedRows: {
    row: number;
    entityId: string;
    measure: string;
    period: string;
    recordKey: string;
  }[] = [];
  private readonly validator: SubmissionValidator;
  private readonly problems: SubmissionProblem[] = [];
  private readonly findings: SubmissionProblem[] = [];

  constructor(
    compiled: CompiledRulebook,
    payeeOf: (id: string) => Entity | undefined,
    private readonly receipt: Receipt,
    private readonly errors: RowErrors,
    /** Findings of accepted rows (the answer's warnings). */
    private readonly warnings: RowErrors,
    /** How an accepted row is written (submissionRowJson or submissionCopyLine). */
    private readonly format: SubmissionRowFormat,
  ) {
    this.validator = new SubmissionValidator(compiled, payeeOf);
    for (const measure of compiled.measures) {
      this.measures.set(measure.key, {
        measure,
        types: new Map(measure.fields.map((f) => [f.name, f.spec.type])),
      });
    }
  }

  /** CSV: entityId, measure, period, submittedOn and one `data.<field>` column per data field. */
  csvHeader(columns: string[]): void {
    const bad = columns
      .map((name, i) => ({ name, i }))
      .filter(({ name }) => !CSV_COLUMNS.has(name) && !/^data\.[A-Za-z_][A-Za-z0-9_]*$/.test(name));
    const missing = ['entityId', 'measure'].filter((name) => !columns.includes(name));
    const repeated = columns.filter((name, i) => columns.indexOf(name) !== i);
    if (bad.length > 0 || missing.length > 0 || repeated.length > 0) {
      throw problems.unprocessable(
        'The CSV header is not entityId,measure,period,submittedOn,data.<field>,...',
        [
          ...bad.map(({ i }) => ({ row: 0, path: `column ${i + 1}`, message: 'is not a submission column' })),
          ...missing.map((name) => ({ row: 0, path: name, message: 'column is missing from the header' })),
          ...repeated.map((name) => ({ row: 0, path: name, message: 'column appears twice' })),
        ],
      );
    }
    this.dataColumns = columns.filter((c) => c.startsWith('data.')).map((c) => [c, c.slice(5)]);
    this.header = columns;
    this.at = {
      entityId: columns.indexOf('entityId'),
      measure: columns.indexOf('measure'),
      period: columns.indexOf('period'),
      submittedOn: columns.indexOf('submittedOn'),
    };
  }

  /**
   * A CSV row (cells in header order): plainly valid rows are checked on a precompiled path
   * without building a record; any other row takes `check`, which words its errors.
   */
  checkCsv(row: number, cells: readonly string[]): string | null {
    const at = this.at;
    const entityId = cells[at.entityId]?.trim();
    const measureKey = cells[at.measure]?.trim();
    const period = at.period < 0 ? undefined : cells[at.period]?.trim();
    const given = at.submittedOn < 0 ? '' : (cells[at.submittedOn] as string);
    // A row whose submittedOn is refused takes check(), which words the error.
    const declared = this.declaration(given);
    if (entityId && measureKey && period && typeof declared !== 'string') {
      const { declaredOn } = declared;
      const scratch = this.problems;
      scratch.length = 0;
      const measure = this.validator.envelope(entityId, measureKey, period, scratch);
      const plan = measure ? this.fastPlan(measure) : null;
      if (measure && plan?.read(cells)) {
        const line = this.accept(
          row,
          entityId,
          measure,
          period,
          this.receipt.receivedOn,
          declaredOn,
          plan.recordKey,
          plan.json,
          null,
        );
        if (line !== null && declaredOn !== null) this.declared++;
        return line;
      }
    }
    const value: Record<string, unknown> = {};
    const header = this.header;
    for (let i = 0; i < header.length; i++) value[header[i] as string] = cells[i];
    return this.check(row, value, true);
  }

  /**
   * A row's submittedOn: none (the record counts as received on the server's day), a day an admin
   * declares, or why it is refused. The day a record counts as received is the server's; only an
   * admin may declare another, never after the day received.
   */
  private declaration(given: unknown): { declaredOn: string | null } | string {
    if (given === undefined || given === null || given === '') return { declaredOn: null };
    const { mayDeclare, declaredUntil } = this.receipt;
    if (!mayDeclare)
      return 'is set by the server (the day received); only an admin may declare it, for historic records';
    if (typeof given !== 'string' || !isIsoDay(given)) return 'must be a real day written YYYY-MM-DD';
    if (declaredUntil !== null && given > declaredUntil) return 'must not be after the day received';
    return { declaredOn: given };
  }

  private fastPlan(measure: CompiledMeasure): CsvFastPlan | null {
    let plan = this.fastPlans.get(measure.key);
    if (plan === undefined) {
      const columns = this.dataColumns.map(
        ([h, field]) => [this.header.indexOf(h), field] as [number, string],
      );
      plan = CsvFastPlan.build(measure, columns);
      this.fastPlans.set(measure.key, plan);
    }
    return plan;
  }

  /** The row as `format` writes it, or null after pushing its errors. */
  check(row: number, value: Record<string, unknown>, fromCsv: boolean): string | null {
    const errors = this.errors;
    const before = errors.count;
    const entityId = text(value.entityId);
    if (entityId === undefined)
      errors.push({ row, path: 'entityId', message: requiredOrString(value.entityId) });
    const measureKey = text(value.measure);
    if (measureKey === undefined)
      errors.push({ row, path: 'measure', message: requiredOrString(value.measure) });
    const period = text(value.period);
    if (period === undefined) errors.push({ row, path: 'period', message: requiredOrString(value.period) });
    const problems = this.problems;
    problems.length = 0;
    const measure = this.validator.envelope(entityId, measureKey, period, problems);
    for (const p of problems) errors.push({ row, ...p });

    const { receivedOn } = this.receipt;
    const declared = this.declaration(value.submittedOn);
    if (typeof declared === 'string') errors.push({ row, path: 'submittedOn', message: declared });
    const declaredOn = typeof declared === 'string' ? null : declared.declaredOn;

    const info = measure ? this.measures.get(measure.key) : undefined;
    let data: Record<string, unknown> | null = null;
    if (fromCsv) {
      data = {};
      for (const [header, field] of this.dataColumns) {
        const cell = value[header] as string;
        if (cell === '') continue;
        data[field] = parseCell(cell, info?.types.get(field));
      }
    } else {
      for (const key of Object.keys(value)) {
        if (!TOP_LEVEL.has(key))
          errors.push({ row, path: safeName(key), message: 'is not a submission field' });
      }
      const d = value.data;
      if (d === undefined || d === null) data = {};
      else if (typeof d === 'object' && !Array.isArray(d)) data = d as Record<string, unknown>;
      else errors.push({ row, path: 'data', message: 'must be an object' });
    }
    const findings = this.findings;
    findings.length = 0;
    if (measure && data) {
      problems.length = 0;
      const on = declaredOn ?? receivedOn;
      this.validator.data(
        measure,
        { entityId: entityId as string, period: period as string, data },
        on,
        problems,
        findings,
      );
      for (const p of problems) errors.push({ row, ...p });
    }
    if (errors.count > before) return null;

    const m = measure as CompiledMeasure;
    const valid = data as Record<string, unknown>;
    const recordKey =
      m.recordKey.length === 0 ? '' : JSON.stringify(m.recordKey.map((f) => valid[f] ?? null));
    const found = findings.length === 0 ? null : JSON.stringify(findings);
    const line = this.accept(
      row,
      entityId as string,
      m,
      period as string,
      receivedOn,
      declaredOn,
      recordKey,
      valid,
      found,
    );
    if (line !== null) {
      if (declaredOn !== null) this.declared++;
      if (found !== null) {
        for (const f of findings) this.warnings.push({ row, ...f });
        this.flaggedRows.push({
          row,
          entityId: entityId as string,
          measure: m.key,
          period: period as string,
          recordKey,
        });
      }
    }
    return line;
  }

  /**
   * A row whose fields are valid: refused only as a repeat of an earlier row of the batch.
   * `data` is the object or its JSON text (the CSV fast path writes the text directly).
   */
  private accept(
    row: number,
    entityId: string,
    measure: CompiledMeasure,
    period: string,
    receivedOn: string,
    declaredOn: string | null,
    recordKey: string,
    data: Record<string, unknown> | string,
    findings: string | null,
  ): string | null {
    // Rows of one payee usually come together: reuse the last group's map without a lookup.
    let rows = this.lastGroup;
    if (
      rows === null ||
      entityId !== this.lastEntity ||
      measure.key !== this.lastMeasure ||
      period !== this.lastPeriod
    ) {
      const group = `${entityId}\u0000${measure.key}\u0000${period}`;
      rows = this.firstRowOf.get(group) ?? null;
      if (rows === null) {
        rows = new Map();
        this.firstRowOf.set(group, rows);
      }
      this.lastGroup = rows;
      this.lastEntity = entityId;
      this.lastMeasure = measure.key;
      this.lastPeriod = period;
    }
    const first = rows.get(recordKey);
    if (first !== undefined) {
      this.errors.push({
        row,
        path: '',
        message: `repeats row ${first}: same payee, measure, period and record`,
      });
      return null;
    }
    rows.set(recordKey, row);
    this.perMeasure[measure.key] = (this.perMeasure[measure.key] ?? 0) + 1;
    return this.format(
      entityId,
      measure.key,
      period,
      recordKey,
      declaredOn ?? receivedOn,
      data,
      declaredOn,
      findings,
    );
  }
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function requiredOrString(value: unknown): string {
  return value === undefined || value === null || value === '' ? 'is required' : 'must be a string';
}
