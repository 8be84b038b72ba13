import { contentHash, RulebookError, validateRulebook } from '@quip/core';
import type { Kysely } from 'kysely';
import { appendAudit } from '../repositories/audit-log.ts';
import { findFiscalYear } from '../repositories/fiscal-years.ts';
import { saveRulebookRevision } from '../repositories/rulebooks.ts';
import type { Database } from '../schema.ts';

export interface CatalogEntry {
  fiscalYear: string;
  programId: string;
  rulebook: unknown;
}

/**
 * Loads the program catalog's rulebooks as published version 1 where a program has no rulebook yet
 * in that fiscal year. A program an administrator has already edited (any revision at all) is left
 * alone, so loading again never overwrites an edit. A broken catalog rulebook stops start-up with
 * its issues rather than being half-loaded.
 */
export async function loadCatalog(
  db: Kysely<Database>,
  catalog: readonly CatalogEntry[],
): Promise<{ loaded: string[]; kept: string[] }> {
  const loaded: string[] = [];
  const kept: string[] = [];
  for (const entry of catalog) {
    const name = `${entry.programId}/${entry.fiscalYear}`;
    const validation = validateRulebook(entry.rulebook);
    if (!validation.ok) {
      throw new RulebookError(
        'catalog-rulebook-invalid',
        `catalog rulebook ${name} is invalid`,
        validation.issues,
      );
    }
    if (!(await findFiscalYear(db, entry.fiscalYear))) continue;
    const hash = contentHash(validation.rulebook);
    const saved = await db.transaction().execute(async (trx) => {
      const revision = await saveRulebookRevision(trx, {
        fiscalYear: entry.fiscalYear,
        programId: entry.programId,
        content: validation.rulebook,
        contentHash: hash,
        source: 'catalog',
        note: 'loaded from the program catalog',
        createdBy: null,
        publish: true,
        onlyIfNone: true,
      });
      if (revision) {
        await appendAudit(trx, {
          actor: null,
          action: 'rulebook.catalog-load',
          subject: name,
          details: { version: revision.version, contentHash: hash },
        });
      }
      return revision;
    });
    if (!saved) {
      kept.push(name);
      continue;
    }
    loaded.push(name);
  }
  return { loaded, kept };
}
