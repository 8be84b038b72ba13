import type { CompiledMeasure } from '../measures/compile-measure.ts';
import type { MeasureResult } from '../measures/measure-result.ts';
import type { CompiledRulebook } from '../rulebook/compile-rulebook.ts';
import { describeTarget } from './describe-target.ts';
import { formatCount, formatDollars } from './format-dollars.ts';
import { formatValue, measureUnit } from './measure-unit.ts';
import type { ReceivedBatch } from './received-records.ts';
import type { ScorecardMeasure } from './scorecard.ts';

export interface MeasureFacts {
  /** The payee's current records of the measure, by day received. */
  received: ReceivedBatch[];
  /** How many payees' values the measure's population percentiles were taken over, when known. */
  peers?: number | undefined;
  /** What meeting the measure would have added to the payment (only when it would). */
  addedCents?: number | undefined;
  /** Milestones the payment knows for the payee and the measure has not completed. */
  missingMilestones?: readonly number[];
}

const plural = (n: number, noun: string) => `${formatCount(n)} ${noun}${n === 1 ? '' : 's'}`;
const quote = (name: string) => `'${name}'`;
/** 'a', 'a and b', 'a, b and c'. */
const listWords = (words: readonly string[]) =>
  words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;

/** The due date of a measure's records: its own, else that of the measure whose records it reads. */
export function dueDateOf(compiled: CompiledRulebook, measure: CompiledMeasure): string | null {
  if (measure.compute.kind === 'reporting') return measure.compute.dueDate;
  const owner = compiled.measures.find((m) => m.key === measure.dataKey);
  return owner && owner !== measure && owner.compute.kind === 'reporting' ? owner.compute.dueDate : null;
}

function requiredText(compiled: CompiledRulebook, measure: CompiledMeasure): string | undefined {
  const c = measure.compute;
  const owner = compiled.measures.find((m) => m.key === measure.dataKey);
  if (owner && owner !== measure) return `Computed from the records sent for ${quote(owner.spec.name)}.`;
  if (measure.fields.length === 0) return undefined;
  const required = measure.fields.filter((f) => f.spec.required === true).map((f) => f.name);
  const optional = measure.fields.filter((f) => f.spec.required !== true).map((f) => f.name);
  const records =
    c.kind === 'milestone'
      ? 'One record per completed milestone'
      : c.kind === 'reporting' && c.minRecords > 1
        ? `At least ${c.minRecords} records`
        : measure.recordKey.length > 0
          ? `One record per ${measure.recordKey.join(' and ')}`
          : 'One record';
  let text = `${records}, with ${required.length > 0 ? required.join(', ') : 'no required field'}`;
  if (optional.length > 0) text += ` (optional: ${optional.join(', ')})`;
  return `${text}.`;
}

function receivedText(received: readonly ReceivedBatch[], dueDate: string | null): string {
  const total = received.reduce((n, b) => n + b.records, 0);
  if (total === 0) return dueDate ? `Nothing received (due ${dueDate}).` : 'Nothing received.';
  const timing = (b: ReceivedBatch) => (b.onTime === null ? '' : b.onTime ? ' (on time)' : ' (late)');
  const days = received.map((b) => `${plural(b.records, 'record')} on ${b.receivedOn}${timing(b)}`);
  const due = dueDate ? ` Due ${dueDate}.` : '';
  const findings = received.flatMap((b) => b.findings);
  const found =
    findings.length === 0
      ? ''
      : ` ${plural(findings.length, 'finding')}: ${[...new Set(findings)].join('; ')}.`;
  return `Received ${days.join(', ')}.${due}${found}`;
}

function reportingText(r: MeasureResult): { parts: string; failed: string[] } {
  const rep = r.reporting;
  if (!rep) return { parts: '', failed: [] };
  const shown: string[] = [];
  const failed: string[] = [];
  const part = (ok: boolean | null, yes: string, no: string) => {
    if (ok === null) return;
    shown.push(ok ? yes : no);
    if (!ok) failed.push(no);
  };
  if (r.records === 0) return { parts: 'No records.', failed: ['nothing was received'] };
  part(rep.timely, 'on time', 'late');
  part(rep.complete, 'complete', 'incomplete');
  part(rep.accurate, 'accurate', 'inaccurate');
  return { parts: shown.length === 0 ? '' : `The records are ${listWords(shown)}.`, failed };
}

/** One measure of the scorecard, in numbers and in sentences. */
export function describeMeasure(
  compiled: CompiledRulebook,
  m: number,
  r: MeasureResult,
  facts: MeasureFacts,
): ScorecardMeasure {
  const measure = compiled.measures[m] as CompiledMeasure;
  const unit = measureUnit(measure);
  const dueDate = dueDateOf(compiled, measure);
  const out: ScorecardMeasure = {
    measure: measure.key,
    name: measure.spec.name,
    applies: r.status !== 'not-applicable',
    received: facts.received,
    weight: r.weight,
  } as ScorecardMeasure;
  if (dueDate !== null) out.dueDate = dueDate;
  if (!out.applies) {
    out.explanation = 'Does not apply to this payee.';
    return out;
  }
  const required = requiredText(compiled, measure);
  if (required) out.required = required;
  const sentences: string[] = [];
  if (required) sentences.push(required);
  if (measure.dataKey === measure.key) sentences.push(receivedText(facts.received, dueDate));

  if (r.value !== null) {
    out.value = r.value;
    out.valueText = formatValue(unit, r.value);
  }
  if (r.numerator !== null) out.numerator = r.numerator;
  if (r.denominator !== null) out.denominator = r.denominator;
  if (r.target !== null) out.target = r.target;
  if (r.floor !== null) out.floor = r.floor;
  if (r.met !== null) out.met = r.met;
  if (r.points !== null) out.points = r.points;
  if (r.maxPoints !== null) out.maxPoints = r.maxPoints;

  const c = measure.compute;
  const reporting = c.kind === 'reporting' ? reportingText(r) : null;
  if (reporting?.parts) {
    sentences.push(reporting.parts);
    out.valueText = reporting.parts.replace(/^The records are /, '').replace(/\.$/, '');
  } else if (reporting) out.valueText = 'nothing received';
  if (c.kind === 'milestone') {
    const done = (r.milestones ?? []).map((x) => `${x.milestone} (${x.completedOn})`);
    sentences.push(
      done.length === 0
        ? 'No milestone completed.'
        : `${plural(done.length, 'milestone')} completed: ${done.join(', ')}.`,
    );
    if (facts.missingMilestones && facts.missingMilestones.length > 0)
      sentences.push(`Not yet completed: ${facts.missingMilestones.join(', ')}.`);
  } else if (r.status === 'scored' && r.value !== null && c.kind !== 'reporting') {
    let text = `Value ${out.valueText}`;
    if (r.numerator !== null && r.denominator !== null)
      text += ` (${formatCount(r.numerator)} of ${formatCount(r.denominator)})`;
    const excluded = Object.entries(r.exclusions ?? {}).filter(([, n]) => n > 0);
    if (excluded.length > 0)
      text += `; left out of the count: ${excluded.map(([why, n]) => `${formatCount(n)} ${why}`).join(', ')}`;
    sentences.push(`${text}.`);
  }

  if (r.status === 'not-scored') {
    sentences.push(`Not scored: ${r.reason ?? 'no value'}. It does not count toward the payment.`);
  } else {
    const spec = measure.spec.target;
    let targetText: string | undefined;
    if (spec && r.target !== null) {
      targetText = describeTarget(spec, r.target, unit, { peers: facts.peers, baseline: r.baseline });
      out.targetText = targetText;
      sentences.push(`Target: ${targetText}.`);
    }
    if (r.met === true) sentences.push('Met.');
    else if (r.met === false)
      sentences.push(`Not met: ${whyNotMet(measure, r, reporting?.failed ?? [], unit)}.`);
    if (measure.spec.floor && r.floor !== null) {
      const floorText = describeTarget(measure.spec.floor, r.floor, unit, {
        peers: facts.peers,
        baseline: r.baseline,
      });
      const lower = measure.spec.floor.direction === 'lower';
      const below = r.value === null || (lower ? r.value > r.floor : r.value < r.floor);
      sentences.push(`Minimum performance level: ${floorText}; ${below ? 'not reached' : 'reached'}.`);
    }
  }
  if (r.points !== null && r.maxPoints !== null)
    sentences.push(`Points: ${formatCount(r.points)} of ${formatCount(r.maxPoints)}.`);
  sentences.push(`Weight ${formatCount(r.weight)}.`);
  if (facts.addedCents !== undefined && facts.addedCents !== 0) {
    out.addedCents = facts.addedCents;
    const verb = c.kind === 'milestone' ? 'Completing the remaining milestones' : 'Meeting it';
    sentences.push(
      `${verb} would have ${facts.addedCents > 0 ? 'added' : 'taken'} ${formatDollars(Math.abs(facts.addedCents))} ${
        facts.addedCents > 0 ? 'to' : 'from'
      } the payment.`,
    );
  }
  out.explanation = sentences.join(' ');
  return out;
}

function whyNotMet(
  measure: CompiledMeasure,
  r: MeasureResult,
  failed: readonly string[],
  unit: ReturnType<typeof measureUnit>,
): string {
  if (measure.compute.kind === 'reporting')
    return failed.includes('nothing was received')
      ? 'nothing was received'
      : `the records were ${failed.length > 0 ? listWords(failed) : 'not enough'}`;
  if (measure.compute.kind === 'milestone')
    return `${plural(r.value ?? 0, 'milestone')} completed, at least ${measure.compute.minCompleted} needed`;
  if (r.missed && r.missed.withoutReason > 0)
    return `${formatCount(r.missed.withoutReason)} miss${r.missed.withoutReason === 1 ? '' : 'es'} without the required reason`;
  if (r.value === null) return r.reason ?? 'no value';
  if (r.target !== null) {
    const lower = measure.spec.target?.direction === 'lower';
    return `${formatValue(unit, r.value)} is ${lower ? 'above' : 'below'} the target ${formatValue(unit, r.target)}`;
  }
  return 'the value does not meet the measure';
}
