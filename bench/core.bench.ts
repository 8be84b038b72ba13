/**
 * Core engine benchmark: compile a DDS-QIP-like rulebook once, then evaluate 100,000 payees x 12
 * measures (reporting, person-level rates, counts, values; absolute and peer-percentile targets;
 * met/not-met scoring; rate-incentive payments) over ~1.5M deterministic synthetic submissions.
 * Then the expression benchmark. The last line printed is `engine/closure: R`.
 * Run: `pnpm bench:core` (`pnpm bench:core --entities=20000` for a quick run).
 */
import {
  compileRulebook,
  evaluateProgram,
  type Submission,
  type SubmissionColumns,
} from '../packages/core/src/index.ts';
import { rulebookFixture } from '../packages/fixtures/src/index.ts';
import { prng } from './bench-support.ts';
import { formatExpressionBench, runExpressionBench } from './core/expression-bench.ts';

/** `--entities=N` and `--rounds=N` on the command line (defaults 100,000 and 5). */
function arg(name: string, fallback: number): number {
  const found = process.argv.find((a) => a.startsWith(`--${name}=`));
  return found ? Number(found.slice(name.length + 3)) : fallback;
}
const ENTITIES = arg('entities', 100_000);
const ROUNDS = arg('rounds', 5);
const RESIDENTIAL = ['096', '109', '113', '904', '905', '910', '915', '920'];
const EMPLOYMENT = ['950', '952'];

// Three reporting measures, three person-level screenings (peer median, residential codes), three
// employment counts (peer 40th percentile) and three values; weighted met/not-met rate incentive.
const rulebook = rulebookFixture('bench-twelve-dds-measures');

function synthesize(n: number) {
  const rand = prng(20261123);
  const entities: { id: string; serviceCode: string; rateCents: number; units: number }[] = [];
  const submissions: Submission[] = [];
  const day = (month: number, d: number) =>
    `2026-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  for (let e = 0; e < n; e++) {
    const residential = e % 2 === 0;
    const serviceCode = residential
      ? (RESIDENTIAL[e % RESIDENTIAL.length] as string)
      : (EMPLOYMENT[e % 2 === 1 ? (e >> 1) % 2 : 0] as string);
    const id = `V${e}-${serviceCode}`;
    entities.push({
      id,
      serviceCode,
      rateCents: 4000 + Math.floor(rand() * 2000),
      units: 100 + Math.floor(rand() * 900),
    });
    const on = () => day(9 + Math.floor(rand() * 3), 1 + Math.floor(rand() * 28));
    const sub = (measure: string, data: Record<string, unknown>) =>
      submissions.push({ entityId: id, measure, period: '2026-27', submittedOn: on(), data });
    sub('provider-directory', {
      zipCodes: ['95814'],
      languages: rand() < 0.9 ? ['en', 'es'] : [],
      agencyType: rand() < 0.97 ? 'agency' : 'corporate',
      acceptsReferrals: true,
    });
    sub('workforce-survey', { participated: rand() < 0.85 });
    sub('staffing-report', {
      nonDspStaff: Math.floor(rand() * 20),
      averageWageCents: 2100,
      benefits: 'medical',
    });
    const trained = Math.floor(rand() * 8);
    sub('acre-trained', { trained, staff: 10 + Math.floor(rand() * 10) });
    sub('cesp-share', { trained, staff: 10 + Math.floor(rand() * 10) });
    sub('trained-staff-total', { trained, staff: 10 + Math.floor(rand() * 10) });
    if (residential) {
      for (const measure of ['colorectal-screening', 'mammogram', 'dental-visit']) {
        const people = 3 + Math.floor(rand() * 6);
        for (let p = 0; p < people; p++) {
          const screened = rand() < 0.7;
          sub(measure, {
            personId: `${id}-p${p}`,
            age: 18 + Math.floor(rand() * 70),
            dueDate: '2026-09-30',
            ...(screened ? { screenedOn: day(8 + Math.floor(rand() * 3), 1 + Math.floor(rand() * 28)) } : {}),
            ...(rand() < 0.05 ? { exclusion: 'hospice' } : {}),
            ...(!screened && rand() < 0.8 ? { missedReason: 'refused' } : {}),
          });
        }
      }
    } else {
      for (const measure of ['internship-to-cie', 'group-to-individual', 'job-retention-12m']) {
        const denominator = Math.floor(rand() * 30);
        sub(measure, { numerator: Math.floor(rand() * (denominator + 1)), denominator });
      }
    }
  }
  return { entities, submissions };
}

/** The same submissions as columns (one array per envelope field and per data field). */
function toColumns(rows: readonly Submission[]): SubmissionColumns {
  const n = rows.length;
  const entityId = new Array<string>(n);
  const measure = new Array<string>(n);
  const period = new Array<string>(n);
  const submittedOn = new Array<string | null>(n);
  const data: Record<string, unknown[]> = {};
  for (let i = 0; i < n; i++) {
    const row = rows[i] as Submission;
    entityId[i] = row.entityId;
    measure[i] = row.measure;
    period[i] = row.period;
    submittedOn[i] = row.submittedOn ?? null;
    for (const key in row.data) {
      let column = data[key];
      if (!column) {
        column = new Array<unknown>(n).fill(null);
        data[key] = column;
      }
      column[i] = row.data[key];
    }
  }
  return { length: n, entityId, measure, period, submittedOn, data };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

async function main(): Promise<void> {
  console.log(
    `core engine: ${ENTITIES.toLocaleString('en-US')} entities x ${rulebook.measures.length} measures`,
  );
  let t = performance.now();
  const { entities, submissions } = synthesize(ENTITIES);
  console.log(
    `  synthetic data: ${submissions.length.toLocaleString('en-US')} submissions in ${(performance.now() - t).toFixed(0)} ms`,
  );

  t = performance.now();
  const compiled = compileRulebook(rulebook);
  console.log(
    `  compile rulebook: ${(performance.now() - t).toFixed(1)} ms (hash ${compiled.hash.slice(0, 12)})`,
  );

  const times: number[] = [];
  let checksum = '';
  for (let round = 0; round < ROUNDS; round++) {
    t = performance.now();
    const out = evaluateProgram(compiled, { entities, submissions, asOf: '2026-11-23' });
    times.push(performance.now() - t);
    let total = 0;
    let met = 0;
    for (const p of out.payments) total += p.totalCents;
    for (const r of out.results) if (r.met) met++;
    const sum = `results ${out.results.length} met ${met} payments ${out.payments.length} totalCents ${total} issues ${out.issues.length}`;
    if (checksum && sum !== checksum) throw new Error(`not deterministic: ${sum} vs ${checksum}`);
    checksum = sum;
  }
  const ms = median(times);
  console.log(
    `  evaluate: median ${ms.toFixed(0)} ms, best ${Math.min(...times).toFixed(0)} ms of ${ROUNDS} [${times.map((x) => x.toFixed(0)).join(', ')}]`,
  );
  console.log(
    `  throughput: ${Math.round((ENTITIES * rulebook.measures.length) / (ms / 1000)).toLocaleString('en-US')} results/s, ` +
      `${Math.round(submissions.length / (ms / 1000)).toLocaleString('en-US')} submissions/s`,
  );
  console.log(`  ${checksum}`);

  const columns = toColumns(submissions);
  const columnTimes: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    t = performance.now();
    const out = evaluateProgram(compiled, { entities, submissions: columns, asOf: '2026-11-23' });
    columnTimes.push(performance.now() - t);
    if (out.results.length !== ENTITIES * rulebook.measures.length)
      throw new Error('columnar results missing');
  }
  console.log(
    `  evaluate, columnar input: median ${median(columnTimes).toFixed(0)} ms, best ${Math.min(...columnTimes).toFixed(0)} ms [${columnTimes.map((x) => x.toFixed(0)).join(', ')}]`,
  );

  t = performance.now();
  evaluateProgram(compiled, {
    entities: entities.slice(0, 1000),
    submissions,
    asOf: '2026-11-23',
    explain: true,
  });
  console.log(
    `  explain (1,000 entities, all submissions scanned): ${(performance.now() - t).toFixed(0)} ms`,
  );

  const expressions = await runExpressionBench();
  const lines = formatExpressionBench(expressions)
    .split('\n')
    .filter((line) => !line.startsWith('engine/closure:'));
  for (const line of lines) console.log(line);
  console.log(`engine/closure: ${expressions.ratio.toFixed(2)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
