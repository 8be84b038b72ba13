import type { Entity } from '../measures/applies-to.ts';
import type { MeasureResult } from '../measures/measure-result.ts';
import type { SubmissionInput } from '../measures/record-reader.ts';
import type { CompiledRulebook } from '../rulebook/compile-rulebook.ts';
import { evaluateMeasureValues } from './evaluate-phased.ts';
import type { EvaluationIssue } from './evaluation-issue.ts';
import { payeeSnapshot, type WhatIfPayees } from './payee-changes.ts';
import { PaymentCache } from './payment-cache.ts';
import { PhaseOneColumns, rescoreMeasure, type WhatIfMeasure } from './rescore-measure.ts';

export type { WhatIfMeasure } from './rescore-measure.ts';

export interface WhatIfInput {
  /** The payees: `{ id, ...fields }`. */
  entities: readonly Entity[];
  /** Submissions as rows or columns: read once, and again only when an edit changes a computation. */
  submissions: SubmissionInput;
  /** The evaluation date 'YYYY-MM-DD', as for evaluateProgram. */
  asOf: string;
}

/** What an edit re-scored: known as soon as the measures are scored, before anyone is paid. */
export interface WhatIfScores {
  /** Per measure of the rulebook, in its order. */
  measures: WhatIfMeasure[];
  /** The measures scored again by the last edit (all of them on the first). */
  rescored: string[];
  /** The last edit changed how values are computed: the submissions were read again. */
  reread: boolean;
}

/** The what-if's answer: evaluateProgram's payments under the current rulebook, summed. */
export interface WhatIfResult extends WhatIfScores {
  payees: number;
  /** The sum of every payee's payment (every part), to the cent: what evaluateProgram pays. */
  totalCents: number;
  /** Payees paid more than zero. */
  paidPayees: number;
  /** The first payment issues (population-wide first, then in payee order) and how many in all. */
  issues: EvaluationIssue[];
  issueCount: number;
  /** Payees paid again for this answer. */
  repaid: number;
}

/** An incremental evaluateProgram for the rulebook editor; see createWhatIf. */
export interface WhatIf {
  /** The rulebook of the last edit. */
  readonly compiled: CompiledRulebook;
  /** The payees evaluated (as evaluateProgram keeps them: without an id or listed twice, left out). */
  readonly entities: readonly Entity[];
  /** Issues of reading the submissions (left out, after asOf, unknown measure, ...). */
  readonly readIssues: readonly EvaluationIssue[];
  /** Scores the rulebook `compiled` instead, again only where it differs from the last one. */
  edit(compiled: CompiledRulebook): WhatIfScores;
  /** Pays under the current rulebook (only payees whose outcome changed, when the methods allow). */
  result(): WhatIfResult;
  /** The values phase 1 computed for a measure, per payee (NaN where none); null for no such measure. */
  measureValues(measure: string): Float64Array | null;
  /** Each payee's payment and outcomes under the current rulebook (pays first, as `result()`). */
  payees(): WhatIfPayees;
}

/**
 * evaluateProgram made incremental, for a what-if over the same payees and submissions: the
 * submissions are read once (phase 1, evaluateMeasureValues); each edit scores again only the
 * measures whose target, floor, scoring or weight changed (core's scoreValues, from the values
 * phase 1 made), and `result()` pays again only the payees whose outcome changed when every
 * payment method pays each payee alone, else everyone (core's payEntities: the rulebook's payment
 * and all additionalPayments parts). An edit that changes how values are computed (compute,
 * appliesTo, fields, periods, baselines, ...) reads the submissions again. After any sequence of
 * edits, `result().totalCents` is what evaluateProgram(compiled, input) pays, to the cent.
 */
export function createWhatIf(compiled: CompiledRulebook, input: WhatIfInput): WhatIf {
  return new IncrementalWhatIf(compiled, input);
}

/** Rulebook fields that only scoring and payment read; any other change may change a value. */
const SCORING_RULEBOOK_FIELDS: ReadonlySet<string> = new Set([
  'name',
  'description',
  'scoring',
  'composite',
  'payment',
  'additionalPayments',
]);
/** Measure fields that only scoring reads (a target's direction also orders strata: kept apart). */
const SCORING_MEASURE_FIELDS: ReadonlySet<string> = new Set([
  'name',
  'description',
  'target',
  'floor',
  'scoring',
  'weight',
]);

function without(object: object, fields: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(object)) if (!fields.has(k)) out[k] = v;
  return out;
}

/** What phase 1 reads of a rulebook: equal keys, equal values. */
function valuesKey(compiled: CompiledRulebook): string {
  const rulebook = without(compiled.rulebook, SCORING_RULEBOOK_FIELDS);
  rulebook.measures = compiled.rulebook.measures.map((m) => ({
    ...without(m, SCORING_MEASURE_FIELDS),
    targetDirection: m.target?.direction ?? null,
  }));
  return JSON.stringify(rulebook);
}

/** What scoring measure m reads besides its values. */
function scoringKey(compiled: CompiledRulebook, m: number): string {
  const spec = compiled.rulebook.measures[m];
  return JSON.stringify([spec?.target, spec?.floor, compiled.scoring[m], compiled.measures[m]?.weight]);
}

/** What paying reads besides the measure outcomes. */
function paymentKey(compiled: CompiledRulebook): string {
  const r = compiled.rulebook;
  return JSON.stringify([
    r.payment,
    r.additionalPayments,
    r.composite,
    r.payee,
    compiled.scoring.map((s) => s !== null),
  ]);
}

class IncrementalWhatIf implements WhatIf {
  compiled: CompiledRulebook;
  entities: readonly Entity[] = [];
  readIssues: EvaluationIssue[] = [];
  private readonly input: WhatIfInput;
  /** Entity-major (e * M + m), scored under `compiled`. */
  private results: MeasureResult[] = [];
  private phaseOne: PhaseOneColumns[] = [];
  private valuesKey = '';
  /** Per measure: the scoringKey it was last scored under ('' while being scored). */
  private scoringKeys: string[] = [];
  private summaries: WhatIfMeasure[] = [];
  private payments: PaymentCache = new PaymentCache([]);
  private last: Pick<WhatIfScores, 'rescored' | 'reread'> = { rescored: [], reread: true };

  constructor(compiled: CompiledRulebook, input: WhatIfInput) {
    this.compiled = compiled;
    this.input = input;
    this.read(compiled);
  }

  edit(compiled: CompiledRulebook): WhatIfScores {
    if (valuesKey(compiled) !== this.valuesKey) return this.read(compiled);
    this.compiled = compiled;
    const rescored: string[] = [];
    try {
      for (let m = 0; m < compiled.measures.length; m++) {
        const key = scoringKey(compiled, m);
        if (this.scoringKeys[m] === key) continue;
        this.scoringKeys[m] = '';
        this.summaries[m] = this.rescore(m);
        this.scoringKeys[m] = key;
        rescored.push((compiled.measures[m] as CompiledRulebook['measures'][number]).key);
      }
    } catch (error) {
      // A measure scored half-way has neither its old nor its new outcomes: it is scored again on
      // the next edit (its key is ''), and everyone is paid again then.
      this.payments.invalidate();
      throw error;
    }
    this.last = { rescored, reread: false };
    return this.scores();
  }

  result(): WhatIfResult {
    if (this.scoringKeys.includes('')) this.edit(this.compiled);
    const paid = this.payments.pay(this.compiled, this.results, this.input.asOf, paymentKey(this.compiled));
    return { payees: this.entities.length, ...paid, ...this.scores() };
  }

  payees(): WhatIfPayees {
    this.result();
    return payeeSnapshot(this.compiled, this.entities, this.results, this.payments.totalsByPayee());
  }

  measureValues(measure: string): Float64Array | null {
    const m = this.compiled.measureIndex.get(measure);
    return m === undefined ? null : (this.phaseOne[m] as PhaseOneColumns).values;
  }

  /** Phase 1 under `compiled` (the submissions read again), then every measure scored. */
  private read(compiled: CompiledRulebook): WhatIfScores {
    const phase1 = evaluateMeasureValues(compiled, { ...this.input, explain: false });
    const M = compiled.measures.length;
    this.compiled = compiled;
    this.entities = phase1.entities;
    this.readIssues = phase1.issues;
    this.results = phase1.values;
    this.phaseOne = compiled.measures.map((_, m) => new PhaseOneColumns(phase1.values, m, M));
    this.valuesKey = valuesKey(compiled);
    this.payments = new PaymentCache(phase1.entities);
    this.scoringKeys = compiled.measures.map(() => '');
    this.summaries = [];
    for (let m = 0; m < M; m++) {
      this.summaries[m] = this.rescore(m);
      this.scoringKeys[m] = scoringKey(compiled, m);
    }
    this.last = { rescored: compiled.measures.map((m) => m.key), reread: true };
    return this.scores();
  }

  private rescore(m: number): WhatIfMeasure {
    const phaseOne = this.phaseOne[m] as PhaseOneColumns;
    return rescoreMeasure(this.compiled, m, phaseOne, this.payments.dirty);
  }

  private scores(): WhatIfScores {
    return { measures: this.summaries.map((s) => ({ ...s })), ...this.last };
  }
}
