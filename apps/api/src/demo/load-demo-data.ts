import { GENERATED_PROGRAMS, generateProgramData } from '@quip/catalog/generator';
import type { CompiledRulebook, Submission } from '@quip/core';
import { appendAudit, type Database, upsertEntities } from '@quip/db';
import type { Kysely } from 'kysely';
import { findProgramRulebook } from '../ingest/published-rulebook.ts';
import { ingestSubmissions } from '../submissions/ingest-submissions.ts';
import { receiptTime } from '../submissions/receipt-time.ts';

export const DEMO_FISCAL_YEAR = '2026-27';
export const DEMO_SEED = 2026;
const DEMO_ACTOR = 'demo-data';

export interface DemoLoadOutcome {
  loaded: boolean;
  programs: { programId: string; entities: number; submissions: number }[];
}

/** NDJSON lines as a byte stream, produced lazily so a large program never sits in memory whole. */
function ndjsonStream(rows: Iterable<unknown>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = rows[Symbol.iterator]();
  return new ReadableStream({
    pull(controller) {
      let text = '';
      for (let i = 0; i < 2000; i++) {
        const next = iterator.next();
        if (next.done) {
          if (text) controller.enqueue(encoder.encode(text));
          controller.close();
          return;
        }
        text += `${JSON.stringify(next.value)}\n`;
      }
      controller.enqueue(encoder.encode(text));
    },
  });
}

/**
 * Splits the generated stream into uploads the way payees send them: a resubmission of a record
 * (an interim snapshot replaced by the final report) goes in a later upload than the first, since
 * one upload may carry each record once.
 */
function uploadBatches(compiled: CompiledRulebook, rows: Iterable<Submission>): Submission[][] {
  const recordKeys = new Map(compiled.measures.map((m) => [m.key, m.recordKey]));
  const batches: { rows: Submission[]; keys: Set<string> }[] = [];
  for (const row of rows) {
    const data = (row.data ?? {}) as Record<string, unknown>;
    const fields = recordKeys.get(row.measure) ?? [];
    const key = JSON.stringify([row.entityId, row.measure, row.period, fields.map((f) => data[f] ?? null)]);
    // The first upload that does not hold this record yet; resubmissions go one later each time.
    let batch = batches.find((b) => !b.keys.has(key));
    if (!batch) {
      batch = { rows: [], keys: new Set() };
      batches.push(batch);
    }
    batch.rows.push(row);
    batch.keys.add(key);
  }
  return batches.map((b) => b.rows);
}

/**
 * Loads the demo data set (a few hundred payees per program, with their submissions, from the
 * seeded generator) into an empty database, through the same checks and audit trail as an upload.
 * A database that already has any payee is left alone, so a restart never loads twice.
 */
export async function loadDemoData(db: Kysely<Database>): Promise<DemoLoadOutcome> {
  const any = await db.selectFrom('entities').select('id').limit(1).executeTakeFirst();
  if (any) return { loaded: false, programs: [] };
  const programs: DemoLoadOutcome['programs'] = [];
  for (const programId of GENERATED_PROGRAMS) {
    const published = await findProgramRulebook(db, DEMO_FISCAL_YEAR, programId);
    if (!published) continue;
    const data = generateProgramData(programId, {
      seed: DEMO_SEED,
      size: 'demo',
      fiscalYear: DEMO_FISCAL_YEAR,
    });
    const scope = { fiscalYear: DEMO_FISCAL_YEAR, programId };
    await db.transaction().execute(async (trx) => {
      const entities = data.entities.map(({ id, name, ...attributes }) => ({
        id: String(id),
        name: String(name),
        attributes,
      }));
      const counts = await upsertEntities(trx, scope, entities);
      await appendAudit(trx, {
        actor: DEMO_ACTOR,
        action: 'entities.upsert',
        subject: `${programId}/${DEMO_FISCAL_YEAR}`,
        details: { format: 'demo', rows: entities.length, ...counts },
      });
    });
    let submissions = 0;
    const payees = new Map(data.entities.map((e) => [String(e.id), { ...e, id: String(e.id) }]));
    for (const batch of uploadBatches(published.compiled, data.submissions())) {
      const answer = await ingestSubmissions(
        db,
        ndjsonStream(batch),
        {
          fiscalYear: DEMO_FISCAL_YEAR,
          programId,
          compiled: published.compiled,
          payeeOf: (id) => payees.get(id),
          keyId: DEMO_ACTOR,
          format: 'ndjson',
          ...receiptTime(new Date(), published.compiled),
          // The demo is a whole simulated year: each record declares the day it was "received",
          // the year's late filings included (after today's date).
          mayDeclare: true,
          declaredUntil: null,
          dryRun: false,
          maxRows: Number.MAX_SAFE_INTEGER,
        },
        async () => {},
      );
      submissions += answer.rows;
    }
    programs.push({ programId, entities: data.entities.length, submissions });
  }
  return { loaded: true, programs };
}
