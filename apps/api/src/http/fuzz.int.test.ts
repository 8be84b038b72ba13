import { DATABASE_KINDS, publishRulebook } from '@quip/db/testing';
import { rulebookFixture } from '@quip/fixtures';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linesLogger } from '../testing/lines-logger.ts';
import { bearer, openTestApp, type TestApp } from '../testing/test-app.ts';

/**
 * Property-based fuzzing of every operation of /openapi.json that takes a body. Each input is the
 * operation's documented example, poisoned (a NUL character, nesting 33 to 2,000 deep, a number
 * beyond 2^53, a field name no schema has, a CSV header of 1,001 columns, a raw NUL byte), or
 * garbage, sent with a right or wrong content type. Every string and field name the fuzzer sends
 * carries MARK, and a name with a dash is never a plain identifier, so it may never be echoed:
 *  - no answer is 5xx;
 *  - a refused request (4xx) is problem+json, and stores nothing (row counts before and after);
 *  - no refused answer and no log line holds MARK (but a rulebook's problems, which name the
 *    rulebook's own keys: configuration an admin wrote, not submitted data).
 * Bounded and deterministic: a fixed seed and RUNS inputs per database.
 */
const MARK = 'Qz7Mk-';
const SEED = 20260714;
const RUNS = 1200;
const PARAMS: Record<string, string> = {
  fy: '2026-27',
  program: 'dhcs-ept',
  source: '2025-26',
  id: '999999',
  version: '1',
};
const TABLES = [
  'entities',
  'submissions',
  'submission_batches',
  'api_keys',
  'fiscal_years',
  'rulebook_revisions',
  'runs',
  'audit_log',
];

// biome-ignore lint/suspicious/noExplicitAny: a parsed JSON document, inspected loosely
type Json = any;
interface Target {
  method: string;
  path: string;
  /** content type -> the documented example body */
  examples: Record<string, unknown>;
}

const marked = fc.string({ maxLength: 12 }).map((s) => `${MARK}${s}`);
const nest = (depth: number, kind: 'array' | 'object'): unknown => {
  let value: unknown = `${MARK}deep`;
  for (let i = 0; i < depth; i++) value = kind === 'array' ? [value] : { [`${MARK}k`]: value };
  return value;
};
const poison = fc.oneof(
  marked.map((s) => `${s}\u0000${s}`),
  fc
    .tuple(fc.integer({ min: 33, max: 2000 }), fc.constantFrom('array' as const, 'object' as const))
    .map(([depth, kind]) => nest(depth, kind)),
  fc.constantFrom(2 ** 60, -(2 ** 60), 1e300, 2 ** 53 + 2),
  marked,
  fc.array(marked, { maxLength: 3 }),
  fc.dictionary(marked, marked, { maxKeys: 3 }),
);

/** The example with one value replaced, or one field added, somewhere inside it. */
function poisonJson(example: unknown, choice: number, value: unknown, name: string): unknown {
  const copy = JSON.parse(JSON.stringify(example ?? {})) as Json;
  const containers: Json[] = [];
  const walk = (v: Json) => {
    if (v !== null && typeof v === 'object') {
      containers.push(v);
      for (const child of Object.values(v)) walk(child);
    }
  };
  walk(copy);
  if (containers.length === 0) return value;
  const target = containers[choice % containers.length];
  const keys = Object.keys(target);
  if (Array.isArray(target)) target.push(value);
  else if (keys.length > 0 && choice % 2 === 0) target[keys[choice % keys.length]!] = value;
  else target[name] = value;
  return copy;
}

/** The CSV example with a poisoned cell, a raw NUL byte, an extra marked column or 1,001 columns. */
function poisonCsv(example: string, choice: number, text: string): string {
  const [header = '', ...rows] = example.trimEnd().split('\n');
  const row = rows[0] ?? '';
  switch (choice % 5) {
    case 0:
      return `${header}\n${row.replace(/[^,]*$/, `${text}\u0000`)}\n`;
    case 1:
      return `${header},${text}\n${row},${text}\n`;
    case 2:
      return `${header}${',c'.repeat(1001)}\n${row}\n`;
    case 3:
      return `${header}\n"${text}\n`;
    default:
      return `${header}\n${row.replace(/^[^,]*/, `${text}`)}\n`;
  }
}

const garbage = fc.oneof(
  fc.constantFrom('', '{', '[', '[{]', 'null', '"x"', '[1,2', '{"a":}', '\u0000', '\uFEFF', ','),
  marked,
  marked.map((s) => `{"${s}": "${s}"`),
  marked.map((s) => `[{"id": "${s}\\u0000"}]`),
);

const CONTENT_TYPES = ['application/json', 'application/x-ndjson', 'text/csv', 'text/plain', ''];

describe.each(DATABASE_KINDS)('fuzzing every route that takes a body on %s', (kind) => {
  let t: TestApp;
  let admin: string;
  let targets: Target[];
  const logLines: string[] = [];

  beforeAll(async () => {
    t = await openTestApp(kind, { bodyLimitBytes: 256 * 1024, logger: linesLogger(logLines) });
    admin = await t.keyFor('admin');
    await publishRulebook(t.database.db, rulebookFixture('ept-920-members-class-d-pays-11224-per-milestone'));
    await publishRulebook(
      t.database.db,
      rulebookFixture('directory-and-screening-at-least-half-earn-10-percent'),
    );
    const doc = (await (await t.app.request('/openapi.json')).json()) as {
      paths: Record<string, Record<string, Json>>;
      components: { schemas: Record<string, Json> };
    };
    const resolve = (schema: Json): Json =>
      schema?.$ref ? doc.components.schemas[String(schema.$ref).split('/').pop()!] : schema;
    targets = Object.entries(doc.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([, op]) => op.requestBody)
        .map(([method, op]) => ({
          method: method.toUpperCase(),
          path: path.replace(/\{(\w+)\}/g, (_, name: string) => PARAMS[name] ?? name),
          examples: Object.fromEntries(
            Object.entries(op.requestBody.content as Record<string, Json>).map(([type, content]) => [
              type,
              content.example ?? resolve(content.schema)?.example ?? {},
            ]),
          ),
        })),
    );
  });
  afterAll(() => t?.close());

  const counts = async () => {
    const selects = TABLES.map((table) => `(select count(*) from ${table})::int as ${table}`).join(', ');
    const result = await sql.raw<Record<string, number>>(`select ${selects}`).execute(t.database.db);
    return result.rows[0];
  };

  it('finds every operation that takes a body: the bulk uploads and the JSON routes', () => {
    const names = targets.map((target) => `${target.method} ${target.path}`);
    expect(names).toEqual(
      expect.arrayContaining([
        'POST /api/v1/fiscal-years/2026-27/programs/dhcs-ept/entities',
        'POST /api/v1/fiscal-years/2026-27/programs/dhcs-ept/submissions',
        'POST /api/v1/fiscal-years/2026-27/programs/dhcs-ept/preview',
        'PUT /api/v1/fiscal-years/2026-27/programs/dhcs-ept/rulebook',
        'POST /api/v1/fiscal-years/2026-27/programs/dhcs-ept/runs',
        'POST /api/v1/api-keys',
        'POST /api/v1/fiscal-years',
      ]),
    );
  });

  it(`answers ${RUNS} poisoned and malformed bodies with 4xx problems that store nothing and echo nothing`, async () => {
    const input = fc.record({
      target: fc.nat(),
      type: fc.oneof(fc.constant(null), fc.constantFrom(...CONTENT_TYPES)),
      mode: fc.constantFrom('poison', 'poison', 'poison', 'garbage'),
      choice: fc.nat(),
      value: poison,
      name: marked,
      text: marked,
      junk: garbage,
    });
    await fc.assert(
      fc.asyncProperty(input, async (i) => {
        const target = targets[i.target % targets.length]!;
        const documented = Object.keys(target.examples);
        const type = i.type ?? documented[i.choice % documented.length]!;
        let body: string;
        if (i.mode === 'garbage') body = i.junk;
        else if (type === 'text/csv') {
          const example = target.examples['text/csv'];
          body = poisonCsv(typeof example === 'string' ? example : 'id,name\nPV-1,A\n', i.choice, i.text);
        } else if (type === 'application/x-ndjson') {
          const example = target.examples['application/json'];
          const rows = Array.isArray(example) ? example : [example];
          body = `${rows.map((row) => JSON.stringify(poisonJson(row, i.choice, i.value, i.name))).join('\n')}\n`;
        } else
          body = JSON.stringify(poisonJson(target.examples['application/json'], i.choice, i.value, i.name));

        const before = await counts();
        const logged = logLines.length;
        const headers: Record<string, string> = { ...bearer(admin), 'X-Request-Id': `${MARK}<id>` };
        if (type !== '') headers['Content-Type'] = type;
        const res = await t.app.request(target.path, { method: target.method, headers, body });
        const text = await res.text();
        const what = `${target.method} ${target.path} ${type} -> ${res.status} ${text.slice(0, 300)}`;
        expect(res.status, what).toBeLessThan(500);
        expect(res.headers.get('x-request-id'), what).not.toContain(MARK);
        if (res.status >= 400) {
          expect(res.headers.get('content-type'), what).toBe('application/problem+json');
          // A rulebook is configuration, not submitted data: its problems name its own keys by design.
          if (!target.path.endsWith('/rulebook')) expect(text, what).not.toContain(MARK);
          expect(await counts(), what).toEqual(before);
        }
        const lines = logLines.slice(logged).join('');
        expect(lines, what).not.toContain(MARK);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
  }, 240_000);
});
