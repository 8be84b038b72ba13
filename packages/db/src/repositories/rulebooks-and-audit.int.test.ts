import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { seededTestDatabase } from '../testing/seeded-test-database.ts';
import { DATABASE_KINDS } from '../testing/test-databases.ts';
import { appendAudit, listAudit, verifyAuditChain } from './audit-log.ts';
import {
  findCurrentDraft,
  findPublishedRulebook,
  publishCurrentDraft,
  publishedVersions,
  saveRulebookRevision,
} from './rulebooks.ts';

describe.each(DATABASE_KINDS)('rulebook revisions and audit log on %s', (kind) => {
  const database = seededTestDatabase(kind);

  it('numbers revisions and published versions separately, and publishes the current draft', async () => {
    const db = database.db;
    const base = { fiscalYear: '2026-27', programId: 'dhcs-ept', source: 'admin' as const, createdBy: 'k1' };
    const v1 = await saveRulebookRevision(db, {
      ...base,
      content: { n: 1 },
      contentHash: 'h1',
      publish: true,
    });
    expect([v1?.revision, v1?.version]).toEqual([1, 1]);
    const draftA = await saveRulebookRevision(db, { ...base, content: { n: 2 }, contentHash: 'h2' });
    const draftB = await saveRulebookRevision(db, { ...base, content: { n: 3 }, contentHash: 'h3' });
    expect([draftA?.revision, draftA?.version, draftB?.revision, draftB?.version]).toEqual([
      2,
      null,
      3,
      null,
    ]);
    expect((await findCurrentDraft(db, '2026-27', 'dhcs-ept'))?.contentHash).toBe('h3');
    const v2 = await publishCurrentDraft(db, '2026-27', 'dhcs-ept', 'k1');
    // Revision 3 becomes version 2: published versions count 1, 2, ... whatever drafts came between.
    expect([v2?.revision, v2?.version]).toEqual([3, 2]);
    expect(await findCurrentDraft(db, '2026-27', 'dhcs-ept')).toBeNull();
    expect(await publishCurrentDraft(db, '2026-27', 'dhcs-ept', 'k1')).toBeNull();
    expect((await findPublishedRulebook(db, '2026-27', 'dhcs-ept'))?.content).toEqual({ n: 3 });
    expect((await findPublishedRulebook(db, '2026-27', 'dhcs-ept', 1))?.content).toEqual({ n: 1 });
    expect(await publishedVersions(db, '2026-27')).toEqual(new Map([['dhcs-ept', 2]]));
  });

  it('refuses to change or delete a published rulebook, in the database itself', async () => {
    const db = database.db;
    await expect(
      sql`update rulebook_revisions set content = '{"n": 99}' where version = 1 and program_id = 'dhcs-ept'`.execute(
        db,
      ),
    ).rejects.toThrow(/immutable/);
    await expect(
      sql`delete from rulebook_revisions where version = 1 and program_id = 'dhcs-ept'`.execute(db),
    ).rejects.toThrow(/immutable/);
    expect((await findPublishedRulebook(db, '2026-27', 'dhcs-ept', 1))?.content).toEqual({ n: 1 });
  });

  it('keeps an append-only, hash-chained audit log', async () => {
    const db = database.db;
    for (const n of [1, 2, 3]) {
      await db.transaction().execute((trx) =>
        appendAudit(trx, {
          actor: 'k1',
          action: 'rulebook.save',
          subject: `dhcs-ept/2026-27#${n}`,
          details: { n },
        }),
      );
    }
    const rows = await listAudit(db, { limit: 10 });
    expect(rows.map((r) => r.subject)).toEqual([
      'dhcs-ept/2026-27#1',
      'dhcs-ept/2026-27#2',
      'dhcs-ept/2026-27#3',
    ]);
    expect(rows[1]?.prevHash).toBe(rows[0]?.hash);
    expect(await verifyAuditChain(db)).toBeNull();
    await expect(sql`update audit_log set action = 'x'`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(db)).rejects.toThrow(/append-only/);
  });

  it('detects a forged row when the chain is recomputed', async () => {
    const db = database.db;
    // Someone with the database owner's rights bypasses the trigger and rewrites history.
    await sql`alter table audit_log disable trigger audit_log_append_only`.execute(db);
    await sql`update audit_log set details = '{"n": 42}' where subject = 'dhcs-ept/2026-27#2'`.execute(db);
    await sql`alter table audit_log enable trigger audit_log_append_only`.execute(db);
    const forged = (await listAudit(db, { limit: 10 })).find((r) => r.subject === 'dhcs-ept/2026-27#2');
    expect(await verifyAuditChain(db)).toBe(forged?.id);
  });
});
