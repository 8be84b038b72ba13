import { CATALOG } from '@quip/catalog';
import { generateProgramData } from '@quip/catalog/generator';
import { compileRulebook, createWhatIf, type Entity } from '@quip/core';
import {
  createSubmissionBatch,
  insertSubmissionRows,
  loadCatalog,
  type QuipDatabase,
  seedReferenceData,
  submissionRowJson,
  upsertEntities,
} from '@quip/db';
import { openTestDatabase } from '@quip/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobDefinitions } from '../handlers/job-definitions.ts';
import { InlineJobRunner } from '../runners/inline-runner.ts';
import { waitForRunEnd } from '../testing/index.ts';
import { startRun } from './start-run.ts';

/**
 * One evaluation (issue 12): a run of a catalog program over its demo data pays, to the cent, what
 * the SPA's what-if (core's createWhatIf) pays over the same payees and submissions. The what-if
 * is held equal to evaluateProgram under random edits by
 * packages/catalog/src/rulebooks/what-if-matches-evaluation.test.ts, and the run's phased path
 * (chunks of evaluateMeasureValues, then scoreAndPay) to evaluateProgram by
 * packages/core/src/evaluate/evaluate-phased.test.ts; this closes the triangle through the database.
 */
const FISCAL_YEAR = '2026-27';
const DEMO_SEED = 2026;
// After every due date of the catalog's 2026-27 rulebooks (the WPC reports are due 2027-07-31).
const AS_OF = '2027-10-14';

/** Stores the demo payees ({ id, name, ...attributes }) and submissions as uploads store them. */
async function storeDemo(db: QuipDatabase['db'], programId: string) {
  const entry = CATALOG.find((e) => e.programId === programId && e.fiscalYear === FISCAL_YEAR);
  if (!entry) throw new Error(`no catalog rulebook for ${programId}`);
  const compiled = compileRulebook(entry.rulebook);
  const data = generateProgramData(programId, { seed: DEMO_SEED, size: 'demo', fiscalYear: FISCAL_YEAR });
  const submissions = [...data.submissions()];
  const scope = { fiscalYear: FISCAL_YEAR, programId };
  await db.transaction().execute(async (trx) => {
    await upsertEntities(
      trx,
      scope,
      data.entities.map(({ id, name, ...attributes }) => ({
        id: String(id),
        name: String(name),
        attributes,
      })),
    );
    const batchId = await createSubmissionBatch(trx, {
      ...scope,
      keyId: null,
      format: 'json',
      receivedOn: AS_OF,
    });
    const rows = submissions.map((s) => {
      const measure = compiled.measures[compiled.measureIndex.get(s.measure) as number];
      const data = s.data as Record<string, unknown>;
      const keyFields = measure?.recordKey ?? [];
      const recordKey = keyFields.length === 0 ? '' : JSON.stringify(keyFields.map((f) => data[f] ?? null));
      return submissionRowJson(s.entityId, s.measure, s.period, recordKey, s.submittedOn as string, data);
    });
    for (let i = 0; i < rows.length; i += 2000)
      await insertSubmissionRows(trx, { id: batchId, ...scope }, rows.slice(i, i + 2000));
  });
  return { compiled, entities: data.entities as Entity[], submissions };
}

describe('a run pays what the what-if pays (PGlite, inline runner, catalog demo data)', () => {
  let database: QuipDatabase;
  let runner: InlineJobRunner;
  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    await seedReferenceData(database.db);
    await loadCatalog(database.db, CATALOG);
    runner = new InlineJobRunner(10);
    await runner.startWorker(jobDefinitions({ db: database.db }));
  });
  afterAll(async () => {
    await runner?.close(1_000);
    await database?.close();
  });

  it.each([
    // WPC: the incentive pool, start-up grants and the housing fund (two additional parts, three
    // pools). $10,000,000 + 11 approved grants x $200,000 + $100,000,000 = $112,200,000.00.
    ['dhcs-wpc', 11_220_000_000],
    // DDS QIP: a rate incentive per provider (the per-payee path of the what-if's payment cache).
    ['dds-qip', null],
  ] as const)('%s', async (programId, expectedCents) => {
    const { compiled, entities, submissions } = await storeDemo(database.db, programId);
    const started = await startRun(database.db, runner, {
      fiscalYear: FISCAL_YEAR,
      programId,
      asOf: AS_OF,
      createdBy: null,
      chunkSize: 100,
    });
    if (!started) throw new Error('no published rulebook');
    const run = await waitForRunEnd(database.db, started.run.id, 60_000);
    expect(run.status).toBe('succeeded');
    const whatIf = createWhatIf(compiled, { entities, submissions, asOf: AS_OF }).result();
    expect(run.totals?.payees).toBe(entities.length);
    expect(whatIf.totalCents).toBeGreaterThan(0);
    expect(run.totals?.totalCents).toBe(whatIf.totalCents);
    if (expectedCents !== null) expect(whatIf.totalCents).toBe(expectedCents);
  });
});
