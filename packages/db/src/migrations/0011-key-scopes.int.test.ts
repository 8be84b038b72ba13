import { beforeAll, describe, expect, it } from 'vitest';
import { insertApiKey } from '../repositories/api-keys.ts';
import { upsertEntities } from '../repositories/entities.ts';
import { seededTestDatabase } from '../testing/seeded-test-database.ts';
import { DATABASE_KINDS } from '../testing/test-databases.ts';
import { up } from './0011-key-scopes.ts';

/**
 * Keys stored before 0011 hold bare payee ids. PV-SAME is a payee of dds-qip and of dhcs-ept,
 * PV-QIP of dds-qip only, PV-GONE of no program.
 */
describe.each(DATABASE_KINDS)('migration 0011 (key scopes) on %s', (kind) => {
  const database = seededTestDatabase(kind);
  beforeAll(async () => {
    const payee = (id: string) => ({ id, name: 'Payee', attributes: {} });
    await upsertEntities(database.db, { fiscalYear: '2026-27', programId: 'dds-qip' }, [
      payee('PV-SAME'),
      payee('PV-QIP'),
    ]);
    await upsertEntities(database.db, { fiscalYear: '2025-26', programId: 'dhcs-ept' }, [payee('PV-SAME')]);
  });

  const key = (id: string, entityIds: string[] | null) =>
    insertApiKey(database.db, {
      id,
      name: id,
      role: entityIds ? 'submitter' : 'admin',
      entityIds,
      keyHash: `hash-${id}`,
      keyPrefix: 'quip_old',
      createdBy: null,
    });

  it('names the program of each bare id: one entry per program that has the payee, ids of no payee dropped', async () => {
    await key('scoped', ['PV-SAME', 'PV-QIP', 'PV-GONE']);
    await key('nothing-left', ['PV-GONE']);
    await key('admin', null);
    await up(database.db as never);
    const rows = await database.db
      .selectFrom('api_keys')
      .select(['id', 'entity_ids'])
      .where('id', 'in', ['scoped', 'nothing-left', 'admin'])
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { id: 'admin', entity_ids: null },
      { id: 'nothing-left', entity_ids: [] },
      { id: 'scoped', entity_ids: ['dds-qip:PV-QIP', 'dds-qip:PV-SAME', 'dhcs-ept:PV-SAME'] },
    ]);
  });
});
