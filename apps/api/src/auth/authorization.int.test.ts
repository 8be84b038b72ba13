import { type ApiKeyRole, ROLES } from '@quip/db';
import { DATABASE_KINDS, publishRulebook } from '@quip/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ddsQipRulebook } from '../testing/rulebooks-fixture.ts';
import { bearer, openTestApp, type TestApp } from '../testing/test-app.ts';
import { hashApiKey } from './api-key-secret.ts';

/**
 * Every operation of /openapi.json x every role x a foreign payee. The table below says who may
 * call what; an operation in the document without a row (a new route) fails the test, and so does a
 * row whose operation is gone. Submitters are scoped to payee PV-A; PV-B belongs to someone else.
 */

type Role = ApiKeyRole;
const ALL: readonly Role[] = ROLES;
const READERS: readonly Role[] = ['admin', 'analyst'];
const ADMINS: readonly Role[] = ['admin'];
const SUBMITTERS: Role[] = ['admin', 'submitter'];

interface ForeignPayee {
  /** How the request names a payee: its path params, query string and JSON body. */
  request: (payee: string) => { params?: Record<string, string>; query?: string; body?: unknown };
  /** What a submitter gets for another's payee: 404, as for one that does not exist. */
  status?: number;
}
interface Access {
  roles: readonly Role[] | 'public';
  params?: Record<string, string>;
  query?: string;
  foreign?: ForeignPayee;
}

const payee = (id: string) => ({ id, name: 'Payee', serviceCode: '950', rateCents: 5000, units: 1 });
const directory = (entityId: string) => ({
  entityId,
  measure: 'provider-directory',
  period: '2026-27',
  data: { zipCodes: ['95814'], acceptsReferrals: true },
});

const PROGRAM = '/api/v1/fiscal-years/{fy}/programs/{program}';
const ACCESS: Record<string, Access> = {
  'GET /healthz': { roles: 'public' },
  'GET /openapi.json': { roles: 'public' },
  'GET /problems': { roles: 'public' },
  'GET /problems/{slug}': { roles: 'public', params: { slug: 'not-found' } },
  'GET /api/v1/me': { roles: ALL },
  'GET /api/v1/fiscal-years': { roles: ALL },
  'POST /api/v1/fiscal-years': { roles: ADMINS },
  'PATCH /api/v1/fiscal-years/{fy}': { roles: ADMINS },
  'POST /api/v1/fiscal-years/{fy}/clone-from/{source}': { roles: ADMINS },
  'GET /api/v1/fiscal-years/{fy}/programs': { roles: ALL },
  [`GET ${PROGRAM}/entities`]: { roles: ALL },
  // Payee fields are inputs of the payee's own payment: only an admin writes them.
  [`POST ${PROGRAM}/entities`]: { roles: ADMINS },
  [`GET ${PROGRAM}/entities/{id}`]: { roles: ALL, foreign: { request: (p) => ({ params: { id: p } }) } },
  [`GET ${PROGRAM}/submissions`]: { roles: ALL, foreign: { request: (p) => ({ query: `?entityId=${p}` }) } },
  [`POST ${PROGRAM}/submissions`]: {
    roles: SUBMITTERS,
    // A batch answers row by row: another's payee is the row error of an unknown payee (422).
    foreign: { request: (p) => ({ body: [directory(p)] }), status: 422 },
  },
  // The JSON Schema of a measure's rows: what to send, so every role reads it.
  [`GET ${PROGRAM}/measures/{measure}/submission-schema`]: {
    roles: ALL,
    params: { measure: 'provider-directory' },
  },
  [`POST ${PROGRAM}/preview`]: {
    roles: ALL,
    foreign: { request: (p) => ({ body: { entities: [payee(p)], submissions: [] } }) },
  },
  [`GET ${PROGRAM}/rulebook`]: { roles: ALL },
  [`PUT ${PROGRAM}/rulebook`]: { roles: ADMINS },
  [`POST ${PROGRAM}/rulebook/publish`]: { roles: ADMINS },
  [`GET ${PROGRAM}/rulebook/versions`]: { roles: READERS },
  [`GET ${PROGRAM}/rulebook/versions/{version}`]: { roles: ALL },
  [`GET ${PROGRAM}/rulebook/diff`]: { roles: READERS, query: '?from=1&to=1' },
  'GET /api/v1/api-keys': { roles: ADMINS },
  'POST /api/v1/api-keys': { roles: ADMINS },
  'DELETE /api/v1/api-keys/{id}': { roles: ADMINS, params: { id: 'no-such-key' } },
  'GET /api/v1/audit': { roles: ADMINS },
  // On PGlite a backup archive; on PostgreSQL 409 (pg_dump is the tool).
  'POST /api/v1/admin/backup': { roles: ADMINS },
  // Submitters list and read published runs of their payees (review.int.test.ts).
  [`GET ${PROGRAM}/runs`]: { roles: ALL },
  [`POST ${PROGRAM}/runs`]: { roles: ADMINS },
  // A run id that does not exist: allowed roles get past authorization to a 404.
  'GET /api/v1/runs/{id}': { roles: ALL, params: { id: '999999' } },
  'GET /api/v1/runs/{id}/events': { roles: READERS, params: { id: '999999' } },
  'POST /api/v1/runs/{id}/cancel': { roles: ADMINS, params: { id: '999999' } },
  'POST /api/v1/runs/{id}/official': { roles: ADMINS, params: { id: '999999' } },
  // Submitters read their own payees' results and payments (scoping is tested in runs.int.test.ts).
  'GET /api/v1/runs/{id}/results': { roles: ALL, params: { id: '999999' } },
  'GET /api/v1/runs/{id}/payments': { roles: ALL, params: { id: '999999' } },
  'GET /api/v1/runs/{id}/diff': { roles: READERS, params: { id: '999999' }, query: '?against=1' },
  // Payment cycles: admins make and approve them (a second admin approves), analysts read them.
  [`POST ${PROGRAM}/payment-cycles`]: { roles: ADMINS },
  [`GET ${PROGRAM}/payment-cycles`]: { roles: READERS },
  'GET /api/v1/payment-cycles/{id}': { roles: READERS, params: { id: '999999' } },
  'GET /api/v1/payment-cycles/{id}/lines': { roles: READERS, params: { id: '999999' } },
  'POST /api/v1/payment-cycles/{id}/approve': { roles: ADMINS, params: { id: '999999' } },
  [`GET ${PROGRAM}/ledger`]: { roles: READERS },
  // Review and correction (issue 16); scoping of runs, scorecards and requests in review.int.test.ts.
  'POST /api/v1/runs/{id}/preliminary': { roles: ADMINS, params: { id: '999999' } },
  'POST /api/v1/runs/{id}/requests': { roles: SUBMITTERS, params: { id: '999999' } },
  'GET /api/v1/runs/{id}/scorecards/{entityId}': { roles: ALL, params: { id: '999999', entityId: 'PV-A' } },
  [`GET ${PROGRAM}/entities/{entityId}/standing`]: {
    roles: ALL,
    foreign: { request: (p) => ({ params: { entityId: p } }) },
  },
  'GET /api/v1/requests': { roles: ALL },
  'GET /api/v1/requests/{id}': { roles: ALL, params: { id: '999999' } },
  'POST /api/v1/requests/{id}/decision': { roles: ADMINS, params: { id: '999999' } },
  'GET /api/v1/events': { roles: ALL },
};

const SAMPLE_PARAMS: Record<string, string> = {
  fy: '2026-27',
  program: 'dds-qip',
  source: '2025-26',
  id: 'PV-A',
  version: '1',
};

interface Operation {
  name: string;
  method: string;
  path: string;
  access: Access | undefined;
}

function url(op: Operation, params: Record<string, string> = {}, query = ''): string {
  const values = { ...SAMPLE_PARAMS, ...op.access?.params, ...params };
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? name));
  return `${path}${query || op.access?.query || ''}`;
}

function init(op: Operation, key: string | null, body?: unknown): RequestInit {
  const headers: Record<string, string> = key ? bearer(key) : {};
  if (op.method === 'GET' || op.method === 'DELETE') return { method: op.method, headers };
  headers['Content-Type'] = 'application/json';
  return { method: op.method, headers, body: JSON.stringify(body ?? {}) };
}

// biome-ignore lint/suspicious/noExplicitAny: a parsed JSON document, inspected loosely
type Json = any;
interface OpenApiDocument {
  paths: Record<string, Record<string, Json>>;
  components: { schemas: Record<string, Json> };
}

/** What an operation's description lacks: examples for parameters, bodies and JSON answers. */
function documentationGaps(doc: OpenApiDocument, op: Json): string[] {
  const resolve = (schema: Json): Json =>
    schema?.$ref ? doc.components.schemas[String(schema.$ref).split('/').pop()!] : schema;
  const exemplified = (schema: Json): boolean => {
    const s = resolve(schema);
    if (!s) return false;
    if (s.example !== undefined || s.examples !== undefined) return true;
    if (s.type === 'object' && s.properties) return Object.values(s.properties).every(exemplified);
    if (s.type === 'array') return exemplified(s.items);
    return Array.isArray(s.anyOf) && s.anyOf.some(exemplified);
  };
  const gaps: string[] = [];
  if (!op.summary) gaps.push('no summary');
  if (!op.tags?.length) gaps.push('no tags');
  const isPublic = Array.isArray(op.security) && op.security.length === 0;
  if (!isPublic && !(op.responses?.['401'] && op.responses?.['403'])) gaps.push('no 401/403 answers');
  for (const param of op.parameters ?? []) {
    if (param.example === undefined && resolve(param.schema)?.example === undefined) {
      gaps.push(`no example for ${param.in} parameter ${param.name}`);
    }
  }
  for (const [type, content] of Object.entries<Json>(op.requestBody?.content ?? {})) {
    if (content.example === undefined && !exemplified(content.schema))
      gaps.push(`no example for a ${type} body`);
  }
  for (const [status, answer] of Object.entries<Json>(op.responses ?? {})) {
    for (const [type, content] of Object.entries<Json>(answer.content ?? {})) {
      if (content.example === undefined && !exemplified(content.schema)) {
        gaps.push(`no example for the ${status} ${type} answer`);
      }
    }
  }
  return gaps;
}

describe.each(DATABASE_KINDS)('authorization of every route on %s', (kind) => {
  let t: TestApp;
  let doc: OpenApiDocument;
  let operations: Operation[];
  let documented: string[];
  const keys = {} as Record<Role | 'revoked', string>;

  beforeAll(async () => {
    t = await openTestApp(kind);
    doc = (await (await t.app.request('/openapi.json')).json()) as OpenApiDocument;
    operations = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => {
        const name = `${method.toUpperCase()} ${path}`;
        return { name, method: method.toUpperCase(), path, access: ACCESS[name] };
      }),
    );
    documented = operations.map((op) => op.name);
    keys.admin = await t.keyFor('admin');
    keys.analyst = await t.keyFor('analyst');
    keys.submitter = await t.keyFor('submitter', ['PV-A']);
    keys.revoked = await t.keyFor('admin');
    await t.database.db
      .updateTable('api_keys')
      .set({ revoked_at: '2026-07-01T00:00:00Z' })
      .where('key_hash', '=', hashApiKey(keys.revoked))
      .execute();
    await publishRulebook(t.database.db, ddsQipRulebook());
    await t.database.db
      .insertInto('entities')
      .values(
        ['PV-A', 'PV-B'].map((id) => ({
          fiscal_year: '2026-27',
          program_id: 'dds-qip',
          id,
          name: `Payee ${id}`,
          attributes: JSON.stringify({ serviceCode: '950', rateCents: 5000, units: 1 }),
        })),
      )
      .execute();
  });
  afterAll(() => t?.close());

  it('has an access rule for every operation in /openapi.json, and none for a gone one', () => {
    expect(
      documented.filter((name) => !ACCESS[name]),
      'operations without a row in ACCESS',
    ).toEqual([]);
    expect(
      Object.keys(ACCESS).filter((name) => !documented.includes(name)),
      'rows without an operation',
    ).toEqual([]);
    expect(documented.length).toBeGreaterThanOrEqual(20);
  });

  it('documents every operation with a summary, its security, its auth errors and examples', () => {
    const gaps = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item).flatMap(([method, op]) =>
        documentationGaps(doc, op).map((gap) => `${method.toUpperCase()} ${path}: ${gap}`),
      ),
    );
    expect(gaps).toEqual([]);
  });

  it('answers 401 without a key, with a malformed one and with a revoked one', async () => {
    for (const op of operations.filter((o) => o.access && o.access.roles !== 'public')) {
      for (const key of [null, 'quip_not-a-key', keys.revoked]) {
        const res = await t.app.request(url(op), init(op, key));
        expect(res.status, `${op.name} with ${key === keys.revoked ? 'a revoked key' : String(key)}`).toBe(
          401,
        );
        expect(res.headers.get('content-type')).toBe('application/problem+json');
      }
    }
  });

  it('serves public operations without a key', async () => {
    for (const op of operations.filter((o) => o.access?.roles === 'public')) {
      expect((await t.app.request(url(op), init(op, null))).status, op.name).toBe(200);
    }
  });

  it('answers 403 to every role the table does not allow, and lets the allowed ones past', async () => {
    for (const op of operations.filter((o) => o.access && o.access.roles !== 'public')) {
      for (const role of ALL) {
        const res = await t.app.request(url(op), init(op, keys[role]));
        const allowed = (op.access!.roles as Role[]).includes(role);
        if (allowed) expect([401, 403], `${op.name} as ${role}`).not.toContain(res.status);
        else {
          expect(res.status, `${op.name} as ${role}`).toBe(403);
          expect(res.headers.get('content-type')).toBe('application/problem+json');
        }
      }
    }
  });

  it("keeps a submitter to its own payee: another's answers as one that does not exist", async () => {
    const scoped = operations.filter((op) => op.access?.foreign);
    expect(scoped.length).toBeGreaterThanOrEqual(4);
    for (const op of scoped) {
      const { request, status = 404 } = op.access!.foreign!;
      const send = (role: Role, id: string) => {
        const r = request(id);
        return t.app.request(url(op, r.params, r.query), init(op, keys[role], r.body));
      };
      const foreign = await send('submitter', 'PV-B');
      const foreignText = await foreign.text();
      expect(foreign.status, `${op.name} for PV-B as submitter`).toBe(status);
      expect(foreignText, op.name).not.toContain('PV-B');
      // Exactly the answer for a payee that does not exist: no hint that PV-B does.
      const missing = await send('submitter', 'PV-NONE');
      expect([missing.status, (await missing.text()).replaceAll('PV-NONE', 'PV-B')], op.name).toEqual([
        foreign.status,
        foreignText,
      ]);
      // The scope is what refuses it: the admin reaches PV-B and the submitter its own PV-A.
      expect((await send('admin', 'PV-B')).status, `${op.name} for PV-B as admin`).toBeLessThan(300);
      expect((await send('submitter', 'PV-A')).status, `${op.name} for PV-A as submitter`).toBeLessThan(300);
    }
  });
});
