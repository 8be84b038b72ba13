import type { Entity } from '@quip/core';
import { allocateExactly } from './allocate-exactly.ts';
import { REGIONAL_CENTERS, type RegionalCenter } from './california-geography.ts';
import { Prng } from './prng.ts';
import type { ProgramContext } from './program-generator.ts';
import { drawDiligence } from './submission-timing.ts';

export const RESIDENTIAL_CODES = ['096', '109', '113', '904', '905', '910', '915', '920'] as const;
export const EMPLOYMENT_CODES = ['950', '952'] as const;
/** Fictitious stand-ins for the many other service codes (day programs, transport, behavior, ...). */
const OTHER_CODES = [
  '055',
  '062',
  '505',
  '510',
  '515',
  '520',
  '605',
  '612',
  '615',
  '645',
  '665',
  '680',
  '875',
  '880',
  '882',
];
const TRIP_CODES = new Set(['875', '880', '882']);
const DAY_CODES = new Set(['505', '510', '515', '520']);

export type DdsCategory = 'residential' | 'employment' | 'other';

/** A payee and what the generator knows about it beyond its fields. */
export interface DdsPayee {
  entity: Entity;
  index: number;
  category: DdsCategory;
  independent: boolean;
  /** People living in a residential home (0 elsewhere). */
  residents: number;
  /** A home for children (ages 5-17): its residents are due the well-child visit. */
  childrenHome: boolean;
  diligence: number;
  center: RegionalCenter;
}

/** 100,000 payees and 450,000 residents at California scale; about 300 payees in the demo. */
export const CALIFORNIA_PAYEES = 100_000;
export const CALIFORNIA_PEOPLE = 450_000;
const DEMO_PAYEES = 300;
const CATEGORY_SHARES = { residential: 0.35, employment: 0.12, other: 0.53 };

export function ddsPayeeCount(ctx: ProgramContext): number {
  return ctx.size === 'demo' ? DEMO_PAYEES : Math.round(CALIFORNIA_PAYEES * ctx.scale);
}

/** Vendors with 1-3 service codes each, until the payee count is reached. */
export function generateDdsPayees(ctx: ProgramContext): DdsPayee[] {
  const prng = Prng.stream(ctx.seed, 'dds-qip', 'payees');
  const target = ddsPayeeCount(ctx);
  const payees: DdsPayee[] = [];
  const rawResidents: number[] = [];
  const centerWeights = REGIONAL_CENTERS.map((c) => c.weight);
  const categories: DdsCategory[] = ['residential', 'employment', 'other'];
  const categoryWeights = categories.map((c) => CATEGORY_SHARES[c]);
  for (let vendor = 1; payees.length < target; vendor++) {
    const category = prng.weighted(categories, categoryWeights);
    const center = prng.weighted(REGIONAL_CENTERS, centerWeights);
    const pool =
      category === 'residential'
        ? RESIDENTIAL_CODES
        : category === 'employment'
          ? EMPLOYMENT_CODES
          : OTHER_CODES;
    const codeCount = Math.min(pool.length, prng.weighted([1, 2, 3], [70, 22, 8]));
    const codes = prng.sample(pool, codeCount).sort();
    const independent = category !== 'residential' && prng.chance(category === 'employment' ? 0.1 : 0.25);
    const diligence = drawDiligence(prng);
    const vendorNumber = `${category === 'residential' ? 'HR' : 'PV'}-${String(vendor).padStart(6, '0')}`;
    const name = vendorName(category, codes[0] as string, vendor);
    for (const code of codes) {
      if (payees.length >= target) break;
      const childrenHome = category === 'residential' && prng.chance(0.08);
      const residents = category === 'residential' ? drawHomeSize(prng, childrenHome) : 0;
      const entity = ddsEntity(prng, { vendorNumber, name, code, category, center, residents });
      payees.push({
        entity,
        index: payees.length,
        category,
        independent,
        residents,
        childrenHome,
        diligence,
        center,
      });
      rawResidents.push(residents);
    }
  }
  if (ctx.size === 'california')
    settleResidents(payees, rawResidents, Math.round(CALIFORNIA_PEOPLE * ctx.scale));
  return payees;
}

/** Makes the residents add up to exactly the promised people, and the billed months follow. */
function settleResidents(payees: DdsPayee[], raw: number[], people: number): void {
  const homes = payees.filter((p) => p.category === 'residential');
  const sizes = allocateExactly(
    homes.map((p) => raw[p.index] as number),
    people,
  );
  homes.forEach((p, k) => {
    const residents = sizes[k] as number;
    const occupancy = (p.entity.units as number) / Math.max(1, p.residents * 12);
    p.residents = residents;
    p.entity.units = Math.max(1, Math.round(residents * 12 * occupancy));
  });
}

/** Mostly 4-6 bed homes, some mid-size, a few large facilities: mean about 13 residents. */
function drawHomeSize(prng: Prng, childrenHome: boolean): number {
  if (childrenHome) return prng.int(3, 8);
  const r = prng.next();
  if (r < 0.6) return prng.int(4, 6);
  if (r < 0.9) return Math.max(7, Math.round(prng.logNormal(14, 0.35)));
  return Math.max(16, Math.round(prng.logNormal(50, 0.5)));
}

function vendorName(category: DdsCategory, code: string, vendor: number): string {
  const n = String(vendor).padStart(5, '0');
  if (category === 'residential') return `Sample Care Homes ${n}`;
  if (category === 'employment') return `Sample Supported Employment ${n}`;
  if (TRIP_CODES.has(code)) return `Sample Transportation ${n}`;
  if (DAY_CODES.has(code)) return `Sample Day Services ${n}`;
  return `Sample Community Services ${n}`;
}

interface EntityParts {
  vendorNumber: string;
  name: string;
  code: string;
  category: DdsCategory;
  center: RegionalCenter;
  residents: number;
}

function ddsEntity(prng: Prng, p: EntityParts): Entity {
  let rateCents: number;
  let units: number;
  let unitType: string;
  if (p.category === 'residential') {
    rateCents = Math.round(prng.logNormal(650_000, 0.35));
    units = Math.max(1, Math.round(p.residents * 12 * prng.uniform(0.85, 1)));
    unitType = 'month';
  } else if (p.category === 'employment' || !(TRIP_CODES.has(p.code) || DAY_CODES.has(p.code))) {
    rateCents = Math.round(prng.logNormal(p.category === 'employment' ? 5200 : 6000, 0.2));
    // Hours: one payee in ten bills half hours, so the base and incentive need rounding.
    units = Math.max(10, Math.round(prng.logNormal(6000, 0.8))) + (prng.chance(0.1) ? 0.5 : 0);
    unitType = 'hour';
  } else if (TRIP_CODES.has(p.code)) {
    rateCents = Math.round(prng.logNormal(3500, 0.3));
    units = Math.max(10, Math.round(prng.logNormal(3000, 0.9)));
    unitType = 'trip';
  } else {
    rateCents = Math.round(prng.logNormal(12_000, 0.3));
    units = Math.max(10, Math.round(prng.logNormal(2500, 0.8)));
    unitType = 'day';
  }
  const entity: Entity = {
    id: `${p.vendorNumber}-${p.code}`,
    name: p.name,
    vendorNumber: p.vendorNumber,
    serviceCode: p.code,
    regionalCenter: p.center.code,
    rateCents,
    units,
  };
  if (prng.chance(0.95)) entity.unitType = unitType;
  return entity;
}
