/**
 * What-if recompute time for 100k payees: a DDS-QIP-like rulebook (6 reporting measures and 6
 * performance measures with peer-percentile targets, rate incentive), a basis of generated
 * per-payee values, then the target of one measure edited and everything re-scored and re-paid,
 * as the rulebook editor does on each keystroke (in its Web Worker). Prints the median and the
 * fastest of 15 rounds, with CPU time and the load average, since the machine may be shared.
 * Run: node --import tsx apps/web/bench/what-if-bench.ts [payees] [--compare]
 * (--compare also repays every payee, with the number fast path and bigint-only, in the same rounds.)
 */
import { readFileSync } from 'node:fs';
import { validateRulebook } from '@quip/core';
import { recomputeWhatIf } from '../src/what-if/recompute-what-if.ts';
import { NOT_APPLICABLE, SCORED, type WhatIfBasis } from '../src/what-if/what-if-basis.ts';

const E = Number(process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 100_000);
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

interface Round {
  total: number;
  validate: number;
  score: number;
  pay: number;
  cpu: number;
}
/**
 * keystroke: what the editor does on an edit (fast arithmetic; only the edited measure is
 * re-scored and only payees whose outcome changed are paid again). repay-all: every measure
 * re-scored and every payee paid again (the first what-if of a basis). repay-all-bigint: the same
 * with core's bigint-only arithmetic (the payment code before the fast path).
 */
type Mode = 'keystroke' | 'repay-all' | 'repay-all-bigint';
const compare = process.argv.includes('--compare');
const ROUNDS = 15;
const modes: Mode[] = compare ? ['keystroke', 'repay-all', 'repay-all-bigint'] : ['keystroke'];
const rounds: Record<Mode, Round[]> = { keystroke: [], 'repay-all': [], 'repay-all-bigint': [] };
const checksums: Record<Mode, number[]> = { keystroke: [], 'repay-all': [], 'repay-all-bigint': [] };
const load = () => readLoadAverage();
const loadBefore = load();
for (let round = 0; round < ROUNDS; round++) {
  // Each round edits a target, as a slider drag would: 50th, 51st, ... percentile. The keystroke
  // comes first (it sees the change from the last round); with --compare the two repay-all modes
  // follow on the same edit, in alternating order, so their ratio does not depend on the load.
  const order = modes.length === 3 && round % 2 ? [modes[0], modes[2], modes[1]] : modes;
  for (const mode of order as Mode[]) {
    const edited = structuredClone(json);
    (edited.measures[6] as { target: { percentile: number } }).target.percentile = 50 + round;
    const cpu = process.cpuUsage();
    const started = performance_now();
    const v = validateRulebook(edited);
    const validated = performance_now() - started;
    if (!v.ok) throw new Error(JSON.stringify(v.issues));
    const summary = recomputeWhatIf(basis, v.rulebook, 'share-0', undefined, {
      exactArithmetic: mode === 'repay-all-bigint',
      full: mode !== 'keystroke',
    });
    const total = performance_now() - started;
    const used = process.cpuUsage(cpu);
    rounds[mode].push({
      total,
      validate: validated,
      score: summary.phaseMs.score,
      pay: summary.phaseMs.pay,
      cpu: (used.user + used.system) / 1000,
    });
    checksums[mode].push(summary.totalCents);
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const describe = (rs: Round[]) => {
  const of = (k: keyof Round) => median(rs.map((r) => r[k])).toFixed(0);
  const totals = rs.map((r) => r.total);
  return `median ${of('total')} ms (validate ${of('validate')}, re-score ${of('score')}, pay ${of('pay')}; cpu ${of('cpu')} ms), fastest ${Math.min(...totals).toFixed(0)} ms, slowest ${Math.max(...totals).toFixed(0)} ms`;
};
console.log(
  `what-if: ${E.toLocaleString('en-US')} payees x ${M} measures, ${ROUNDS} rounds, load average ${loadBefore} -> ${load()}`,
);
for (const mode of modes)
  console.log(
    `  ${mode}: validate + re-score + pay: ${describe(rounds[mode])}; last total ${checksums[mode].at(-1)} cents`,
  );
if (compare) {
  const ratio = (a: Mode, b: Mode, k: 'total' | 'pay' | 'cpu') =>
    (median(rounds[a].map((r) => r[k])) / median(rounds[b].map((r) => r[k]))).toFixed(2);
  console.log(
    `  repay-all-bigint / repay-all: total x${ratio('repay-all-bigint', 'repay-all', 'total')}, pay x${ratio('repay-all-bigint', 'repay-all', 'pay')}, cpu x${ratio('repay-all-bigint', 'repay-all', 'cpu')}`,
  );
  console.log(
    `  repay-all-bigint / keystroke: total x${ratio('repay-all-bigint', 'keystroke', 'total')}, cpu x${ratio('repay-all-bigint', 'keystroke', 'cpu')}`,
  );
  // Every round, every mode must pay the same total to the cent.
  for (let round = 0; round < ROUNDS; round++) {
    const paid = modes.map((mode) => checksums[mode][round]);
    if (new Set(paid).size !== 1) throw new Error(`round ${round}: the modes paid ${paid.join(' / ')} cents`);
  }
  console.log(`  every round paid the same total in every mode (${ROUNDS} rounds)`);
}

function performance_now(): number {
  return globalThis.performance.now();
}

function readLoadAverage(): string {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return 'n/a';
  }
}
