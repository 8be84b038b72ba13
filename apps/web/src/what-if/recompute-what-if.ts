import type { CompiledRulebook, EvaluationIssue, WhatIf, WhatIfMeasure, WhatIfResult } from '@quip/core';
import { type HistogramBin, rateHistogram } from './rate-histogram.ts';

/** One measure's line in the editor: core's what-if counts. */
export type MeasureSummary = WhatIfMeasure;

export interface WhatIfSummary {
  payees: number;
  /** What evaluateProgram pays under the rulebook, every part, to the cent. */
  totalCents: number;
  /** Payees paid more than zero. */
  paidPayees: number;
  measures: MeasureSummary[];
  /** The focused measure's values, binned, with its shared target. */
  histogram: { measure: string; bins: HistogramBin[]; target: number | null } | null;
  /** Non-fatal payment problems (first few), e.g. a member count outside the class table. */
  issues: string[];
  issueCount: number;
  /** Milliseconds spent re-scoring the measures and paying the payees. */
  phaseMs: { score: number; pay: number };
}

type Scored = Pick<WhatIfSummary, 'measures' | 'histogram'>;

/** The focused measure (else the first) binned from the values core computed for it. */
function histogramOf(whatIf: WhatIf, measures: readonly MeasureSummary[], focus: string | undefined) {
  const measure = measures.find((m) => m.measure === focus) ?? measures[0];
  const values = measure ? whatIf.measureValues(measure.measure) : null;
  if (!measure || !values) return null;
  return { measure: measure.measure, bins: rateHistogram(values), target: measure.target };
}

function issueText(issue: EvaluationIssue): string {
  const where = [issue.entityId, issue.part].filter((x) => x !== undefined).join(', ');
  return where ? `${where}: ${issue.message}` : issue.message;
}

/** Core's answer as the panel shows it. */
export function whatIfSummary(
  whatIf: WhatIf,
  result: WhatIfResult,
  focus: string | undefined,
  phaseMs: WhatIfSummary['phaseMs'],
): WhatIfSummary {
  return {
    payees: result.payees,
    totalCents: result.totalCents,
    paidPayees: result.paidPayees,
    measures: result.measures,
    histogram: histogramOf(whatIf, result.measures, focus),
    issues: result.issues.map(issueText),
    issueCount: result.issueCount,
    phaseMs,
  };
}

/**
 * Re-scores and re-pays the what-if under an edited (compiled) rulebook: core's createWhatIf does
 * the work (only the measures whose scoring changed, only the payees whose outcome changed); this
 * only times it and shapes the answer for the panel. `onScored` gets the met counts before paying.
 */
export function recomputeWhatIf(
  whatIf: WhatIf,
  compiled: CompiledRulebook,
  focus?: string,
  onScored?: (scored: Scored) => void,
): WhatIfSummary {
  const started = performance.now();
  const scores = whatIf.edit(compiled);
  const scored = performance.now();
  onScored?.({ measures: scores.measures, histogram: histogramOf(whatIf, scores.measures, focus) });
  const paying = performance.now();
  const result = whatIf.result();
  return whatIfSummary(whatIf, result, focus, { score: scored - started, pay: performance.now() - paying });
}
