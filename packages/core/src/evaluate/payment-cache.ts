import type { Entity } from '../measures/applies-to.ts';
import type { MeasureResult } from '../measures/measure-result.ts';
import type { PaymentParams } from '../payment/payment-params.ts';
import type { CompiledRulebook } from '../rulebook/compile-rulebook.ts';
import type { EvaluationIssue } from './evaluation-issue.ts';
import { payEntities } from './pay-entities.ts';

/**
 * Whether a payment method pays each payee from its own outcome and attributes alone, so that
 * paying a few payees gives each of them what paying everyone would. Pools, shares, rankings, a
 * withhold pool and a capped schedule divide money across the population: they are not.
 */
export function paysEachPayeeAlone(params: PaymentParams): boolean {
  switch (params.method) {
    case 'rate-incentive':
    case 'class-table-milestones':
    case 'sanctions':
    case 'community-reinvestment':
      return true;
    case 'fixed-milestone-schedule':
      return params.pool === undefined;
    case 'withhold-earn-back':
    case 'share-allocation':
    case 'pool-share':
    case 'rubric-selection':
      return false;
  }
}

/** The payments of a what-if, summed. */
export interface PaidTotals {
  totalCents: number;
  /** Payees paid more than zero. */
  paidPayees: number;
  /** Payment issues: population-wide ones first, then by payee order; the first `firstIssues`. */
  issues: EvaluationIssue[];
  issueCount: number;
  /** Payees paid again by this call. */
  repaid: number;
}

/** Payees paid per payEntities call when every method pays each payee alone. */
const SLICE = 1024;

/**
 * Each payee's payment total and issues between what-if edits, paid by core's payEntities (the
 * rulebook's payment and every additionalPayments part, merged). When the primary method and
 * every part pay each payee alone and the payment inputs (`key`) are unchanged, only the payees
 * marked `dirty` (an outcome of theirs changed) are paid again; the others keep what they were
 * paid, which is exactly what paying them again would give. Otherwise everyone is paid.
 */
export class PaymentCache {
  /** Set by the re-scoring for each payee (by position) whose measure outcomes changed. */
  readonly dirty: Uint8Array;
  private key: string | null = null;
  private readonly totals: Float64Array;
  private readonly payeeIssues: (EvaluationIssue[] | undefined)[];
  private populationIssues: EvaluationIssue[] = [];
  private readonly index: Map<string, number>;

  constructor(private readonly entities: readonly Entity[]) {
    const E = entities.length;
    this.dirty = new Uint8Array(E);
    this.totals = new Float64Array(E);
    this.payeeIssues = new Array(E);
    this.index = new Map(entities.map((e, i) => [e.id, i]));
  }

  /** Each payee's payment total in cents (by position), as of the last `pay`: a copy. */
  totalsByPayee(): Float64Array {
    return this.totals.slice();
  }

  /** Forget every payment: the next `pay` pays everyone. */
  invalidate(): void {
    this.key = null;
  }

  /**
   * Pays (again) under `compiled` with the entity-major scored `results`; `key` names the payment
   * inputs other than the outcomes (parameters, parts, composites): a new key pays everyone.
   */
  pay(
    compiled: CompiledRulebook,
    results: readonly MeasureResult[],
    asOf: string,
    key: string,
    firstIssues = 5,
  ): PaidTotals {
    const E = this.entities.length;
    const M = compiled.measures.length;
    const alone =
      paysEachPayeeAlone(compiled.rulebook.payment) &&
      compiled.paymentParts.every((part) => paysEachPayeeAlone(part.params));
    const all = !alone || key !== this.key;
    // Until this pay completes the kept totals are not trustworthy: a throw pays everyone next time.
    this.key = null;
    let repaid = 0;
    if (!alone) {
      const issues: EvaluationIssue[] = [];
      const payments = payEntities(compiled, this.entities, results, asOf, false, issues);
      this.totals.fill(0);
      this.payeeIssues.fill(undefined);
      this.populationIssues = [];
      this.store(null, payments, issues);
      repaid = E;
    } else {
      const chosen: number[] = [];
      for (let e = 0; e < E; e++) if (all || this.dirty[e] === 1) chosen.push(e);
      if (all) this.populationIssues = [];
      // In slices: each slice's payment objects die young once their totals are kept, rather than
      // 100k of them surviving into the old generation (the garbage collector would set the pace).
      for (let from = 0; from < chosen.length; from += SLICE) {
        const slice = chosen.slice(from, from + SLICE);
        const entities = new Array<Entity>(slice.length);
        const rows = new Array<MeasureResult>(slice.length * M);
        for (let i = 0; i < slice.length; i++) {
          const e = slice[i] as number;
          entities[i] = this.entities[e] as Entity;
          this.totals[e] = 0;
          this.payeeIssues[e] = undefined;
          for (let m = 0; m < M; m++) rows[i * M + m] = results[e * M + m] as MeasureResult;
        }
        const issues: EvaluationIssue[] = [];
        this.store(slice, payEntities(compiled, entities, rows, asOf, false, issues), issues);
      }
      repaid = chosen.length;
    }
    this.dirty.fill(0);
    this.key = key;
    return this.sum(firstIssues, repaid);
  }

  /** Keeps each payment's total and each issue under its payee; `paid`: the positions paid, in order. */
  private store(
    paid: ArrayLike<number> | null,
    payments: readonly { entityId: string; totalCents: number }[],
    issues: EvaluationIssue[],
  ) {
    // Payments mostly come in the order of the payees given: look there first, then up the id.
    const n = paid ? paid.length : this.entities.length;
    let j = 0;
    for (const p of payments) {
      let e: number | undefined;
      if (j < n) {
        const at = paid ? (paid[j] as number) : j;
        if (this.entities[at]?.id === p.entityId) e = at;
      }
      if (e === undefined) e = this.index.get(p.entityId);
      else j++;
      if (e !== undefined) this.totals[e] = p.totalCents;
    }
    for (const issue of issues) {
      const e = issue.entityId === undefined ? undefined : this.index.get(issue.entityId);
      if (e === undefined) {
        this.populationIssues.push(issue);
        continue;
      }
      const own = this.payeeIssues[e];
      if (own) own.push(issue);
      else this.payeeIssues[e] = [issue];
    }
  }

  private sum(firstIssues: number, repaid: number): PaidTotals {
    let totalCents = 0;
    let paidPayees = 0;
    const issues = this.populationIssues.slice(0, firstIssues);
    let issueCount = this.populationIssues.length;
    for (let e = 0; e < this.totals.length; e++) {
      const t = this.totals[e] as number;
      totalCents += t;
      if (t > 0) paidPayees++;
      const own = this.payeeIssues[e];
      if (!own) continue;
      issueCount += own.length;
      for (const issue of own) if (issues.length < firstIssues) issues.push(issue);
    }
    return { totalCents, paidPayees, issues, issueCount, repaid };
  }
}
