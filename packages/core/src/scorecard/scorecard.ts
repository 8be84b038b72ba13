import type { ReceivedBatch } from './received-records.ts';

export type { ReceivedBatch } from './received-records.ts';

/** Which results a scorecard shows: a run's stage, or 'standing' for one computed now and stored nowhere. */
export type ScorecardStage = 'draft' | 'preliminary' | 'final' | 'standing' | (string & {});

/** One measure of a payee's scorecard (review and correction), plus plain-words extras. */
export interface ScorecardMeasure {
  measure: string;
  name: string;
  applies: boolean;
  /** When the records are due (the measure's, or that of the measure whose records it reads). */
  dueDate?: string;
  /** What is asked for, in plain words: the fields each record holds (required ones named) and how many records. */
  required?: string;
  /** The payee's current records, by day received. */
  received: ReceivedBatch[];
  value?: number;
  /** The value as the program shows it ('62.5%', '12.3 per 1,000', '2 milestones'). */
  valueText?: string;
  numerator?: number;
  denominator?: number;
  target?: number;
  /** Where the target came from and its value ('50th percentile of 31 peers = 62.5%'). */
  targetText?: string;
  /** Minimum performance level (sanctions), when the measure has one. */
  floor?: number;
  met?: boolean;
  points?: number;
  maxPoints?: number;
  weight: number;
  /** What meeting this measure would have added to the payment, when it is not met and it would. */
  addedCents?: number;
  /** Everything above in sentences, for a letter to the payee. */
  explanation: string;
}

/** One payment line in plain words. */
export interface ScorecardLine {
  /** The line's key (paymentLineKey): the same across runs, what a review request names. */
  lineKey: string;
  kind: string;
  amountCents: number;
  /** The part of the payment the line belongs to, by name, for rulebooks with several parts. */
  part?: string;
  text: string;
}

/** What meeting one measure would have added. */
export interface ScorecardRest {
  measure: string;
  name: string;
  addedCents: number;
  text: string;
}

export interface ScorecardPayment {
  /** What the payee is paid (negative: owes, e.g. sanctions). */
  totalCents: number;
  /** What it would have been paid with every measure that applies met; absent when it cannot be known. */
  potentialCents?: number;
  /** potentialCents - totalCents, when potential is known. */
  forgoneCents?: number;
  lines: ScorecardLine[];
  /** Measure by measure, what would have earned the rest. */
  rest: ScorecardRest[];
  /** Obligations and facts that are not money paid (community reinvestment, assignment shares). */
  notes: string[];
  explanation: string;
}

/** A payee's scorecard: GET /api/v1/runs/{id}/scorecards/{entityId} and the live standing. */
export interface Scorecard {
  entityId: string;
  name: string;
  run: { id: number | null; asOf: string; stage: ScorecardStage };
  measures: ScorecardMeasure[];
  payment: ScorecardPayment;
}
