import { dollarsToCents } from '../money/cents.ts';
import { formatDollars } from '../scorecard/format-dollars.ts';
import { tidy } from './measure-unit.ts';

export { workedExample } from './worked-example.ts';

type Raw = Record<string, unknown>;
const isRecord = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const pct = (v: unknown, fallback: string) => `${tidy(Number(v ?? fallback) * 100)}%`;
const usd = (v: unknown) => {
  try {
    return formatDollars(dollarsToCents(String(v)));
  } catch {
    return String(v);
  }
};
const counted = (measures: unknown) =>
  Array.isArray(measures) ? `the measures ${measures.join(', ')}` : 'every measure of the payee';

const EARNING: Record<string, string> = {
  'all-met': 'all of it when every scored measure is met, else none',
  'share-met': 'the share of scored measures that are met',
  'weighted-met': 'the weight of the met measures over the weight of the scored ones',
  composite: 'the composite score (0 to 1)',
};
const earningWords = (p: Raw) => EARNING[String(p.earning ?? 'weighted-met')] ?? String(p.earning);

/**
 * A payment method's formula in words, with this rulebook's parameter values in it, as the
 * methods in core's payment/*.ts compute it (their doc comments and payment/README.md). One
 * sentence per step.
 */
export function paymentFormula(params: unknown): string[] {
  const p = isRecord(params) ? params : {};
  switch (p.method) {
    case 'rate-incentive':
      return [
        `Per unit, the incentive rate is ${pct(p.incentiveShare, '0.1')} of the payee's rate (${String(p.rateAttribute ?? 'rateCents')}), rounded to the cent; the base rate is the rest.`,
        `Base = units (${String(p.unitsAttribute ?? 'units')}) x base rate, always paid.`,
        `Incentive = units x incentive rate x the earned fraction: ${earningWords(p)}, over ${counted(p.measures)}.`,
      ];
    case 'withhold-earn-back':
      return [
        `The withhold is ${pct(p.withholdRate, '0.005')} of the payee's capitation (${String(p.capitationAttribute ?? 'capitationCents')}).`,
        `Given back = withhold x the earned fraction: ${earningWords(p)}, over ${counted(p.measures)}.`,
        isRecord(p.incentivePool)
          ? `What is not earned back goes to an incentive pool shared by ${String(p.incentivePool.distribute ?? 'capitation')} among the payees meeting ${Array.isArray(p.incentivePool.eligibleMeasures) ? p.incentivePool.eligibleMeasures.join(', ') : 'the eligible measures'}; nobody is paid above capitation x ${pct(p.capRate, '1.05')}.`
          : 'What is not earned back is kept.',
      ];
    case 'class-table-milestones': {
      const rows = Array.isArray(p.classes) ? p.classes.filter(isRecord) : [];
      const first = rows[0];
      return [
        `Potential = assigned members (${String(p.membersAttribute ?? 'assignedMembers')}) x the PMPY of the class whose member range holds that count (${rows.length} classes${first ? `, from class ${String(first.class)}: ${String(first.membersFrom)}-${String(first.membersTo)} members at ${usd(first.pmpy)}` : ''}).`,
        `Each milestone is worth potential / the payee's milestone count (${String(p.milestoneCountAttribute ?? 'milestoneCount')}${Array.isArray(p.milestoneCounts) ? `, one of ${p.milestoneCounts.join(' or ')}` : ''}); leftover cents go to the first milestones.`,
        'Each completed milestone is paid its part. A member count in no class is paid nothing.',
      ];
    }
    case 'share-allocation':
      return [
        `Per ${String(p.groupAttribute ?? 'county')}, the group's quantity is split among its payees: ${pct(p.baseShare, '0')} evenly and the rest by ${String(p.score ?? 'composite')} score${p.minScore !== undefined ? ` (score at least ${String(p.minScore)})` : ''}.`,
        `A group with fewer than ${String(p.minEntities ?? 2)} payees is split evenly.`,
        p.unit === 'cents'
          ? 'The quantity is money, in cents.'
          : `Each member assigned is worth ${String(p.centsPerUnit ?? '0')} cents.`,
      ];
    case 'fixed-milestone-schedule': {
      const schedule = Array.isArray(p.schedule) ? p.schedule.filter(isRecord) : [];
      return [
        `Each completed milestone pays its scheduled amount: ${schedule.map((s) => `${String(s.label ?? `milestone ${String(s.milestone)}`)} ${usd(s.amount)}`).join(', ')}.`,
        isRecord(p.pool)
          ? `The pool of ${usd(p.pool.amount)} caps the total; claims beyond it are ${p.pool.overflow === 'first-come' ? 'paid by completion date until it runs out' : 'scaled down pro rata'}.`
          : 'There is no pool: every completed milestone is paid in full.',
      ];
    }
    case 'pool-share':
      return [
        `The pool of ${usd(p.pool)} is shared pro rata to ${String(p.score ?? 'composite')} score${p.sizeAttribute ? ` x ${String(p.sizeAttribute)}` : ''}.`,
        `A payee not scored${p.minScore !== undefined ? ` or scoring below ${String(p.minScore)}` : ''} gets nothing.`,
      ];
    case 'rubric-selection':
      return [
        `Points = ${p.pointsAttribute ? `the payee's ${String(p.pointsAttribute)}` : `composite score x ${String(p.maxBasePoints ?? 90)}`} plus bonuses (${(Array.isArray(p.bonuses) ? p.bonuses.filter(isRecord) : []).map((b) => `${String(b.label ?? b.attribute)} +${String(b.points)}`).join(', ') || 'none'}).`,
        `Payees with at least ${String(p.cutoff)} points are selected${p.maxSelected !== undefined ? ` (the top ${String(p.maxSelected)})` : ''}; each selected payee is awarded ${usd(p.award ?? '0')}.`,
      ];
    case 'sanctions':
      return [
        `Each ${Array.isArray(p.measures) ? `of ${p.measures.join(', ')}` : 'measure'} below its floor (above it when lower is better) is sanctioned: ${sanctionWords(p.amount)}.`,
        p.maxAmount !== undefined
          ? `The total sanction is at most ${usd(p.maxAmount)}.`
          : 'There is no cap on the total.',
      ];
    case 'community-reinvestment':
      return [
        `Required reinvestment = net income (${String(p.netIncomeAttribute ?? 'netIncomeCents')}) x ${pct(p.rateFloorsMet, '0.075')} when every counted measure meets its floor, else x ${pct(p.rateBelowFloor, '0.15')}.`,
        'It is an obligation, not money paid: 0 when net income is 0 or less.',
      ];
    default:
      return [`Payment method ${String(p.method)}.`];
  }
}

function sanctionWords(amount: unknown): string {
  if (!isRecord(amount)) return 'an amount';
  if (amount.kind === 'per-measure') return `${usd(amount.amount)} per measure`;
  if (amount.kind === 'per-member')
    return `${usd(amount.rate)} per member (${String(amount.attribute ?? 'enrolledMembers')})`;
  if (amount.kind === 'tiered') return 'by tier (the more measures below, the more per measure)';
  return String(amount.kind);
}
