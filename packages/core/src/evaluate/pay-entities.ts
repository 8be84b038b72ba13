import type { Entity } from '../measures/applies-to.ts';
import type { MeasureResult } from '../measures/measure-result.ts';
import type { CompiledRulebook } from '../rulebook/compile-rulebook.ts';
import type { EvaluationIssue } from './evaluation-issue.ts';

// Stand-in until the payment module lands.
export interface ProgramPayment {
  entityId: string;
  totalCents: number;
  lines: { kind: string; amountCents: number }[];
  details: Record<string, unknown>;
}

export function payEntities(
  _compiled: CompiledRulebook,
  _entities: readonly Entity[],
  _results: readonly MeasureResult[],
  _explain: boolean,
  _issues: EvaluationIssue[],
): ProgramPayment[] {
  return [];
}
