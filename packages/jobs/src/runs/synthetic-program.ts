import { contentHash } from '@quip/core';
import {
  createSubmissionBatch,
  type Database,
  insertSubmissionRows,
  saveRulebookRevision,
  submissionRowJson,
  upsertEntities,
} from '@quip/db';
import type { Kysely } from 'kysely';

/**
 * A small DDS-like rulebook for run tests and checks: a reporting measure due 2026-10-31 and an
 * employment rate held to the median of the scored peers (a population target, so a run must see
 * everyone before it scores), paid as a rate incentive (10 % of the rate when all measures are met).
 */
export const SYNTHETIC_RULEBOOK = {
  schemaVersion: 1,
  program: 'dds-qip',
  fiscalYear: '2026-27',
  payee: {
    kind: 'provider-service-code',
    fields: {
      serviceCode: { type: 'string', required: true },
      rateCents: { type: 'number', required: true },
      units: { type: 'number', required: true },
    },
  },
  measures: [
    {
      key: 'workforce-survey',
      name: 'DSP survey participation',
      domain: 'workforce',
      kind: 'reporting',
      fields: { participated: { type: 'boolean', required: true } },
      compute: {
        kind: 'reporting',
        timely: { dueDate: '2026-10-31' },
        accurate: { rules: [{ check: 'participated', message: 'did not take part' }] },
      },
    },
    {
      key: 'cie',
      name: 'Internship to competitive integrated employment',
      domain: 'employment',
      kind: 'outcome',
      appliesTo: { serviceCode: ['950', '952'] },
      fields: { placed: { type: 'number', required: true }, interns: { type: 'number', required: true } },
      compute: { kind: 'rate-counts', numeratorField: 'placed', denominatorField: 'interns' },
      target: { kind: 'peer-percentile', percentile: 50 },
    },
  ],
  payment: { method: 'rate-incentive', incentiveShare: '0.1', earning: 'all-met' },
} as const;

export interface SyntheticPayee {
  id: string;
  serviceCode: string;
  /** Interns placed out of 10 (cie). */
  placed: number;
}

/** Publishes SYNTHETIC_RULEBOOK for dds-qip 2026-27 (as the next version). */
export async function publishSyntheticRulebook(db: Kysely<Database>, content: unknown = SYNTHETIC_RULEBOOK) {
  const revision = await saveRulebookRevision(db, {
    fiscalYear: '2026-27',
    programId: 'dds-qip',
    content,
    contentHash: contentHash(content as never),
    source: 'admin',
    createdBy: null,
    publish: true,
  });
  if (!revision) throw new Error('the synthetic rulebook was not saved');
  return revision;
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
