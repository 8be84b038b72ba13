/**
 * What-if recompute time for 100k payees through core's createWhatIf, as the rulebook editor's
 * Web Worker runs it: a DDS-QIP-like rulebook (6 reporting measures, 6 performance measures with
 * peer-percentile targets on a third of the payees, rate incentive) over generated submissions,
 * read once; then per round
 * - keystroke: one measure's target edited (40th, 42nd, ... 68th percentile): compile, re-score that
 *   measure, pay again the payees whose outcome changed;
 * - full: every measure's weight and the incentive share edited: compile, re-score every measure,
 *   pay every payee again (the most an edit can cost without changing a computation).
 * Prints the median, fastest and slowest of 15 rounds with CPU time and the load average (the
 * machine may be shared), and checks the last answer against evaluateProgram to the cent.
 * Run: node --import tsx apps/web/bench/what-if-bench.ts [payees]
 */
import { readFileSync } from 'node:fs';
import { compileRulebook, createWhatIf, evaluateProgram, type SubmissionColumns } from '@quip/core';

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
  measures: [...reporting, ...performance] as Record<string, unknown>[],
  payment: { method: 'rate-incentive', incentiveShare: '0.1', earning: 'weighted-met' } as Record<
    string,
    unknown
  >,
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
// Each reporting measure filed on time by 80% of the payees; each share by every '950' payee.
const columns = {
  entityId: [] as string[],
  measure: [] as string[],
  period: [] as string[],
  submittedOn: [] as string[],
  n: [] as (number | null)[],
  d: [] as (number | null)[],
};
for (const p of entities) {
  for (const m of reporting) {
    if (random() >= 0.8) continue;
    columns.entityId.push(p.id);
    columns.measure.push(m.key);
    columns.period.push('2026-27');
    columns.submittedOn.push('2027-02-01');
    columns.n.push(null);
    columns.d.push(null);
  }
  if (p.serviceCode !== '950') continue;
  for (const m of performance) {
    columns.entityId.push(p.id);
    columns.measure.push(m.key);
    columns.period.push('2026-27');
    columns.submittedOn.push('2027-02-01');
    columns.n.push(Math.floor(random() * 21));
    columns.d.push(20);
  }
}
const submissions: SubmissionColumns = {
  length: columns.entityId.length,
  entityId: columns.entityId,
  measure: columns.measure,
  period: columns.period,
  submittedOn: columns.submittedOn,
  data: { n: columns.n, d: columns.d },
};
const input = { entities, submissions, asOf: '2027-06-30' };

const loadBefore = readLoadAverage();
let started = now();
const whatIf = createWhatIf(compileRulebook(json), input);
const first = whatIf.result();
const loadMs = now() - started;

interface Round {
  total: number;
  compile: number;
  score: number;
  pay: number;
  cpu: number;
  repaid: number;
}
type Mode = 'keystroke' | 'full';
const ROUNDS = 15;
const rounds: Record<Mode, Round[]> = { keystroke: [], full: [] };
let edited = structuredClone(json);
for (let round = 0; round < ROUNDS; round++) {
  for (const mode of ['keystroke', 'full'] as Mode[]) {
    edited = structuredClone(edited);
    if (mode === 'keystroke') {
      (edited.measures[6] as { target: { percentile: number } }).target.percentile = 40 + 2 * round;
    } else {
      for (const m of edited.measures) m.weight = 1 + ((round + (m.weight as number)) % 3);
      edited.payment.incentiveShare = round % 2 ? '0.1' : '0.10';
    }
    const cpu = process.cpuUsage();
    started = now();
    const compiled = compileRulebook(edited);
    const compiledAt = now();
    const scores = whatIf.edit(compiled);
    const scoredAt = now();
    const answer = whatIf.result();
    const total = now() - started;
    const used = process.cpuUsage(cpu);
    if (mode === 'keystroke' && scores.rescored.length !== 1) throw new Error(`rescored ${scores.rescored}`);
    if (mode === 'full' && answer.repaid !== E) throw new Error(`repaid ${answer.repaid} of ${E}`);
    rounds[mode].push({
      total,
      compile: compiledAt - started,
      score: scoredAt - compiledAt,
      pay: total - (scoredAt - started),
      cpu: (used.user + used.system) / 1000,
      repaid: answer.repaid,
    });
  }
}
const loadAfter = readLoadAverage();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const describe = (rs: Round[]) => {
  const of = (k: keyof Round) => median(rs.map((r) => r[k])).toFixed(0);
  const totals = rs.map((r) => r.total);
  const repaid = rs.map((r) => r.repaid);
  return `median ${of('total')} ms (compile ${of('compile')}, re-score ${of('score')}, pay ${of('pay')}; cpu ${of('cpu')} ms; payees paid again: median ${of('repaid')}, most ${Math.max(...repaid)}), fastest ${Math.min(...totals).toFixed(0)} ms, slowest ${Math.max(...totals).toFixed(0)} ms`;
};
console.log(
  `what-if (core createWhatIf): ${E.toLocaleString('en-US')} payees x ${M} measures, ${submissions.length.toLocaleString('en-US')} submissions, ${ROUNDS} rounds, load average ${loadBefore} -> ${loadAfter}`,
);
console.log(
  `  load (read every submission, score, pay): ${loadMs.toFixed(0)} ms; total ${first.totalCents} cents`,
);
for (const mode of ['keystroke', 'full'] as Mode[]) console.log(`  ${mode}: ${describe(rounds[mode])}`);

// The last answer is evaluateProgram's, to the cent.
const last = whatIf.result().totalCents;
const fresh = evaluateProgram(compileRulebook(edited), input).payments.reduce((s, p) => s + p.totalCents, 0);
if (last !== fresh) throw new Error(`the what-if pays ${last} cents, evaluateProgram ${fresh}`);
console.log(`  last total ${last} cents = evaluateProgram's`);

function now(): number {
  return globalThis.performance.now();
}

function readLoadAverage(): string {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return 'n/a';
  }
}
