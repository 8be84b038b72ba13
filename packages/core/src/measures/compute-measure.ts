import type { CompiledCompute, CompiledMeasure } from './compile-measure.ts';
import type { ComputeKind, MeasureContext, RecordSlice } from './measure-context.ts';
import type { MeasureResult } from './measure-result.ts';
import { computeMilestones } from './milestone-measure.ts';
import { computeRateCounts } from './rate-counts-measure.ts';
import { computeRateRecords } from './rate-records-measure.ts';
import { computeReporting } from './reporting-measure.ts';
import { computeValue } from './value-measure.ts';

/** Each kind's computation by its name: the table type ties every kind to its own compute spec. */
const COMPUTATIONS: { [K in CompiledCompute['kind']]: ComputeKind<K> } = {
  reporting: computeReporting,
  'rate-records': computeRateRecords,
  'rate-counts': computeRateCounts,
  value: computeValue,
  milestone: computeMilestones,
};

/**
 * The entity-level part of a measure: value, numerator, denominator and (for reporting and
 * milestone measures) met, from the entity's current records. Targets and points come later,
 * once the whole population is known. With no records, reporting and milestone measures still
 * compute (not reporting fails them); the others are not scored, or not met when the measure
 * says `noData: 'not-met'`.
 */
export function computeMeasure(
  measure: CompiledMeasure,
  slice: RecordSlice,
  ctx: MeasureContext,
  result: MeasureResult,
): void {
  const kind = measure.compute.kind;
  if (ctx.explain && slice.flagged > 0) {
    result.addTrace({
      rule: 'records-left-out',
      inputs: { records: slice.flagged },
      value: 'incomplete or inaccurate (the reporting findings): not read by this measure',
    });
  }
  if (slice.end === slice.start && kind !== 'reporting' && kind !== 'milestone') {
    const reason =
      slice.flagged > 0
        ? `no complete and accurate record (${slice.flagged} with findings)`
        : 'no data submitted';
    if (measure.noData === 'not-met') {
      result.reason = reason;
      result.met = false;
    } else result.notScored(reason);
    if (ctx.explain) result.addTrace({ rule: 'records', inputs: { records: 0 }, value: result.reason });
    return;
  }
  // The table's type pairs each kind with its own compute spec; TypeScript cannot follow that through the lookup.
  (COMPUTATIONS[kind] as ComputeKind<typeof kind>)(measure, measure.compute, slice, ctx, result);
  if (ctx.explain) explainValue(measure, result);
}

function explainValue(measure: CompiledMeasure, r: MeasureResult): void {
  const c = measure.compute;
  switch (c.kind) {
    case 'reporting':
      r.addTrace({
        rule: 'reporting',
        inputs: { records: r.records, dueDate: c.dueDate, ...r.reporting },
        formula: 'parts passed / parts checked; met when every checked part passed',
        value: r.value,
      });
      break;
    case 'rate-records':
    case 'rate-counts':
      r.addTrace({
        rule: c.kind,
        inputs: {
          records: r.records,
          numerator: r.numerator,
          denominator: r.denominator,
          per: c.per,
          minDenominator: measure.minDenominator,
          ...(r.exclusions ? { exclusions: r.exclusions } : {}),
          ...(r.missed ? { missed: r.missed } : {}),
        },
        formula: c.per === 1 ? 'numerator / denominator' : `numerator / denominator x ${c.per}`,
        value: r.status === 'scored' ? r.value : r.reason,
      });
      break;
    case 'value':
      r.addTrace({
        rule: 'value',
        inputs: { records: r.records, aggregate: c.aggregate },
        formula: c.formula ? c.formula.source : (c.field ?? ''),
        value: r.status === 'scored' ? r.value : r.reason,
      });
      break;
    case 'milestone':
      r.addTrace({
        rule: 'milestones',
        inputs: { records: r.records, by: c.by, minCompleted: c.minCompleted, completed: r.milestones },
        formula: 'count of milestones completed on or before min(by, asOf)',
        value: r.value,
      });
      break;
  }
}
