/**
 * Expression engine benchmark: compiled expressions vs hand-written closures doing the same work
 * (null checks included, answers checked equal), with filtrex and @bufbuild/cel for reference.
 * Run alone: `pnpm exec tsx bench/core/expression-bench.ts`.
 */
import { CelScalar, celEnv, celFunc, parse, plan } from '@bufbuild/cel';
import { compileExpression as filtrexCompile } from 'filtrex';
import { compileExpression, type FieldTypes, yearsBetween } from '../../packages/core/src/index.ts';
import { prng } from '../bench-support.ts';

const RECORDS = 1_000_000;
/** Rounds per variant; the best round counts, the least disturbed by other work on a shared machine. */
const ROUNDS = 7;

interface PersonRecord {
  age: number | null;
  excluded: boolean;
  screenedOn: string | null;
  dueDate: string;
  birthDate: string;
  serviceCode: string;
  numerator: number;
  denominator: number;
  rate: number | null;
}

const FIELDS: FieldTypes = {
  age: 'number',
  excluded: 'boolean',
  screenedOn: 'date',
  dueDate: 'date',
  birthDate: 'date',
  serviceCode: 'string',
  numerator: 'number',
  denominator: 'number',
  rate: 'number',
};

/** ISO dates of every day from 1930-01-01 on, built without Date so the data is the same everywhere. */
function datePool(days: number): string[] {
  const pool: string[] = [];
  let [y, m, d] = [1930, 1, 1];
  const monthLength = (yy: number, mm: number) =>
    mm === 2
      ? yy % 4 === 0 && (yy % 100 !== 0 || yy % 400 === 0)
        ? 29
        : 28
      : [4, 6, 9, 11].includes(mm)
        ? 30
        : 31;
  for (let i = 0; i < days; i++) {
    pool.push(`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    if (++d > monthLength(y, m)) {
      d = 1;
      if (++m > 12) {
        m = 1;
        y++;
      }
    }
  }
  return pool;
}

export function syntheticRecords(count: number, seed = 20260701): PersonRecord[] {
  const random = prng(seed);
  const pool = datePool(366 * 100); // 1930 .. 2030
  const recent = pool.length - 3 * 366; // screenings and due dates fall in the last three years
  const codes = ['950', '952', '096', '109', '113', '904'];
  const pick = <T>(xs: readonly T[], from = 0): T => xs[from + Math.floor(random() * (xs.length - from))]!;
  const records: PersonRecord[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const denominator = Math.floor(random() * 40);
    records[i] = {
      age: random() < 0.02 ? null : Math.floor(random() * 100),
      excluded: random() < 0.1,
      screenedOn: random() < 0.15 ? null : pick(pool, recent),
      dueDate: pick(pool, recent),
      birthDate: pick(pool, 0),
      serviceCode: pick(codes),
      numerator: Math.floor(random() * (denominator + 1)),
      denominator,
      rate: random() < 0.3 ? null : random(),
    };
  }
  return records;
}

const asOf = '2026-07-01';

interface Case {
  name: string;
  engine: string;
  closure: (r: PersonRecord) => boolean;
  filtrex: string;
  cel: string;
}

const CASES: Case[] = [
  {
    name: 'screening eligibility',
    engine: 'age >= 45 and age <= 75 and not excluded and screenedOn <= dueDate',
    closure: (r) => {
      const age = r.age;
      const on = r.screenedOn;
      return age !== null && age >= 45 && age <= 75 && r.excluded !== true && on !== null && on <= r.dueDate;
    },
    filtrex: 'exists(age) and age >= 45 and age <= 75 and not excluded and screenedOn <= dueDate',
    cel: 'age != null && age >= 45.0 && age <= 75.0 && !excluded && screenedOn != null && screenedOn <= dueDate',
  },
  {
    name: 'service code and adult',
    engine: "serviceCode in ['950', '952'] and yearsBetween(birthDate, date('2026-07-01')) >= 18",
    closure: (r) =>
      (r.serviceCode === '950' || r.serviceCode === '952') && (yearsBetween(r.birthDate, asOf) ?? -1) >= 18,
    filtrex: 'serviceCode in ("950", "952") and yearsBetween(birthDate, "2026-07-01") >= 18',
    cel: "serviceCode in ['950', '952'] && yearsBetween(birthDate, '2026-07-01') >= 18.0",
  },
  {
    name: 'rate with fallback',
    engine: 'numerator / denominator >= 0.75 or coalesce(rate, 0) > 0.9',
    closure: (r) => (r.denominator !== 0 && r.numerator / r.denominator >= 0.75) || (r.rate ?? 0) > 0.9,
    filtrex: '(denominator != 0 and numerator / denominator >= 0.75) or (exists(rate) and rate > 0.9)',
    cel: '(denominator != 0.0 && numerator / denominator >= 0.75) || (rate != null && rate > 0.9)',
  },
];

type Predicate = (r: PersonRecord) => unknown;
type Loop = (fn: Predicate, rows: readonly PersonRecord[]) => number;

/**
 * A fresh counting loop per variant (its own compiled function, so its own call-site feedback):
 * a loop shared by all variants would turn polymorphic and handicap whichever ran later.
 */
function freshLoop(): Loop {
  return new Function(
    'fn',
    'rows',
    'let n = 0; for (let i = 0; i < rows.length; i++) if (fn(rows[i]) === true) n++; return n;',
  ) as Loop;
}

interface Variant {
  name: string;
  fn: Predicate;
  loop: Loop;
  times: number[];
  matches: number;
}

function variant(name: string, fn: Predicate): Variant {
  return { name, fn, loop: freshLoop(), times: [], matches: -1 };
}

function timeOnce(v: Variant, rows: readonly PersonRecord[]): void {
  const start = performance.now();
  const matches = v.loop(v.fn, rows);
  v.times.push(performance.now() - start);
  if (v.matches !== -1 && v.matches !== matches) throw new Error(`${v.name}: answers changed between rounds`);
  v.matches = matches;
}

const best = (xs: number[]) => Math.min(...xs);

export interface CaseResult {
  name: string;
  engineMs: number;
  closureMs: number;
  ratio: number;
  filtrexMs: number;
  celMs: number;
  matches: number;
}

export interface ExpressionBenchResult {
  records: number;
  /** Totals over all cases (best round per case); ratio = engineMs / closureMs. */
  engineMs: number;
  closureMs: number;
  ratio: number;
  filtrexMs: number;
  celMs: number;
  /** The first case evaluated through evaluateAt over the same data held in columns. */
  columnarMs: number;
  cases: CaseResult[];
}

function filtrexPredicate(source: string): Predicate {
  const present = (a: unknown, b: unknown) => a !== null && a !== undefined && b !== null && b !== undefined;
  return filtrexCompile(source, {
    extraFunctions: { yearsBetween: (a: string, b: string) => yearsBetween(a, b) },
    // Dates are ISO strings; filtrex compares numbers only unless told otherwise.
    operators: {
      '==': (a, b) => a === b,
      '!=': (a, b) => a !== b,
      '<=': (a, b) => present(a, b) && a <= b,
    },
  }) as Predicate;
}

function celPredicate(source: string): Predicate {
  const env = celEnv({
    funcs: [
      celFunc(
        'yearsBetween',
        [CelScalar.STRING, CelScalar.STRING],
        CelScalar.DOUBLE,
        (a, b) => yearsBetween(a, b) ?? -1,
      ),
    ],
  });
  const run = plan(env, parse(source));
  return (r) => run(r as unknown as Record<string, never>);
}

function toColumns(rows: readonly PersonRecord[]): Record<string, unknown[]> {
  const columns: Record<string, unknown[]> = {};
  for (const key of Object.keys(FIELDS)) columns[key] = rows.map((r) => r[key as keyof PersonRecord]);
  return columns;
}

/** Runs every case over `records` synthetic records; engine and closure ROUNDS times each, interleaved. */
export async function runExpressionBench(records = RECORDS): Promise<ExpressionBenchResult> {
  const rows = syntheticRecords(records);
  const cases: CaseResult[] = [];
  let columnarMs = 0;
  for (const c of CASES) {
    const compiled = compileExpression(c.engine, FIELDS, 'boolean');
    const engine = variant('engine', (r) => compiled.evaluate(r as unknown as Record<string, unknown>));
    const closure = variant('closure', c.closure);
    const filtrex = variant('filtrex', filtrexPredicate(c.filtrex));
    const cel = variant('cel', celPredicate(c.cel));
    for (let round = 0; round < ROUNDS; round++) {
      // Alternate the order so neither side always runs on a warmer (or more fragmented) heap.
      if (round % 2 === 0) {
        timeOnce(engine, rows);
        timeOnce(closure, rows);
      } else {
        timeOnce(closure, rows);
        timeOnce(engine, rows);
      }
    }
    // The references are one to two orders of magnitude slower: one warm-up on a slice, then one full round.
    for (const slow of [filtrex, cel]) {
      slow.loop(slow.fn, rows.slice(0, 10_000));
      timeOnce(slow, rows);
    }
    for (const v of [closure, filtrex, cel]) {
      if (v.matches !== engine.matches)
        throw new Error(`${c.name}: ${v.name} found ${v.matches}, engine ${engine.matches}`);
    }
    if (c === CASES[0]) {
      const columns = toColumns(rows);
      const at = new Function(
        'e',
        'columns',
        'n',
        'let k = 0; for (let i = 0; i < n; i++) if (e.evaluateAt(columns, i) === true) k++; return k;',
      ) as (e: typeof compiled, columns: Record<string, unknown[]>, n: number) => number;
      const times: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const start = performance.now();
        if (at(compiled, columns, rows.length) !== engine.matches) throw new Error('columnar answers differ');
        times.push(performance.now() - start);
      }
      columnarMs = best(times);
    }
    const engineMs = best(engine.times);
    const closureMs = best(closure.times);
    cases.push({
      name: c.name,
      engineMs,
      closureMs,
      ratio: engineMs / closureMs,
      filtrexMs: best(filtrex.times),
      celMs: best(cel.times),
      matches: engine.matches,
    });
  }
  const sum = (key: 'engineMs' | 'closureMs' | 'filtrexMs' | 'celMs') =>
    cases.reduce((s, c) => s + c[key], 0);
  return {
    records,
    engineMs: sum('engineMs'),
    closureMs: sum('closureMs'),
    ratio: sum('engineMs') / sum('closureMs'),
    filtrexMs: sum('filtrexMs'),
    celMs: sum('celMs'),
    columnarMs,
    cases,
  };
}

const ms = (x: number) => `${x.toFixed(1)} ms`;

export function formatExpressionBench(result: ExpressionBenchResult): string {
  const lines = [
    `expressions over ${result.records.toLocaleString('en-US')} records (best of ${ROUNDS} rounds):`,
  ];
  for (const c of result.cases) {
    lines.push(
      `  ${c.name.padEnd(24)} engine ${ms(c.engineMs)}  closure ${ms(c.closureMs)}  ratio ${c.ratio.toFixed(2)}  filtrex ${ms(c.filtrexMs)}  cel ${ms(c.celMs)}  (${c.matches} match)`,
    );
  }
  lines.push(`  columnar (first case, evaluateAt) ${ms(result.columnarMs)}`);
  lines.push(
    `  total: engine ${ms(result.engineMs)}  closure ${ms(result.closureMs)}  filtrex ${ms(result.filtrexMs)}  cel ${ms(result.celMs)}`,
  );
  lines.push(`engine/closure: ${result.ratio.toFixed(2)}`);
  return lines.join('\n');
}

if (process.argv[1]?.endsWith('expression-bench.ts')) {
  runExpressionBench().then((result) => console.log(formatExpressionBench(result)));
}
