/** One measure's outcome for one entity, as the payment methods see it. */
export interface MeasureOutcome {
  scored: boolean;
  met: boolean | null;
  value: number | null;
  points: number | null;
  maxPoints: number | null;
  weight: number;
  /** Minimum performance level for sanctions (e.g. the national 50th percentile), when the rulebook has one. */
  floor?: number | null;
}

/** Everything a payment method needs about one payee; the rulebook evaluation builds it from measure results. */
export interface EntityOutcome {
  entityId: string;
  /** Payee fields: assignedMembers, milestoneCount, units, rateCents, capitationCents, county, ... */
  attributes: Readonly<Record<string, unknown>>;
  measures: Readonly<Record<string, MeasureOutcome>>;
  /** Composite score 0..1 when the rulebook has scoring; null when nothing was scored. */
  composite: number | null;
  completedMilestones?: readonly { milestone: number; completedOn: string }[];
}

/** One line of a payment; negative amounts are money taken (a withhold, a sanction). */
export interface PaymentLine {
  kind: string;
  amountCents: number;
  /**
   * The obligation the line pays, the same across runs and fiscal years (`incentive`,
   * `milestone:7`, `start-up:milestone:1`). Methods leave it out: paymentLineKey derives it from
   * the line's fields, so lines stored before keys existed have the same key. A method (or a
   * part) that needs another key sets it here.
   */
  key?: string;
  [k: string]: unknown;
}

/**
 * The line's key: its own `key` when set, else kind, then the field that tells its lines of one
 * kind apart (milestone number, group, measure), then a reporting period; a line of an additional
 * payment part starts with the part's key. `{kind: 'milestone', milestone: 7}` -> 'milestone:7';
 * `{kind: 'sanction', measure: 'cis-10'}` -> 'sanction:cis-10'; `{kind: 'milestone', milestone: 1,
 * part: 'start-up'}` -> 'start-up:milestone:1'; `{kind: 'incentive', part: 'primary'}` -> 'incentive'.
 * The one place a key is made.
 */
export function paymentLineKey(line: Readonly<PaymentLine>): string {
  if (typeof line.key === 'string' && line.key !== '') return line.key;
  let key = line.kind;
  if (typeof line.milestone === 'number') key += `:${line.milestone}`;
  else if (typeof line.group === 'string') key += `:${line.group}`;
  else if (typeof line.measure === 'string') key += `:${line.measure}`;
  if (typeof line.period === 'string') key += `:${line.period}`;
  // 'primary' is the rulebook's own payment (PRIMARY_PAYMENT_PART): its lines keep plain keys.
  if (typeof line.part === 'string' && line.part !== 'primary') key = `${line.part}:${key}`;
  return key;
}

/** One step of a payment's explanation. */
export interface TraceStep {
  rule: string;
  inputs?: Record<string, unknown>;
  formula?: string;
  value: unknown;
}

/** A payment to one entity; `lines` always add up to `totalCents`. */
export interface Payment {
  entityId: string;
  totalCents: number;
  lines: PaymentLine[];
  details: Record<string, unknown>;
  /** Present only when computed with explain. */
  trace?: TraceStep[];
}

/** A non-fatal problem; `entityId` is '*' for a problem of the whole population (e.g. money left in a pool). */
export interface PaymentIssue {
  entityId: string;
  code: string;
  message: string;
}

export interface ComputeOptions {
  /** Build a trace for every payment. Off for bulk runs: no trace objects are built at all. */
  explain: boolean;
  /** ISO date: milestones completed after it are not paid yet. Absent = all completed milestones count. */
  asOf?: string;
  /**
   * Only the exact bigint arithmetic, skipping the number fast paths. Results are the same either
   * way (property tests prove it); tests and benchmarks use this to compare the two.
   */
  exactArithmetic?: boolean;
}

export interface PaymentRun {
  payments: Payment[];
  issues: PaymentIssue[];
}

/**
 * A payment method: payments for every entity at once (some methods need the whole population:
 * pool share, share allocation, the withhold pool). `params` are the method's parsed parameters.
 */
export type PaymentMethod<P> = (
  params: P,
  entities: readonly EntityOutcome[],
  opts: ComputeOptions,
) => PaymentRun;

/** Sum of line amounts: the only way totals are made, so lines and total cannot disagree. */
export function sumLines(lines: readonly PaymentLine[]): number {
  let t = 0;
  for (const l of lines) t += l.amountCents;
  return t;
}
