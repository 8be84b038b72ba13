import { contentHash } from '@quip/core';
import type { Kysely } from 'kysely';
import { type RulebookRevision, saveRulebookRevision } from '../repositories/rulebooks.ts';
import type { Database } from '../schema.ts';

/**
 * Saves a rulebook as the next published version of its program and fiscal year, straight through
 * the repository: the set-up of tests and benchmarks that need a published rulebook without the API.
 * Nothing validates it, so a test may publish a broken rulebook on purpose.
 */
export async function publishRulebook(
  db: Kysely<Database>,
  rulebook: { program: string; fiscalYear: string; [key: string]: unknown },
): Promise<RulebookRevision> {
  const revision = await saveRulebookRevision(db, {
    fiscalYear: rulebook.fiscalYear,
    programId: rulebook.program,
    content: rulebook,
    contentHash: contentHash(rulebook),
    source: 'admin',
    createdBy: null,
    publish: true,
  });
  if (!revision) throw new Error(`the ${rulebook.program} ${rulebook.fiscalYear} rulebook was not saved`);
  return revision;
}
