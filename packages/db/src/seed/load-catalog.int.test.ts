import { RulebookError } from '@quip/core';
import { describe, expect, it } from 'vitest';
import { listAudit } from '../repositories/audit-log.ts';
import { findPublishedRulebook, publishedVersions, saveRulebookRevision } from '../repositories/rulebooks.ts';
import { seededTestDatabase } from '../testing/seeded-test-database.ts';
import { DATABASE_KINDS } from '../testing/test-databases.ts';
import { loadCatalog } from './load-catalog.ts';

/** The smallest valid rulebook: one value measure paid by a fixed schedule. */
function rulebook(programId: string, fiscalYear: string, amount: string) {
  return {
    schemaVersion: 1,
    program: programId,
    fiscalYear,
    measures: [],
    payment: {
      method: 'fixed-milestone-schedule',
      schedule: [{ milestone: 1, label: 'enrolled', amount }],
    },
  };
}

describe.each(DATABASE_KINDS)('catalog loading on %s', (kind) => {
  const database = seededTestDatabase(kind);

  it('publishes each catalog rulebook as version 1 with an audit entry, and skips unknown years', async () => {
    const result = await loadCatalog(database.db, [
      { fiscalYear: '2026-27', programId: 'dhcs-wpc', rulebook: rulebook('dhcs-wpc', '2026-27', '2000.00') },
      { fiscalYear: '2031-32', programId: 'dhcs-wpc', rulebook: rulebook('dhcs-wpc', '2031-32', '2000.00') },
    ]);
    expect(result).toEqual({ loaded: ['dhcs-wpc/2026-27'], kept: [] });
    expect(await publishedVersions(database.db, '2026-27')).toEqual(new Map([['dhcs-wpc', 1]]));
    const audit = await listAudit(database.db, { limit: 10, action: 'rulebook.catalog-load' });
    expect(audit.map((a) => a.subject)).toEqual(['dhcs-wpc/2026-27']);
  });

  it("never overwrites an administrator's edit when loading again", async () => {
    await saveRulebookRevision(database.db, {
      fiscalYear: '2026-27',
      programId: 'dhcs-wpc',
      content: rulebook('dhcs-wpc', '2026-27', '2500.00'),
      contentHash: 'edited',
      source: 'admin',
      createdBy: 'admin-key',
      publish: true,
    });
    const again = await loadCatalog(database.db, [
      { fiscalYear: '2026-27', programId: 'dhcs-wpc', rulebook: rulebook('dhcs-wpc', '2026-27', '2000.00') },
    ]);
    expect(again).toEqual({ loaded: [], kept: ['dhcs-wpc/2026-27'] });
    const current = await findPublishedRulebook(database.db, '2026-27', 'dhcs-wpc');
    expect([current?.version, current?.contentHash]).toEqual([2, 'edited']);
  });

  it('stops on a broken catalog rulebook and loads nothing of it', async () => {
    const broken = { ...rulebook('dhcs-ept', '2026-27', '1.00'), schemaVersion: 99 };
    await expect(
      loadCatalog(database.db, [{ fiscalYear: '2026-27', programId: 'dhcs-ept', rulebook: broken }]),
    ).rejects.toBeInstanceOf(RulebookError);
    expect((await publishedVersions(database.db, '2026-27')).has('dhcs-ept')).toBe(false);
  });
});
