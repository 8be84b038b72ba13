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
const SLICE = 4096;

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
  private readonly ids: string[];
  private byId: Map<string, number> | undefined;

  constructor(outcomes: readonly EntityOutcome[]) {
    this.dirty = new Uint8Array(outcomes.length);
    this.totals = new Float64Array(outcomes.length);
    this.issues = new Array(outcomes.length);
    this.ids = outcomes.map((o) => o.entityId);
  }

  pay(
    params: PaymentParams,
    outcomes: readonly EntityOutcome[],
    opts: ComputeOptions & { repayAll?: boolean },
  ): PaidSummary {
    const { repayAll, ...computeOpts } = opts;
    const key = JSON.stringify(params);
    if (!PER_PAYEE_METHODS.has(params.method)) {
      // The whole population at once, every time.
      this.paramsKey = null;
      this.dirty.fill(0);
      const run = computePayments(params, outcomes, computeOpts);
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
    const all = repayAll || key !== this.paramsKey;
    // Until this pay completes the kept totals are not trustworthy: if it throws (an amount
    // beyond 2^53 cents), the next pay starts over with everyone.
    this.paramsKey = null;
    let changed: number[] = [];
    if (all) changed = Array.from({ length: outcomes.length }, (_, e) => e);
    else for (let e = 0; e < outcomes.length; e++) if (this.dirty[e] === 1) changed.push(e);
    this.dirty.fill(0);
    // In slices: each slice's payment objects die young once their totals are kept, instead of
    // 100k of them surviving into the old generation (the garbage collector set the pace).
    for (let from = 0; from < changed.length; from += SLICE) {
      const slice = changed.slice(from, from + SLICE);
      for (const e of slice) {
        this.totals[e] = Number.NaN;
        this.issues[e] = undefined;
      }
      const run = computePayments(
        params,
        slice.map((e) => outcomes[e] as EntityOutcome),
        computeOpts,
      );
      this.store(slice, outcomes, run.payments, run.issues);
    }
    this.paramsKey = key;
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

  /** Keeps each payment's total and each issue under its payee (payees paid: `slice`, in order). */
  private store(
    slice: readonly number[],
    outcomes: readonly EntityOutcome[],
    payments: readonly { entityId: string; totalCents: number }[],
    issues: readonly PaymentIssue[],
  ): void {
    // Per-payee methods pay in the order given, skipping payees they cannot pay: walk along.
    let j = 0;
    for (const p of payments) {
      while (j < slice.length && outcomes[slice[j] as number]?.entityId !== p.entityId) j++;
      const e = j < slice.length ? (slice[j] as number) : this.indexOf().get(p.entityId);
      if (e !== undefined) this.totals[e] = p.totalCents;
    }
    for (const i of issues) {
      const e = this.indexOf().get(i.entityId);
      if (e === undefined) continue;
      const own = this.issues[e];
      if (own) own.push(i);
      else this.issues[e] = [i];
    }
  }

  private indexOf(): Map<string, number> {
    this.byId ??= new Map(this.ids.map((id, e) => [id, e]));
    return this.byId;
  }
}
