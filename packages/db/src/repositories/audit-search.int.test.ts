import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuipDatabase } from '../create-database.ts';
import { DATABASE_KINDS, openTestDatabase } from '../testing/test-databases.ts';
import { insertApiKey } from './api-keys.ts';
import { appendAudit, listAudit } from './audit-log.ts';

describe.each(DATABASE_KINDS)('audit log search on %s', (kind) => {
  let database: QuipDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const key = (id: string, name: string) =>
      insertApiKey(database.db, {
        id,
        name,
        role: 'admin',
        entityIds: null,
        keyHash: `hash-${id}`,
        keyPrefix: id,
        createdBy: null,
      });
    await key('k-ops', 'Program Office ops');
    await key('k-etl', 'Nightly ETL');
    const entries = [
      { actor: 'k-ops', action: 'rulebook.publish', subject: 'dhcs-ept/2026-27' },
      { actor: 'k-etl', action: 'submissions.create', subject: 'dhcs-ept/2026-27' },
      { actor: 'k-ops', action: 'rulebook.save', subject: 'dds-qip/2027-28' },
      { actor: null, action: 'fiscal-year.open', subject: '2027-28' },
      { actor: 'k-gone', action: 'api-key.create', subject: 'api-key/k-etl' },
    ];
    for (const entry of entries) await database.db.transaction().execute((trx) => appendAudit(trx, entry));
  });
  afterAll(() => database?.close());

  const subjects = async (search: Parameters<typeof listAudit>[1]) =>
    (await listAudit(database.db, search)).map((r) => `${r.action} ${r.subject} ${r.actorName ?? '-'}`);

  it('names the acting key beside its id', async () => {
    const rows = await listAudit(database.db, { limit: 10 });
    expect(rows.map((r) => [r.actor, r.actorName])).toEqual([
      ['k-ops', 'Program Office ops'],
      ['k-etl', 'Nightly ETL'],
      ['k-ops', 'Program Office ops'],
      [null, null],
      ['k-gone', null],
    ]);
  });

  it('finds by part of the key name, ignoring case, and by part of the key id', async () => {
    expect(await subjects({ limit: 10, key: 'office' })).toEqual([
      'rulebook.publish dhcs-ept/2026-27 Program Office ops',
      'rulebook.save dds-qip/2027-28 Program Office ops',
    ]);
    expect(await subjects({ limit: 10, key: 'gone' })).toEqual(['api-key.create api-key/k-etl -']);
  });

  it('finds by part of the program, the fiscal year and the action, combined', async () => {
    // 'ept' is part of dhcs-ept only; the api-key subject is no program.
    expect(await subjects({ limit: 10, program: 'EPT' })).toEqual([
      'rulebook.publish dhcs-ept/2026-27 Program Office ops',
      'submissions.create dhcs-ept/2026-27 Nightly ETL',
    ]);
    // '2027' is part of 2027-28 only ('2026-27' holds 2026 and 27, not 2027).
    expect(await subjects({ limit: 10, fiscalYear: '2027' })).toEqual([
      'rulebook.save dds-qip/2027-28 Program Office ops',
      'fiscal-year.open 2027-28 -',
    ]);
    expect(await subjects({ limit: 10, fiscalYear: '2027-28', actionContains: 'rulebook' })).toEqual([
      'rulebook.save dds-qip/2027-28 Program Office ops',
    ]);
    // A typed % is text, not a wildcard.
    expect(await subjects({ limit: 10, actionContains: '%' })).toEqual([]);
  });
});
