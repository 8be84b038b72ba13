import { createHash } from 'node:crypto';
import { canonicalJson } from '@quip/core';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';

export const AUDIT_GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  actor: string | null;
  action: string;
  subject: string;
  /** Ids and counts only: never submitted personal data. */
  details?: Record<string, unknown>;
}

export interface AuditRecord extends Required<AuditEntry> {
  id: number;
  at: string;
  /** The name of the API key that acted (null for Quip itself or a key no longer known). */
  actorName: string | null;
  prevHash: string;
  hash: string;
}

/** Filters that match part of a value, ignoring case (as people type them in a search box). */
export interface AuditSearch {
  /** Part of the action ('publish' finds rulebook.publish). */
  actionContains?: string;
  /** Part of the program of a `{program}/{fiscalYear}` subject. */
  program?: string;
  /** Part of the fiscal year named by the subject. */
  fiscalYear?: string;
  /** Part of the acting key's name or id. */
  key?: string;
}

/** `needle` occurs in `haystack`, ignoring case (no LIKE: a typed % or _ is plain text). */
const contains = (haystack: ReturnType<typeof sql>, needle: string) =>
  sql<boolean>`position(${needle.toLowerCase()} in lower(${haystack})) > 0`;

export function auditHash(prevHash: string, entry: { at: string } & AuditEntry): string {
  const body = canonicalJson({
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    subject: entry.subject,
    details: entry.details ?? {},
  });
  return createHash('sha256').update(`${prevHash}\n${body}`).digest('hex');
}

/**
 * Appends one entry, chained to the previous one. Call it inside the transaction that makes the
 * change, so the change and its record land together or not at all.
 */
export async function appendAudit(trx: Transaction<Database>, entry: AuditEntry): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('quip:audit'))`.execute(trx);
  const last = await trx
    .selectFrom('audit_log')
    .select('hash')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const prevHash = last?.hash ?? AUDIT_GENESIS_HASH;
  // Millisecond precision, as stored and read back, so the hash can be recomputed from the row.
  const at = new Date().toISOString();
  await trx
    .insertInto('audit_log')
    .values({
      at,
      actor: entry.actor,
      action: entry.action,
      subject: entry.subject,
      details: JSON.stringify(entry.details ?? {}),
      prev_hash: prevHash,
      hash: auditHash(prevHash, { ...entry, at }),
    })
    .execute();
}

export async function listAudit(
  db: Kysely<Database>,
  options: { afterId?: number; limit: number; action?: string; subject?: string } & AuditSearch,
): Promise<AuditRecord[]> {
  let query = db
    .selectFrom('audit_log')
    .leftJoin('api_keys', 'api_keys.id', 'audit_log.actor')
    .select([
      'audit_log.id',
      'audit_log.at',
      'audit_log.actor',
      'api_keys.name as actorName',
      'audit_log.action',
      'audit_log.subject',
      'audit_log.details',
      'audit_log.prev_hash as prevHash',
      'audit_log.hash',
    ])
    .orderBy('audit_log.id')
    .limit(options.limit);
  if (options.afterId !== undefined) query = query.where('audit_log.id', '>', options.afterId);
  if (options.action) query = query.where('audit_log.action', '=', options.action);
  if (options.subject) query = query.where('audit_log.subject', '=', options.subject);
  if (options.actionContains)
    query = query.where(contains(sql.ref('audit_log.action'), options.actionContains));
  if (options.program) {
    const program = options.program;
    query = query
      .where('audit_log.subject', 'like', '%/%')
      .where('audit_log.subject', 'not like', 'api-key/%')
      .where(contains(sql`split_part(audit_log.subject, '/', 1)`, program));
  }
  if (options.fiscalYear) query = query.where(contains(sql.ref('audit_log.subject'), options.fiscalYear));
  if (options.key) {
    const key = options.key;
    query = query.where((eb) =>
      eb.or([
        contains(sql`coalesce(api_keys.name, '')`, key),
        contains(sql`coalesce(audit_log.actor, '')`, key),
      ]),
    );
  }
  const rows = await query.execute();
  return rows.map((r) => ({ ...r, details: (r.details ?? {}) as Record<string, unknown> }));
}

/** Recomputes the chain; returns the id of the first row that does not match, or null when intact. */
export async function verifyAuditChain(db: Kysely<Database>): Promise<number | null> {
  let prevHash = AUDIT_GENESIS_HASH;
  let afterId = 0;
  for (;;) {
    const page = await listAudit(db, { afterId, limit: 1000 });
    if (page.length === 0) return null;
    for (const row of page) {
      if (row.prevHash !== prevHash || auditHash(prevHash, row) !== row.hash) return row.id;
      prevHash = row.hash;
      afterId = row.id;
    }
  }
}
