import { applyRate } from '../money/cents.ts';
import type { CyclesConfig } from './cycles-schema.ts';
import { isLifetimeKey } from './cycles-schema.ts';

/** One payee's entitlement for one key in the cycle's run (a run line, its key already derived). */
export interface CycleEntitlement {
  entityId: string;
  key: string;
  kind: string;
  amountCents: number;
}

/** What approved cycles paid a payee for a key: in the cycle's fiscal year, and in every year (lifetime keys). */
export interface CycleBalance {
  entityId: string;
  key: string;
  kind: string;
  /** Paid by approved cycles of the cycle's fiscal year. */
  yearPaidCents: number;
  /** Paid by approved cycles of every fiscal year of the program (only asked for lifetime keys). */
  lifetimePaidCents: number;
  /**
   * Approved cycles of the cycle's fiscal year paid this key (default true). A lifetime key paid in
   * other years only has no line unless the run entitles it: that year's run stands for it.
   */
  inYear?: boolean;
}

/** A lifetime key's standing in a fiscal year: what that year's last approved cycle made payable. */
export interface CycleStanding {
  entityId: string;
  key: string;
  payableCents: number;
  /**
   * The standing of the cycle's own fiscal year: not counted as another year's, but the key gets
   * a line even when the run no longer has it (what the year stood for is then given up).
   */
  thisYear?: boolean;
}

export interface CycleLinesInput {
  entitlements: Iterable<CycleEntitlement>;
  /** Balances of the payees and keys approved cycles paid (a key paid in the year, or a lifetime key). */
  balances: Iterable<CycleBalance>;
  /** Lifetime keys only: what each fiscal year's last approved cycle made payable (the most of the others counts). */
  elsewhere?: Iterable<CycleStanding>;
  config: Pick<CyclesConfig, 'interimShare' | 'rounding' | 'recoveries' | 'lifetimeKeys'>;
  /** The run is the official one of its year: the interim share no longer applies. */
  official: boolean;
}

export interface CycleLine {
  entityId: string;
  key: string;
  kind: string;
  /** The key is paid once in the life of the program (paidBefore counts every fiscal year). */
  lifetime: boolean;
  /** What the run entitles (0 when the run no longer has the line). */
  entitledCents: number;
  /** entitled x the interim share (rounded with the rulebook's rounding), or entitled when none applies. */
  payableCents: number;
  /** Lifetime keys: the most another fiscal year's last approved cycle made payable (0 when none). */
  elsewhereCents: number;
  /** Paid by approved cycles before this one (every fiscal year for a lifetime key). */
  paidBeforeCents: number;
  /** recoveries 'offset': the part of a negative amount that waits for later cycles (>= 0). */
  deferredCents: number;
  /** max(payable, elsewhere) - paidBefore + deferred; negative = a recovery. */
  dueCents: number;
}

export interface CycleTotals {
  /** Sum of the positive amounts due. */
  dueCents: number;
  /** Sum of the negative amounts due, as a positive number. */
  recoveredCents: number;
  /** dueCents - recoveredCents: what the cycle pays out, net. */
  netCents: number;
  /** Every line of the cycle, zero amounts included. */
  lines: number;
}

export interface CycleLinesResult {
  lines: CycleLine[];
  totals: CycleTotals;
}

/**
 * The lines of a payment cycle: for every payee and key the run entitles or approved cycles paid,
 * what is due now. payable = entitled x the interim share while the run is not official (rounded
 * once per line, with the rulebook's rounding: 'down' by default, so an interim payment never
 * pays a cent too much), else entitled. A lifetime key (EPT's milestones) is paid once in the
 * program's life: paidBefore counts every fiscal year, and the amount it stands at is the most any
 * year makes payable, so another year's run that lacks the milestone recovers nothing a year before
 * paid. due = that - paidBefore. A negative due is a recovery: its own line ('line'), or
 * ('offset') set against what the payee is due on other keys in the cycle, the rest deferred to
 * later cycles, so no payee's lines add up to less than zero. Keys a run no longer has are
 * entitled 0: what was paid for them in the year is recovered. Lines come sorted by payee and key.
 */
export function computeCycleLines(input: CycleLinesInput): CycleLinesResult {
  const { config } = input;
  const share = !input.official && config.interimShare !== undefined ? config.interimShare : null;
  // A merge of the inputs sorted by payee and key: no map over 100,000 payees' keys.
  const ents = sortedByPair([...input.entitlements]);
  const bals = sortedByPair([...input.balances]);
  const standings = sortedByPair([...(input.elsewhere ?? [])]);
  const lines: CycleLine[] = [];
  let e = 0;
  let b = 0;
  let s = 0;
  for (;;) {
    let head: Pair | undefined = ents[e];
    const bal = bals[b];
    if (bal && (!head || comparePair(bal, head) < 0)) head = bal;
    const st = standings[s];
    if (st && (!head || comparePair(st, head) < 0)) head = st;
    if (!head) break;
    const { entityId, key } = head;
    let entitled = 0;
    let kind: string | null = null;
    while (ents[e] && comparePair(ents[e] as CycleEntitlement, head) === 0) {
      const x = ents[e++] as CycleEntitlement;
      entitled += x.amountCents;
      kind ??= x.kind;
    }
    const inRun = kind !== null;
    let balance: CycleBalance | undefined;
    while (bals[b] && comparePair(bals[b] as CycleBalance, head) === 0) balance = bals[b++];
    let standsThisYear = false;
    let other: number | undefined;
    while (standings[s] && comparePair(standings[s] as CycleStanding, head) === 0) {
      const x = standings[s++] as CycleStanding;
      if (x.thisYear) standsThisYear ||= x.payableCents !== 0;
      else if (other === undefined || x.payableCents > other) other = x.payableCents;
    }
    const paidInYear = balance !== undefined && balance.inYear !== false;
    // A lifetime key only other years paid and this year's run lacks is theirs: no line here.
    if (!inRun && !paidInYear && !standsThisYear) continue;
    const lifetime = isLifetimeKey(config, key);
    const payable = share === null ? entitled : applyRate(entitled, share, config.rounding);
    let target = payable;
    let elsewhereCents = 0;
    if (lifetime && other !== undefined) {
      elsewhereCents = other;
      if (other > target) target = other;
    }
    const paidBefore = balance ? (lifetime ? balance.lifetimePaidCents : balance.yearPaidCents) : 0;
    lines.push({
      entityId,
      key,
      // A key the run no longer has keeps the kind it was paid as.
      kind: kind ?? balance?.kind ?? (key.split(':')[0] as string),
      lifetime,
      entitledCents: entitled,
      payableCents: payable,
      elsewhereCents,
      paidBeforeCents: paidBefore,
      deferredCents: 0,
      dueCents: target - paidBefore,
    });
  }
  if (config.recoveries === 'offset') offsetRecoveries(lines);
  return { lines, totals: cycleTotals(lines) };
}

/**
 * Per payee (lines sorted by payee): the negative dues, in key order, take from the positive dues'
 * sum until it is used up; the rest of each is deferred. Afterwards every payee's dues add up to
 * zero or more.
 */
function offsetRecoveries(lines: CycleLine[]): void {
  for (let start = 0; start < lines.length; ) {
    let end = start;
    let available = 0;
    while (
      end < lines.length &&
      (lines[end] as CycleLine).entityId === (lines[start] as CycleLine).entityId
    ) {
      const due = (lines[end] as CycleLine).dueCents;
      if (due > 0) available += due;
      end++;
    }
    for (let i = start; i < end; i++) {
      const line = lines[i] as CycleLine;
      if (line.dueCents >= 0) continue;
      const taken = Math.min(-line.dueCents, available);
      available -= taken;
      line.deferredCents = -line.dueCents - taken;
      line.dueCents = -taken;
    }
    start = end;
  }
}

export function cycleTotals(lines: readonly Pick<CycleLine, 'dueCents'>[]): CycleTotals {
  let due = 0;
  let recovered = 0;
  for (const l of lines) {
    if (l.dueCents > 0) due += l.dueCents;
    else recovered -= l.dueCents;
  }
  return { dueCents: due, recoveredCents: recovered, netCents: due - recovered, lines: lines.length };
}

type Pair = { entityId: string; key: string };

function comparePair(a: Pair, b: Pair): number {
  return compare(a.entityId, b.entityId) || compare(a.key, b.key);
}

function sortedByPair<T extends Pair>(items: T[]): T[] {
  return items.sort(comparePair);
}

/** Code-unit order (as PostgreSQL's "C" collation), the same on every machine. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
