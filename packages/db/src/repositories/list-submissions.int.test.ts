import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { QuipDatabase } from '../create-database.ts';
import { seededTestDatabase } from '../testing/seeded-test-database.ts';
import { DATABASE_KINDS } from '../testing/test-databases.ts';
import { insertApiKey } from './api-keys.ts';
import { upsertEntities } from './entities.ts';
import {
  createSubmissionBatch,
  finishSubmissionBatch,
  insertSubmissionRows,
  listSubmissions,
  type SubmissionQuery,
  type SubmissionRecord,
  submissionRowJson,
} from './submissions.ts';

const SCOPE = { fiscalYear: '2026-27', programId: 'dds-qip' };
const PAYEES = ['V1', 'V2', 'V3', 'V4', 'V5'];
const MEASURES = ['screenings', 'staffing', 'directory'];
const PERIODS = ['2026-27', '2026-Q1'];

/**
 * Five batches over 5 payees x 3 measures x 2 periods x 4 record keys (one measure has no record
 * key): the first holds every record, each later one resubmits a varying subset (so a record has
 * 1 to 5 versions), the third is sent by a key that is deleted afterwards (keyName null) and its
 * rows carry a declared day and findings, and the last one repeats one record twice within the
 * batch (the API refuses that; the table does not, and the later row is the current one). Another
 * program's rows with the same payees and keys must never show.
 */
async function load(db: QuipDatabase['db']): Promise<void> {
  for (const programId of [SCOPE.programId, 'dhcs-qwi']) {
    await upsertEntities(
      db,
      { fiscalYear: SCOPE.fiscalYear, programId },
      PAYEES.map((id) => ({ id, name: id, attributes: {} })),
    );
  }
  for (const [id, name] of [
    ['k-sender', 'sender'],
    ['k-gone', 'gone'],
  ] as const) {
    await insertApiKey(db, {
      id,
      name,
      role: 'submitter',
      entityIds: null,
      keyHash: `hash-${id}`,
      keyPrefix: id,
      createdBy: null,
    });
  }
  let n = 0;
  for (let batch = 0; batch < 5; batch++) {
    const rows: string[] = [];
    for (const entity of PAYEES) {
      for (const measure of MEASURES) {
        for (const period of PERIODS) {
          for (const key of measure === 'directory' ? [''] : ['["a"]', '["b"]', '["c"]', '["d"]']) {
            n++;
            // Batch 0 has everything; batch b > 0 resubmits about one record in b + 1.
            if (batch > 0 && n % (batch + 1) !== 0) continue;
            const findings =
              batch === 2 && n % 2 === 0 ? JSON.stringify([{ path: 'age', message: 'is missing' }]) : null;
            rows.push(
              submissionRowJson(
                entity,
                measure,
                period,
                key,
                '2026-09-01',
                { v: n, batch },
                batch === 2 ? '2026-08-31' : null,
                findings,
              ),
            );
          }
        }
      }
    }
    if (batch === 4)
      rows.push(submissionRowJson('V2', 'staffing', '2026-27', '["a"]', '2026-09-01', { v: 'twice' }));
    await db.transaction().execute(async (trx) => {
      for (const programId of [SCOPE.programId, 'dhcs-qwi']) {
        const id = await createSubmissionBatch(trx, {
          fiscalYear: SCOPE.fiscalYear,
          programId,
          keyId: batch === 2 ? 'k-gone' : batch === 0 ? null : 'k-sender',
          format: 'json',
          receivedOn: `2026-11-2${batch}`,
          receivedAt: `2026-11-2${batch}T10:00:00.000Z`,
        });
        // Interleave the payees' rows as an agency's file does, in a few statements.
        for (let i = 0; i < rows.length; i += 37) {
          await insertSubmissionRows(
            trx,
            { id, fiscalYear: SCOPE.fiscalYear, programId },
            rows.slice(i, i + 37),
          );
        }
        await finishSubmissionBatch(trx, id, rows.length);
      }
    });
  }
  await sql`delete from api_keys where id = 'k-gone'`.execute(db);
  await sql`analyze submissions`.execute(db);
}

/** The plain definition: every row of the query, or the latest version of each record, by id. */
async function reference(db: QuipDatabase['db'], query: SubmissionQuery): Promise<SubmissionRecord[]> {
  const { rows } = await sql<SubmissionRecord & { latest: number }>`
    select * from (
      select s.id, s.batch_id as "batchId", s.entity_id as "entityId", s.measure, s.period,
        s.submitted_on as "submittedOn", b.received_at as "receivedAt", s.declared_on as "declaredOn",
        k.name as "keyName", s.data, s.findings,
        max(s.id) over (partition by s.entity_id, s.measure, s.period, s.record_key) as latest
      from submissions s
      join submission_batches b on b.id = s.batch_id
      left join api_keys k on k.id = b.key_id
      where s.fiscal_year = ${query.fiscalYear} and s.program_id = ${query.programId}
    ) r
    order by r.id
  `.execute(db);
  return rows
    .filter(
      (r) =>
        (query.history || r.id === r.latest) &&
        (query.entityIds === null || query.entityIds.includes(r.entityId)) &&
        (query.entityId === undefined || r.entityId === query.entityId) &&
        (query.measure === undefined || r.measure === query.measure) &&
        (query.period === undefined || r.period === query.period),
    )
    .map(({ latest: _, ...r }) => ({ ...r, data: r.data ?? {}, findings: r.findings ?? [] }));
}

/** Every page of listSubmissions, walked by afterId as the API's cursor does. */
async function walk(db: QuipDatabase['db'], query: SubmissionQuery): Promise<SubmissionRecord[][]> {
  const pages: SubmissionRecord[][] = [];
  let afterId: number | undefined;
  for (;;) {
    const page = await listSubmissions(db, { ...query, ...(afterId === undefined ? {} : { afterId }) });
    if (page.length === 0) return pages;
    pages.push(page);
    afterId = page[page.length - 1]!.id;
  }
}

const FILTERS: { name: string; filter: Partial<SubmissionQuery> }[] = [
  { name: 'admin, everything', filter: { entityIds: null } },
  { name: 'admin, one measure', filter: { entityIds: null, measure: 'staffing' } },
  {
    name: 'admin, a measure and a period',
    filter: { entityIds: null, measure: 'screenings', period: '2026-Q1' },
  },
  { name: 'admin, one payee', filter: { entityIds: null, entityId: 'V3' } },
  { name: 'submitter of one payee', filter: { entityIds: ['V2'] } },
  { name: 'submitter of three payees', filter: { entityIds: ['V5', 'V1', 'V2'] } },
  {
    name: 'submitter of three payees, one measure',
    filter: { entityIds: ['V1', 'V2', 'V4'], measure: 'directory' },
  },
  {
    name: 'submitter of three payees, asking for one',
    filter: { entityIds: ['V1', 'V2', 'V4'], entityId: 'V4' },
  },
  { name: 'submitter asking for a payee outside its scope', filter: { entityIds: ['V1'], entityId: 'V4' } },
  { name: 'submitter of an unknown payee', filter: { entityIds: ['V9'] } },
  { name: 'submitter of no payee', filter: { entityIds: [] } },
];

describe.each(DATABASE_KINDS)('listSubmissions on %s', (kind) => {
  const database = seededTestDatabase(kind);
  beforeAll(() => load(database.db), 60_000);

  it('loads data with versions, declared days, findings and a deleted key', async () => {
    const all = await reference(database.db, { ...SCOPE, entityIds: null, history: true, limit: 0 });
    const current = await reference(database.db, { ...SCOPE, entityIds: null, history: false, limit: 0 });
    // 5 payees x (2 measures x 2 periods x 4 keys + 1 measure x 2 periods x 1 key) = 5 x 18 = 90 records.
    expect(current).toHaveLength(90);
    expect(all.length).toBeGreaterThan(150);
    expect(
      all.some((r) => r.keyName === null && r.declaredOn === '2026-08-31' && r.findings.length === 1),
    ).toBe(true);
    expect(current.some((r) => r.keyName === 'sender')).toBe(true);
    expect(
      current.find((r) => r.entityId === 'V2' && r.measure === 'staffing' && r.data.v === 'twice'),
    ).toBeDefined();
  });

  for (const history of [false, true]) {
    for (const { name, filter } of FILTERS) {
      it(`pages ${history ? 'every version' : 'current versions'} as the plain query does: ${name}`, async () => {
        const query = { ...SCOPE, entityIds: null, history, limit: 0, ...filter };
        const expected = await reference(database.db, query);
        for (const limit of [1, 7, 100]) {
          const pages = await walk(database.db, { ...query, limit });
          expect(pages.flat()).toEqual(expected);
          expect(pages.slice(0, -1).every((p) => p.length === limit)).toBe(true);
        }
        // A cursor inside the list starts right after it.
        if (expected.length > 3) {
          const from = expected[2]!.id;
          expect(await listSubmissions(database.db, { ...query, limit: 5, afterId: from })).toEqual(
            expected.slice(3, 8),
          );
        }
      });
    }
  }
});
