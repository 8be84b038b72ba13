import {
  type ComputeOptions,
  computePayments,
  type EntityOutcome,
  type PaymentIssue,
  type PaymentParams,
} from '@quip/core';

/**
 * Methods that pay each payee from its own outcome and attributes alone. Under them a payee whose
 * outcome did not change since the last what-if keeps its payment. The others (pools, shares,
 * rankings, a withhold pool, a capped schedule) need the whole population every time.
 */
const PER_PAYEE_METHODS: ReadonlySet<string> = new Set([
  'rate-incentive',
  'class-table-milestones',
  'sanctions',
  'community-reinvestment',
]);

export interface PaidSummary {
  totalCents: number;
  /** Payees paid more than zero. */
  paidPayees: number;
  /** The first few issues, in payee order. */
  issues: PaymentIssue[];
  issueCount: number;
}

const FIRST_ISSUES = 5;

/**
 * The payments of one what-if basis between edits: each payee's total and issues. A keystroke
 * that moves one target changes the outcome of a few payees only, so with a per-payee method and
 * unchanged payment parameters only the payees marked `dirty` are paid again; the rest keep what
 * they were paid, which is exactly what paying them again would give (same method, same inputs).
 */
export class PaymentCache {
  /** Set by the re-scoring for each payee whose outcome (a measure's fields, the composite) changed. */
  readonly dirty: Uint8Array;
  private paramsKey: string | null = null;
  private readonly totals: Float64Array;
  private readonly issues: (PaymentIssue[] | undefined)[];
  private readonly indexOf: Map<string, number>;

  constructor(outcomes: readonly EntityOutcome[]) {
    this.dirty = new Uint8Array(outcomes.length);
    this.totals = new Float64Array(outcomes.length);
    this.issues = new Array(outcomes.length);
    this.indexOf = new Map(outcomes.map((o, e) => [o.entityId, e]));
  }

  pay(
    params: PaymentParams,
    outcomes: readonly EntityOutcome[],
    opts: ComputeOptions & { repayAll?: boolean },
  ): PaidSummary {
    const { repayAll, ...computeOpts } = opts;
    const key = JSON.stringify(params);
    const perPayee = PER_PAYEE_METHODS.has(params.method);
    if (repayAll || !perPayee || key !== this.paramsKey) {
      const run = computePayments(params, outcomes, computeOpts);
      this.dirty.fill(0);
      this.paramsKey = perPayee ? key : null;
      if (perPayee) {
        this.totals.fill(Number.NaN);
        this.issues.fill(undefined);
        this.store(run.payments, run.issues);
      }
      let totalCents = 0;
      let paidPayees = 0;
      for (const p of run.payments) {
        totalCents += p.totalCents;
        if (p.totalCents > 0) paidPayees++;
      }
      return {
        totalCents,
        paidPayees,
        issues: run.issues.slice(0, FIRST_ISSUES),
        issueCount: run.issues.length,
      };
    }
    const changed: EntityOutcome[] = [];
    for (let e = 0; e < outcomes.length; e++) {
      if (this.dirty[e] !== 1) continue;
      changed.push(outcomes[e] as EntityOutcome);
      this.totals[e] = Number.NaN;
      this.issues[e] = undefined;
    }
    this.dirty.fill(0);
    if (changed.length > 0) {
      const run = computePayments(params, changed, computeOpts);
      this.store(run.payments, run.issues);
    }
    // The same sums in the same (payee) order as over a full run.
    let totalCents = 0;
    let paidPayees = 0;
    let issueCount = 0;
    const issues: PaymentIssue[] = [];
    for (let e = 0; e < outcomes.length; e++) {
      const t = this.totals[e] as number;
      if (!Number.isNaN(t)) {
        totalCents += t;
        if (t > 0) paidPayees++;
      }
      const own = this.issues[e];
      if (!own) continue;
      issueCount += own.length;
      for (const i of own) if (issues.length < FIRST_ISSUES) issues.push(i);
    }
    return { totalCents, paidPayees, issues, issueCount };
  }

  private store(
    payments: readonly { entityId: string; totalCents: number }[],
    issues: readonly PaymentIssue[],
  ): void {
    for (const p of payments) {
      const e = this.indexOf.get(p.entityId);
      if (e !== undefined) this.totals[e] = p.totalCents;
    }
    for (const i of issues) {
      const e = this.indexOf.get(i.entityId);
      if (e === undefined) continue;
      const own = this.issues[e];
      if (own) own.push(i);
      else this.issues[e] = [i];
    }
  }
}
