import { COUNTIES } from './california-geography.ts';
import { Prng } from './prng.ts';
import { type ProgramContext, requiredFields } from './program-generator.ts';

export const PLAN_COUNT = 25;
const NAME_SUFFIXES = [
  'Health Plan',
  'Community Health',
  'Care Alliance',
  'Health Partners',
  'Family Health',
];
/** Share of a county's people enrolled in Medi-Cal managed care (rough statewide figure). */
const MEDI_CAL_SHARE = 0.35;

export interface Plan {
  id: string;
  name: string;
  /** Latent quality, standard normal: plans above 0 tend to beat the MPLs. */
  quality: number;
  members: number;
  counties: string[];
}

/** One plan in one county: the MCAS reporting unit. */
export interface PlanCounty {
  plan: Plan;
  county: string;
  members: number;
  /** Members expected to be auto-assigned in the county this year (the same on every plan of it). */
  countyDefaultMembers: number;
}

export interface PlanCoverage {
  plans: Plan[];
  units: PlanCounty[];
}

/**
 * The 25 fictitious plans and the counties they serve. Demo: big counties have many plans, small
 * ones one or two (about 180 plan-county units). California scale: every plan in every county
 * (25 x 58 = 1,450 units), the load the benchmarks need. Same seed, same coverage for QWI and MCAS.
 */
export function planCoverage(ctx: ProgramContext): PlanCoverage {
  const prng = Prng.stream(ctx.seed, 'plans');
  const weights: number[] = [];
  const plans: Plan[] = [];
  for (let i = 1; i <= PLAN_COUNT; i++) {
    const nn = String(i).padStart(2, '0');
    plans.push({
      id: `mcp-${nn}`,
      name: `Sample ${NAME_SUFFIXES[(i - 1) % NAME_SUFFIXES.length]} ${nn}`,
      quality: prng.normal(),
      members: 0,
      counties: [],
    });
    // The last plan is a small local one: its rates often fall below the minimum denominators.
    weights.push(i === PLAN_COUNT ? 0.02 : prng.logNormal(1, 0.8));
  }
  const units: PlanCounty[] = [];
  for (const county of COUNTIES) {
    const chosen =
      ctx.size === 'california'
        ? plans.map((_, i) => i)
        : choosePlans(prng, weights, plansInCounty(prng, county.populationThousands));
    if (ctx.size === 'demo' && county === COUNTIES[COUNTIES.length - 1]) {
      // Every plan serves somewhere: plans no county drew take the smallest county too.
      for (let i = 0; i < plans.length; i++)
        if ((plans[i] as Plan).counties.length === 0 && !chosen.includes(i)) chosen.push(i);
    }
    const countyMembers = county.populationThousands * 1000 * MEDI_CAL_SHARE;
    const shares = chosen.map((i) => (weights[i] as number) * prng.uniform(0.6, 1.4));
    const shareSum = shares.reduce((a, b) => a + b, 0);
    const countyDefaultMembers = Math.max(1, Math.round(countyMembers * prng.uniform(0.01, 0.03)));
    chosen.forEach((i, k) => {
      const plan = plans[i] as Plan;
      const members = Math.max(50, Math.round((countyMembers * (shares[k] as number)) / shareSum));
      plan.members += members;
      plan.counties.push(county.name);
      units.push({ plan, county: county.name, members, countyDefaultMembers });
    });
  }
  return { plans, units };
}

function plansInCounty(prng: Prng, populationThousands: number): number {
  if (populationThousands >= 2000) return prng.int(8, 12);
  if (populationThousands >= 800) return prng.int(4, 6);
  if (populationThousands >= 300) return prng.int(2, 4);
  if (populationThousands >= 60) return prng.int(1, 3);
  return prng.int(1, 2);
}

/** `count` distinct plan indexes, bigger plans more likely. */
function choosePlans(prng: Prng, weights: readonly number[], count: number): number[] {
  const chosen: number[] = [];
  const indexes = weights.map((_, i) => i);
  while (chosen.length < count) {
    const i = prng.weighted(indexes, weights);
    if (!chosen.includes(i)) chosen.push(i);
  }
  return chosen.sort((a, b) => a - b);
}

/** A rate near a benchmark: plan quality moves it in the better direction, plus noise. */
export function rateNear(
  prng: Prng,
  benchmark: number,
  quality: number,
  lowerIsBetter: boolean,
  spread = 0.03,
): number {
  const shift = 0.035 * quality * (lowerIsBetter ? -1 : 1);
  return Math.min(0.99, Math.max(0.01, benchmark + shift + prng.normal(0, spread)));
}

/**
 * A HEDIS rate as both DHCS managed-care programs (MCAS, QWI) generate it: placeholder MPL,
 * direction, and the eligible share of the members.
 */
export interface HedisRate {
  key: string;
  mpl: number;
  lower: boolean;
  eligible: number;
}

const HEDIS_RATES: Readonly<Record<string, Omit<HedisRate, 'key'>>> = {
  'breast-cancer-screening': { mpl: 0.52, lower: false, eligible: 0.04 },
  'cervical-cancer-screening': { mpl: 0.57, lower: false, eligible: 0.12 },
  'childhood-immunizations': { mpl: 0.3, lower: false, eligible: 0.008 },
  'adolescent-immunizations': { mpl: 0.35, lower: false, eligible: 0.012 },
  'lead-screening': { mpl: 0.63, lower: false, eligible: 0.008 },
  'well-child-first-15-months': { mpl: 0.58, lower: false, eligible: 0.006 },
  'well-child-15-to-30-months': { mpl: 0.66, lower: false, eligible: 0.007 },
  'child-adolescent-well-care': { mpl: 0.48, lower: false, eligible: 0.3 },
  'prenatal-care': { mpl: 0.85, lower: false, eligible: 0.012 },
  'postpartum-care': { mpl: 0.78, lower: false, eligible: 0.012 },
  'controlling-blood-pressure': { mpl: 0.6, lower: false, eligible: 0.035 },
  'glycemic-status-above-9': { mpl: 0.38, lower: true, eligible: 0.03 },
  'follow-up-ed-mental-illness': { mpl: 0.54, lower: false, eligible: 0.004 },
  'follow-up-ed-substance-use': { mpl: 0.37, lower: false, eligible: 0.005 },
};

/** A program's HEDIS rates, in the order given, as its measure keys (`prefix` + the rate's name). */
export const hedisRates = (prefix: string, names: readonly string[]): readonly HedisRate[] =>
  names.map((name) => ({ key: `${prefix}${name}`, ...(HEDIS_RATES[name] as Omit<HedisRate, 'key'>) }));

/** A HEDIS rate's data: the measurement year's counts, all required. */
export const HEDIS_COUNTS = requiredFields(['measurementYear', 'numerator', 'denominator']);
