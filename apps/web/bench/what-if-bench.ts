/**
 * What-if recompute time for 100k payees: a DDS-QIP-like rulebook (6 reporting measures and 6
 * performance measures with peer-percentile targets, rate incentive), a basis of generated
 * per-payee values, then the target of one measure edited and everything re-scored and re-paid,
 * as the rulebook editor does on each keystroke (in its Web Worker). Prints the median of 15 rounds.
 * Run: node --import tsx apps/web/bench/what-if-bench.ts [payees]
 */
import { validateRulebook } from '@quip/core';
import { recomputeWhatIf } from '../src/what-if/recompute-what-if.ts';
import { NOT_APPLICABLE, SCORED, type WhatIfBasis } from '../src/what-if/what-if-basis.ts';

const E = Number(process.argv[2] ?? 100_000);
const reporting = Array.from({ length: 6 }, (_, i) => ({
  key: `report-${i}`,
  name: `Report ${i}`,
  domain: 'workforce',
  kind: 'reporting',
  weight: i === 0 ? 2 : 1,
  compute: { kind: 'reporting', timely: { dueDate: '2027-03-31' } },
}));
const performance = Array.from({ length: 6 }, (_, i) => ({
  key: `share-${i}`,
  name: `Share ${i}`,
  domain: 'employment',
  kind: 'performance',
  appliesTo: "serviceCode in ['950', '952']",
  fields: { n: { type: 'number' }, d: { type: 'number' } },
  compute: { kind: 'rate-counts', numeratorField: 'n', denominatorField: 'd' },
  target: { kind: 'peer-percentile', percentile: 50 },
  weight: 1,
}));
const json = {
  schemaVersion: 1,
  program: 'bench-qip',
  fiscalYear: '2026-27',
  payee: {
    kind: 'provider',
    fields: { serviceCode: { type: 'string' }, units: { type: 'number' }, rateCents: { type: 'number' } },
  },
  measures: [...reporting, ...performance],
  payment: { method: 'rate-incentive', incentiveShare: '0.1', earning: 'weighted-met' },
};

let seed = 42;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};
const M = json.measures.length;
const entities = Array.from({ length: E }, (_, e) => ({
  id: `P${e}`,
  serviceCode: e % 3 === 0 ? '950' : '096',
  units: 100 + (e % 500),
  rateCents: 2500 + (e % 40) * 100,
}));
const basis: WhatIfBasis = {
  entities,
  measures: json.measures.map((m) => m.key),
  computeJson: json.measures.map((m) => JSON.stringify(m.compute)),
  status: json.measures.map((m) =>
    Uint8Array.from(entities, (p) =>
      m.kind === 'performance' && p.serviceCode !== '950' ? NOT_APPLICABLE : SCORED,
    ),
  ),
  value: json.measures.map(() => Float64Array.from(entities, () => random())),
  baseline: json.measures.map(() => new Float64Array(E).fill(Number.NaN)),
  computedMet: json.measures.map((m) =>
    Int8Array.from(entities, () => (m.kind === 'reporting' ? (random() < 0.8 ? 1 : 0) : -1)),
  ),
  missingReason: json.measures.map(() => new Uint8Array(E)),
  milestones: new Array(E),
  asOf: '2027-06-30',
};

const times: number[] = [];
const validateTimes: number[] = [];
const scoreTimes: number[] = [];
const payTimes: number[] = [];
let checksum = 0;
for (let round = 0; round < 15; round++) {
  // Each round edits a target, as a slider drag would: 50th, 51st, ... percentile.
  const edited = structuredClone(json);
  (edited.measures[6] as { target: { percentile: number } }).target.percentile = 50 + round;
  const started = performance_now();
  const v = validateRulebook(edited);
  validateTimes.push(performance_now() - started);
  if (!v.ok) throw new Error(JSON.stringify(v.issues));
  const summary = recomputeWhatIf(basis, v.rulebook, 'share-0');
  scoreTimes.push(summary.phaseMs.score);
  payTimes.push(summary.phaseMs.pay);
  times.push(performance_now() - started);
  checksum = summary.totalCents;
}
times.sort((a, b) => a - b);
validateTimes.sort((a, b) => a - b);
scoreTimes.sort((a, b) => a - b);
payTimes.sort((a, b) => a - b);
const mid = (xs: number[]) => (xs[Math.floor(xs.length / 2)] as number).toFixed(0);
const median = times[Math.floor(times.length / 2)] as number;
const validateMedian = validateTimes[Math.floor(validateTimes.length / 2)] as number;
console.log(
  `what-if: ${E.toLocaleString('en-US')} payees x ${M} measures, validate + re-score + pay: median ${median.toFixed(0)} ms (validate ${validateMedian.toFixed(0)} ms, re-score ${mid(scoreTimes)} ms, pay ${mid(payTimes)} ms) (min ${times[0]?.toFixed(0)}, max ${times[times.length - 1]?.toFixed(0)}); last total ${checksum} cents`,
);

function performance_now(): number {
  return globalThis.performance.now();
}
