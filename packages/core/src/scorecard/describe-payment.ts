import type { CompiledMeasure } from '../measures/compile-measure.ts';
import { type Payment, type PaymentLine, paymentLineKey } from '../payment/payment.ts';
import type { PaymentParams } from '../payment/payment-params.ts';
import type { CompiledRulebook } from '../rulebook/compile-rulebook.ts';
import { PRIMARY_PAYMENT_PART } from '../rulebook/payment-part-schema.ts';
import { formatCount, formatDollars } from './format-dollars.ts';
import { formatValue, measureUnit, shortDecimal } from './measure-unit.ts';
import type { ScorecardLine } from './scorecard.ts';

const num = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);
const rec = (x: unknown): Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Record<string, unknown>) : {};
/** A decimal rate written as a percent: '0.005' -> '0.5%'. */
const percentOf = (rate: string) => `${shortDecimal(Number(rate) * 100)}%`;

/** A payment part: its method's parameters, its name and its details in the payment. */
interface PartView {
  params: PaymentParams;
  name: string | null;
  details: Record<string, unknown>;
}

function partOf(compiled: CompiledRulebook, payment: Payment, part: unknown): PartView {
  if (typeof part === 'string' && part !== PRIMARY_PAYMENT_PART) {
    const found = compiled.paymentParts.find((p) => p.key === part);
    if (found)
      return { params: found.params, name: found.name, details: rec(rec(payment.details.parts)[part]) };
  }
  return { params: compiled.rulebook.payment, name: null, details: payment.details };
}

function measureName(compiled: CompiledRulebook, key: unknown): string {
  const i = typeof key === 'string' ? compiled.measureIndex.get(key) : undefined;
  const m = i === undefined ? undefined : compiled.measures[i];
  return m ? `'${m.spec.name}'` : `'${String(key)}'`;
}

function lineText(compiled: CompiledRulebook, line: PaymentLine, view: PartView): string {
  const d = view.details;
  const p = view.params;
  const money = (x: unknown) => (num(x) === null ? null : formatDollars(num(x) as number));
  switch (line.kind) {
    case 'base': {
      const units = num(d.units);
      const rate = money(d.baseRateCents);
      return units !== null && rate !== null
        ? `Base rate: ${formatCount(units)} units at ${rate}`
        : 'Base rate';
    }
    case 'incentive': {
      if (p.method === 'rate-incentive') {
        const possible = money(d.incentivePotentialCents);
        const units = num(d.units);
        const rate = money(d.incentiveRateCents);
        const of = [
          ...(possible === null ? [] : [`of ${possible} possible`]),
          ...(units !== null && rate !== null ? [`${formatCount(units)} units at ${rate}`] : []),
        ];
        return `Quality incentive earned${of.length > 0 ? ` (${of.join(', ')})` : ''}`;
      }
      if (p.method === 'withhold-earn-back')
        return 'Share of the incentive pool funded by withholds not earned back';
      return 'Incentive';
    }
    case 'capitation':
      return 'Capitation';
    case 'withhold':
      return p.method === 'withhold-earn-back'
        ? `Quality withhold (${percentOf(p.withholdRate)} of capitation)`
        : 'Quality withhold';
    case 'withhold-returned':
      return 'Withhold earned back by meeting quality measures';
    case 'milestone': {
      const label = typeof line.label === 'string' ? ` (${line.label})` : '';
      return `Milestone ${String(line.milestone)}${label} completed`;
    }
    case 'sanction': {
      const i = typeof line.measure === 'string' ? compiled.measureIndex.get(line.measure) : undefined;
      const measure = i === undefined ? undefined : (compiled.measures[i] as CompiledMeasure);
      const unit = measure ? measureUnit(measure) : { kind: 'number' as const };
      const value = num(line.value);
      const floor = num(line.floor);
      const shown = value === null ? 'not reported' : formatValue(unit, value);
      const level = floor === null ? '' : `, minimum performance level ${formatValue(unit, floor)}`;
      return `Sanction: ${measureName(compiled, line.measure)} ${shown}${level}`;
    }
    case 'sanction-cap':
      return 'Sanctions above the maximum, given back';
    case 'assignment': {
      const q = num(line.quantity) ?? num(d.allocated);
      const group = typeof line.group === 'string' ? ` in ${line.group}` : '';
      return q === null ? `Assignment${group}` : `Default members assigned${group}: ${formatCount(q)}`;
    }
    case 'pool-share':
      return 'Share of the pool';
    case 'award':
      return 'Award for being selected';
    default: {
      const words = line.kind.replaceAll('-', ' ');
      return words.charAt(0).toUpperCase() + words.slice(1);
    }
  }
}

/** Each payment line in plain words, with its amount and the part it belongs to. */
export function describeLines(compiled: CompiledRulebook, payment: Payment): ScorecardLine[] {
  return payment.lines.map((line) => {
    const view = partOf(compiled, payment, line.part);
    const text = lineText(compiled, line, view);
    const out: ScorecardLine = {
      lineKey: paymentLineKey(line),
      kind: line.kind,
      amountCents: line.amountCents,
      text: `${view.name ? `${view.name}: ` : ''}${text}: ${formatDollars(line.amountCents)}`,
    };
    if (view.name) out.part = view.name;
    return out;
  });
}

/** What the payment's details say that is not a line: milestone potentials, reinvestment owed. */
export function describeNotes(compiled: CompiledRulebook, payment: Payment): string[] {
  const views: PartView[] = [partOf(compiled, payment, PRIMARY_PAYMENT_PART)];
  for (const part of compiled.paymentParts) views.push(partOf(compiled, payment, part.key));
  const notes: string[] = [];
  for (const v of views) {
    const d = v.details;
    const prefix = v.name ? `${v.name}: ` : '';
    if (v.params.method === 'class-table-milestones' && num(d.potentialCents) !== null) {
      const per = Array.isArray(d.perMilestoneCents) ? (d.perMilestoneCents as number[]) : [];
      const each =
        per.length > 0 && per.every((c) => c === per[0])
          ? `${formatDollars(per[0] as number)} for each of ${formatCount(per.length)} milestones`
          : `${formatCount(per.length)} milestones of ${formatDollars(Math.min(...per))} to ${formatDollars(Math.max(...per))}`;
      notes.push(
        `${prefix}Potential ${formatDollars(num(d.potentialCents) as number)}: ${formatCount(num(d.assignedMembers) ?? 0)} members at ${formatDollars(
          num(d.pmpyCents) ?? 0,
        )} per member per year (class ${String(d.class)}), ${each}.`,
      );
    }
    if (v.params.method === 'rubric-selection' && typeof d.selected === 'boolean') {
      notes.push(
        `${prefix}${d.selected ? 'Selected' : 'Not selected'}: ${formatCount(num(d.totalPoints) ?? 0)} points (${formatCount(
          num(d.basePoints) ?? 0,
        )} base + ${formatCount(num(d.bonusPoints) ?? 0)} bonus), cut-off ${formatCount(num(d.cutoff) ?? 0)}.`,
      );
    }
    if (v.params.method === 'community-reinvestment' && num(d.reinvestmentRequiredCents) !== null) {
      const below = Array.isArray(d.measuresBelowFloor) ? (d.measuresBelowFloor as unknown[]) : [];
      const rate =
        typeof d.reinvestmentRate === 'string' ? Number(d.reinvestmentRate) : num(d.reinvestmentRate);
      const why =
        below.length === 0
          ? 'every measure at or above its minimum performance level'
          : `${formatCount(below.length)} measure${below.length === 1 ? '' : 's'} below the minimum performance level`;
      notes.push(
        `${prefix}Community reinvestment required (an obligation, not a payment): ${formatDollars(
          num(d.reinvestmentRequiredCents) as number,
        )}${rate === null ? '' : ` = ${shortDecimal(rate * 100)}% of net income ${formatDollars(num(d.netIncomeCents) ?? 0)}`}, ${why}.`,
      );
    }
  }
  return notes;
}
