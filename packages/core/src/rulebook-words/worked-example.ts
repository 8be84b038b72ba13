import { formatCount, formatDollars } from '../scorecard/format-dollars.ts';
import { tidy } from './measure-unit.ts';

type Raw = Record<string, unknown>;
const isRecord = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): number => (typeof v === 'number' ? v : Number.NaN);
const cents = (v: unknown) => (typeof v === 'number' ? formatDollars(v) : '?');
/** A fraction as a percent to two decimals: 1/6 -> '16.67%'. */
const share = (v: unknown) => `${Number((Number(v) * 100).toFixed(2))}%`;
/** A count or a score as people read it: 1000 -> '1,000', 0.7142857 -> '0.7143'. */
const count = (v: unknown) =>
  typeof v !== 'number'
    ? String(v)
    : Number.isInteger(v)
      ? formatCount(v)
      : tidy(Number(v.toFixed(4))).toLocaleString('en-US', { maximumFractionDigits: 4 });
/** Money with fractions of a cent, for an exact share before it is rounded: 18181818.1818 -> '$181,818.1818'. */
const exactDollars = (c: number) => {
  const hundredths = Math.round(Math.abs(c) * 100);
  const fraction = hundredths % 100;
  const whole = formatDollars(((hundredths - fraction) / 100) * Math.sign(c));
  return fraction === 0 ? whole : `${whole}${String(fraction).padStart(2, '0')}`;
};

interface Line {
  kind: string;
  amountCents: number;
  raw: Raw;
}
const linesOf = (lines: readonly unknown[]): Line[] =>
  lines.filter(isRecord).map((l) => ({ kind: String(l.kind), amountCents: num(l.amountCents), raw: l }));

const LINE_WORDS: Record<string, string> = {
  base: 'base',
  incentive: 'incentive',
  capitation: 'capitation',
  withhold: 'withhold',
  'withhold-returned': 'earned back',
  milestone: 'milestone',
  assignment: 'assignment',
  'pool-share': 'share of the pool',
  award: 'award',
  sanction: 'sanction',
  'sanction-cap': 'above the cap, given back',
};

/**
 * The last step: the payment lines added up to the amount paid, equal lines counted once
 * ("Paid: 3 x milestone $1,234.57 + 2 x milestone $1,234.56 = $6,172.83.").
 */
function paidStep(lines: readonly Line[], nothing: string): string {
  if (lines.length === 0) return `Paid: $0.00 (${nothing}).`;
  const terms: { label: string; amount: number; times: number }[] = [];
  for (const l of lines) {
    const label = LINE_WORDS[l.kind] ?? l.kind;
    const same = terms.find((t) => t.label === label && t.amount === l.amountCents);
    if (same) same.times += 1;
    else terms.push({ label, amount: l.amountCents, times: 1 });
  }
  const total = lines.reduce((t, l) => t + l.amountCents, 0);
  if (terms.length === 1 && terms[0]?.times === 1) return `Paid: ${terms[0].label} ${cents(total)}.`;
  const text = terms
    .map((t, i) => {
      const sign = t.amount < 0 ? (i === 0 ? '-' : ' - ') : i === 0 ? '' : ' + ';
      return `${sign}${t.times > 1 ? `${t.times} x ` : ''}${t.label} ${cents(Math.abs(t.amount))}`;
    })
    .join('');
  return `Paid: ${text} = ${cents(total)}.`;
}

/**
 * The arithmetic of one payee's payment in a run, step by step, from the payment's details (the
 * part's own: a primary payment's top-level details, an additional part's details.parts[key]) and
 * the part's lines; the last step adds the lines up to the amount paid, to the cent. The amounts
 * a step rounds (a share of a pool, a withhold) show the exact value and the cents paid.
 */
export function workedExample(method: unknown, details: unknown, lines: readonly unknown[]): string[] {
  const d = isRecord(details) ? details : {};
  const paid = linesOf(lines);
  const steps = METHOD_STEPS[String(method)];
  return steps ? steps(d, paid) : [];
}

type Steps = (d: Raw, lines: Line[]) => string[];

const METHOD_STEPS: Record<string, Steps> = {
  'rate-incentive': (d, lines) => [
    `Rate ${cents(d.rateCents)} = base rate ${cents(d.baseRateCents)} + incentive rate ${cents(d.incentiveRateCents)}.`,
    `Base: ${count(d.units)} units x ${cents(d.baseRateCents)} = ${cents(d.baseCents)}.`,
    `Incentive: ${count(d.units)} units x ${cents(d.incentiveRateCents)} = ${cents(d.incentivePotentialCents)} potential x earned ${share(d.earnedFraction)} = ${cents(d.incentiveEarnedCents)}.`,
    paidStep(lines, 'no lines'),
  ],
  'class-table-milestones': (d, lines) => {
    const per = Array.isArray(d.perMilestoneCents) ? d.perMilestoneCents : [];
    return [
      `${count(d.assignedMembers)} members fall in class ${String(d.class)} at ${cents(d.pmpyCents)}: potential ${count(d.assignedMembers)} x ${cents(d.pmpyCents)} = ${cents(d.potentialCents)}.`,
      `${cents(d.potentialCents)} / ${String(d.milestoneCount)} milestones = ${cents(per[per.length - 1])} each${per[0] !== per[per.length - 1] ? ` (${cents(per[0])} for the first ones)` : ''}.`,
      `${String(d.milestonesPaid)} milestone(s) completed; ${cents(d.remainingCents)} of the potential remains.`,
      paidStep(lines, 'no milestone completed yet'),
    ];
  },
  'withhold-earn-back': (d, lines) => [
    `Capitation ${cents(d.capitationCents)}, of which ${cents(d.withholdCents)} is withheld.`,
    `Earned back: ${cents(d.withholdCents)} x earned ${share(d.earnedFraction)} = ${cents(d.earnedBackCents)}; ${cents(d.unearnedCents)} not earned goes to the pool.`,
    !lines.some((l) => l.kind === 'incentive')
      ? 'What is not earned back is kept: there is no incentive pool.'
      : d.eligibleForIncentive === true
        ? `Incentive from the unearned pool of ${cents(d.poolCents)}: ${cents(d.incentiveCents)} (the total stays within ${cents(d.capLimitCents)}).`
        : `Not eligible for the incentive pool: ${cents(d.incentiveCents)}.`,
    paidStep(lines, 'no lines'),
  ],
  'pool-share': (d, lines) => {
    const weight = num(d.weight);
    if (!(weight > 0))
      return [
        d.score === null
          ? `Not scored: no share of the ${cents(d.poolCents)} pool.`
          : `Score ${count(d.score)}${d.size === null ? '' : ` x size ${count(d.size)}`}: weight 0, no share of the ${cents(d.poolCents)} pool (a zero score, or one below the minimum, gets none).`,
        paidStep(lines, 'no share'),
      ];
    const shareOfPool = num(d.shareOfPool);
    const exact = num(d.poolCents) * shareOfPool;
    return [
      `Weight: score ${count(d.score)}${d.size === 1 || d.size === null ? '' : ` x size ${count(d.size)}`} = ${count(weight)}.`,
      `Share: ${count(weight)} / all weights ${count(tidy(weight / shareOfPool))} = ${share(shareOfPool)} of the pool.`,
      `${cents(d.poolCents)} x ${share(shareOfPool)} = ${exactDollars(exact)}, in whole cents by largest remainder.`,
      paidStep(lines, 'no share'),
    ];
  },
  'share-allocation': (d, lines) => {
    const line = lines[0];
    const inCents = line !== undefined && line.raw.quantity === undefined;
    const quantity = num(d.groupQuantity);
    const of = (n: unknown) => (inCents ? cents(n) : `${count(n)} members`);
    const exact = quantity * num(d.share);
    return [
      d.performanceBased === true
        ? `Group ${String(d.group)}: ${of(quantity)} shared among ${count(d.entitiesInGroup)} payees, part evenly and part by score; score ${count(d.score)} gives this payee ${share(d.share)}.`
        : `Group ${String(d.group)}: ${of(quantity)} shared evenly among ${count(d.entitiesInGroup)} payee(s): ${share(d.share)} each.`,
      `${of(quantity)} x ${share(d.share)} = ${inCents ? exactDollars(exact) : count(tidy(Number(exact.toFixed(2))))}, in whole ${inCents ? 'cents' : 'members'} by largest remainder: ${of(d.allocated)}.`,
      inCents || line === undefined
        ? paidStep(lines, 'no allocation')
        : line.amountCents === 0
          ? `Paid: $0.00 (${count(d.allocated)} members are assigned, not paid for).`
          : `Paid: ${count(d.allocated)} members at ${exactDollars(line.amountCents / num(d.allocated))} each, to the cent = ${cents(line.amountCents)}.`,
    ];
  },
  'fixed-milestone-schedule': (d, lines) => {
    const steps = [
      lines.length === 0
        ? 'No milestone of the schedule completed.'
        : `Completed: ${lines
            .map((l) => {
              const scheduled =
                typeof l.raw.scheduledCents === 'number' ? l.raw.scheduledCents : l.amountCents;
              return `${l.raw.label === undefined ? `milestone ${String(l.raw.milestone)}` : `${String(l.raw.label)} (milestone ${String(l.raw.milestone)})`} on ${String(l.raw.completedOn)}, scheduled ${cents(scheduled)}`;
            })
            .join('; ')}.`,
    ];
    const pool = d.poolCents;
    const claimed = num(d.poolClaimedCents);
    if (typeof pool === 'number') {
      if (claimed <= pool)
        steps.push(
          `All claims together, ${cents(claimed)}, fit in the ${cents(pool)} pool: paid as scheduled.`,
        );
      else steps.push(...overPool(pool, claimed, lines));
    }
    steps.push(paidStep(lines, 'no milestone completed'));
    return steps;
  },
  'rubric-selection': (d, lines) => {
    if (typeof d.basePoints !== 'number')
      return ['No base points: not ranked and not selected.', paidStep(lines, 'not selected')];
    const bonuses = Array.isArray(d.bonuses) ? d.bonuses.filter(isRecord) : [];
    const total = count(d.totalPoints);
    const cutoff = count(d.cutoff);
    return [
      `Points: base ${count(d.basePoints)}${bonuses.map((b) => ` + ${String(b.label ?? b.attribute)} ${count(b.points)}`).join('')}${bonuses.length === 0 ? ' (no bonus)' : ''} = ${total}.`,
      d.selected === true
        ? `${total} >= cutoff ${cutoff}: selected (rank ${String(d.rank)}).`
        : typeof d.rank === 'number'
          ? `${total} >= cutoff ${cutoff}, but rank ${d.rank} is beyond the number selected: not selected.`
          : `${total} < cutoff ${cutoff}: not selected.`,
      paidStep(lines, d.selected === true ? 'selection only: no award' : 'not selected'),
    ];
  },
  sanctions: (d, lines) => {
    const sanctioned = lines.filter((l) => l.kind === 'sanction');
    if (sanctioned.length === 0)
      return ['Every counted measure meets its floor: no sanction.', paidStep(lines, 'no sanction')];
    const steps = sanctioned.map((l) => {
      const value = l.raw.value;
      const floor = count(l.raw.floor);
      const why =
        typeof value !== 'number'
          ? `not scored, counted below its floor ${floor}`
          : value < num(l.raw.floor)
            ? `${count(value)} below its floor ${floor}`
            : `${count(value)} above its floor ${floor} (lower is better)`;
      return `${String(l.raw.measure)}: ${why}: sanction ${cents(-l.amountCents)}.`;
    });
    const cap = lines.find((l) => l.kind === 'sanction-cap');
    if (cap)
      steps.push(
        `Sanctions of ${cents(d.grossSanctionCents)} are above the cap of ${cents(d.maxSanctionCents)}: ${cents(d.grossSanctionCents)} - ${cents(d.maxSanctionCents)} = ${cents(cap.amountCents)} given back.`,
      );
    steps.push(paidStep(lines, 'no sanction'));
    return steps;
  },
  'community-reinvestment': (d, lines) => {
    const below = Array.isArray(d.measuresBelowFloor) ? d.measuresBelowFloor.map(String) : [];
    const rate = `${tidy(Number(d.reinvestmentRate) * 100)}%`;
    return [
      below.length > 0
        ? `${below.length} measure(s) below the floor (${below.join(', ')}): the rate is ${rate}.`
        : `Every counted measure meets its floor: the rate is ${rate}.`,
      num(d.netIncomeCents) > 0
        ? `Net income ${cents(d.netIncomeCents)} x ${rate} = ${cents(d.reinvestmentRequiredCents)} to reinvest.`
        : `Net income ${cents(d.netIncomeCents)} is not above zero: nothing to reinvest.`,
      paidStep(lines, 'an obligation to reinvest, not a payment'),
    ];
  },
};

/** Claims beyond a schedule's pool: scaled down pro rata, or paid by completion date until it ran out. */
function overPool(pool: number, claimed: number, lines: readonly Line[]): string[] {
  const scaled = lines.map((l) => {
    const scheduled = typeof l.raw.scheduledCents === 'number' ? l.raw.scheduledCents : l.amountCents;
    return { scheduled, exact: (scheduled * pool) / claimed, paid: l.amountCents };
  });
  const proRata = scaled.every((s) => Math.abs(s.paid - s.exact) < 1);
  const head = `All claims together, ${cents(claimed)}, exceed the ${cents(pool)} pool`;
  if (lines.length === 0) return [`${head}.`];
  if (proRata)
    return [
      `${head}: each claim is scaled down, in whole cents by largest remainder: ${scaled
        .map(
          (s) =>
            `${cents(s.scheduled)} x ${cents(pool)} / ${cents(claimed)} = ${exactDollars(s.exact)} -> ${cents(s.paid)}`,
        )
        .join('; ')}.`,
    ];
  return [
    `${head}: claims are paid by completion date until it runs out: ${scaled.map((s) => `${cents(s.paid)} of ${cents(s.scheduled)}`).join('; ')}.`,
  ];
}
