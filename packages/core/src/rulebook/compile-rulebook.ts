import { RulebookError } from '../errors.ts';
import { AppliesToTest } from '../measures/applies-to.ts';
import { type CompiledMeasure, compileMeasure } from '../measures/compile-measure.ts';
import { RecordChecker } from '../measures/record-checker.ts';
import type { PaymentParams } from '../payment/payment-params.ts';
import type { ScoringSpec } from '../scoring/scoring-spec.ts';
import { fieldTypesOf } from './check-measure.ts';
import { contentHash } from './content-hash.ts';
import type { Rulebook } from './rulebook-schema.ts';
import { validateRulebook } from './validate-rulebook.ts';

/** The submissions of one measure key (its own or shared through dataFrom) for one period. */
export interface Dataset {
  dataKey: string;
  period: string;
  recordKey: string[];
  /** The check of its records (errors and findings), from the measure that owns the data. */
  checker: RecordChecker;
}

export interface CompiledRulebook {
  rulebook: Rulebook;
  /** contentHash of the rulebook as given (what a run pins). */
  hash: string;
  measures: CompiledMeasure[];
  measureIndex: ReadonlyMap<string, number>;
  datasets: Dataset[];
  /** dataKey -> period -> dataset index. */
  datasetIndex: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** Per measure: its dataset, and the dataset of its baseline period (-1 when none). */
  measureDataset: Int32Array;
  baselineDataset: Int32Array;
  /** Per measure: its scoring (its own, else the rulebook's), or null. */
  scoring: (ScoringSpec | null)[];
  /** Measures in the composite score (null: all scored ones). */
  compositeMeasures: ReadonlySet<string> | null;
  /** The rulebook's additionalPayments, ready to compute (empty when it has none). */
  paymentParts: CompiledPaymentPart[];
}

/** One additional payment part: its parameters, which payees it pays, its own composite measures. */
export interface CompiledPaymentPart {
  key: string;
  name: string;
  params: PaymentParams;
  /** null: every payee. */
  applies: AppliesToTest | null;
  /** null: the rulebook's composite. */
  compositeMeasures: ReadonlySet<string> | null;
}

/**
 * Validates (reporting every issue at once) and compiles a rulebook: every expression compiled,
 * defaults filled, submissions' datasets indexed. Do it once, then evaluate many times.
 * Throws RulebookError('rulebook-invalid', ..., issues) for a rulebook that does not validate.
 */
export function compileRulebook(json: unknown): CompiledRulebook {
  const validation = validateRulebook(json);
  if (!validation.ok) {
    throw new RulebookError(
      'rulebook-invalid',
      `the rulebook has ${validation.issues.length} problem(s)`,
      validation.issues,
    );
  }
  const rulebook = validation.rulebook;
  const measures = rulebook.measures.map((spec, index) => compileMeasure(spec, index, rulebook));

  const datasets: Dataset[] = [];
  const datasetIndex = new Map<string, Map<string, number>>();
  const checkers = new Map<string, RecordChecker>();
  const checkerOf = (dataKey: string): RecordChecker => {
    let checker = checkers.get(dataKey);
    if (!checker) {
      // Validation guarantees dataFrom names a measure of the rulebook.
      checker = recordCheckerOf(measures.find((m) => m.key === dataKey) as CompiledMeasure);
      checkers.set(dataKey, checker);
    }
    return checker;
  };
  const datasetOf = (dataKey: string, period: string, recordKey: string[]): number => {
    let byPeriod = datasetIndex.get(dataKey);
    if (!byPeriod) {
      byPeriod = new Map();
      datasetIndex.set(dataKey, byPeriod);
    }
    let d = byPeriod.get(period);
    if (d === undefined) {
      d = datasets.length;
      byPeriod.set(period, d);
      datasets.push({ dataKey, period, recordKey, checker: checkerOf(dataKey) });
    }
    return d;
  };
  const measureDataset = new Int32Array(measures.length);
  const baselineDataset = new Int32Array(measures.length).fill(-1);
  measures.forEach((m, i) => {
    measureDataset[i] = datasetOf(m.dataKey, m.period, m.recordKey);
    const baseline = m.spec.baseline;
    if (baseline && 'period' in baseline)
      baselineDataset[i] = datasetOf(m.dataKey, baseline.period, m.recordKey);
  });

  return {
    rulebook,
    hash: contentHash(json),
    measures,
    measureIndex: new Map(measures.map((m, i) => [m.key, i])),
    datasets,
    datasetIndex,
    measureDataset,
    baselineDataset,
    scoring: rulebook.measures.map((m) => m.scoring ?? (m.target ? rulebook.scoring : undefined) ?? null),
    compositeMeasures: rulebook.composite?.measures ? new Set(rulebook.composite.measures) : null,
    paymentParts: (rulebook.additionalPayments ?? []).map((part) => ({
      key: part.key,
      name: part.name,
      params: part.params,
      applies:
        part.appliesTo === undefined
          ? null
          : new AppliesToTest(part.appliesTo, fieldTypesOf(rulebook.payee?.fields)),
      compositeMeasures: part.composite?.measures ? new Set(part.composite.measures) : null,
    })),
  };
}

/**
 * The record check of the data a measure owns: a reporting measure scores completeness and
 * accuracy, so for its data those are findings; other data has no completeness to score, so a
 * missing required field makes the record unreadable (an error).
 */
function recordCheckerOf(owner: CompiledMeasure): RecordChecker {
  const c = owner.compute;
  const reporting = c.kind === 'reporting';
  return new RecordChecker({
    measureKey: owner.key,
    fields: owner.fields,
    fieldTypes: owner.fieldTypes,
    completeMask: reporting ? c.completeMask : null,
    checkRules: reporting ? c.accurate : true,
    recordRules: reporting ? c.recordRules : [],
    recordKey: owner.recordKey,
  });
}
