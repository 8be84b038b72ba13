import {
  createSubmissionBatch,
  type Database,
  insertSubmissionRows,
  submissionRowJson,
  upsertEntities,
} from '@quip/db';
import { publishRulebook } from '@quip/db/testing';
import { rulebookFixture } from '@quip/fixtures';
import type { Kysely } from 'kysely';

/**
 * A program to run: the rulebook fixture `survey-and-cie-at-least-peer-median-earn-10-percent`
 * (dds-qip 2026-27: a survey, and a cie rate held to the peers' median, so a run must see every payee
 * before it scores) with payees and their submissions.
 */
export interface SyntheticPayee {
  id: string;
  serviceCode: string;
  /** Interns placed out of 10 (cie). */
  placed: number;
}

/** Stores payees (rate $50.00, 1 unit) and per payee a survey and a cie submission, dated 2026-10-01. */
export async function storeSyntheticData(db: Kysely<Database>, payees: readonly SyntheticPayee[]) {
  const scope = { fiscalYear: '2026-27', programId: 'dds-qip' };
  await db.transaction().execute(async (trx) => {
    await upsertEntities(
      trx,
      scope,
      payees.map((p) => ({
        id: p.id,
        name: `Provider ${p.id}`,
        attributes: { serviceCode: p.serviceCode, rateCents: 5000, units: 1 },
      })),
    );
    const batchId = await createSubmissionBatch(trx, {
      ...scope,
      keyId: null,
      format: 'json',
      receivedOn: '2026-10-01',
    });
    const rows = payees.flatMap((p) => [
      submissionRowJson(p.id, 'workforce-survey', '2026-27', '', '2026-10-01', { participated: true }),
      submissionRowJson(p.id, 'cie', '2026-27', '', '2026-10-01', { placed: p.placed, interns: 10 }),
    ]);
    for (let s = 0; s < rows.length; s += 5000) {
      await insertSubmissionRows(trx, { id: batchId, ...scope }, rows.slice(s, s + 5000));
    }
  });
}

/** n payees: every fifth a residential home ('096', cie does not apply), placed = i mod 11. */
export function syntheticPayees(n: number): SyntheticPayee[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `P${String(i + 1).padStart(6, '0')}`,
    serviceCode: i % 5 === 4 ? '096' : '950',
    placed: i % 11,
  }));
}

/** P000001..P000008 serve '950' with 1..8 of 10 interns placed; P000009 and P000010 are '096'. */
export const TEN_SYNTHETIC_PAYEES: readonly SyntheticPayee[] = Array.from({ length: 10 }, (_, i) => ({
  id: `P${String(i + 1).padStart(6, '0')}`,
  serviceCode: i < 8 ? '950' : '096',
  placed: i < 8 ? i + 1 : 0,
}));

/** Publishes the rulebook fixture and stores the payees' data: a program ready for a run. */
export async function storeSyntheticProgram(db: Kysely<Database>, payees: readonly SyntheticPayee[]) {
  await publishRulebook(db, rulebookFixture('survey-and-cie-at-least-peer-median-earn-10-percent'));
  await storeSyntheticData(db, payees);
}
