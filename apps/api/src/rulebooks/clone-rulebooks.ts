import { contentHash, type RuleIssue, validateRulebook } from '@quip/core';
import {
  type Database,
  findPublishedRulebook,
  hasAnyRulebook,
  listPrograms,
  saveRulebookRevision,
} from '@quip/db';
import type { Transaction } from 'kysely';
import { invalidRulebook } from './invalid-rulebook.ts';

export interface CloneOutcome {
  cloned: { program: string; revision: number; contentHash: string; fromVersion: number }[];
  skipped: { program: string; reason: 'no-published-rulebook' | 'already-has-rulebook' }[];
}

/**
 * Copies the published rulebook of every program in `source` into `target` as a draft, with its
 * `fiscalYear` rewritten (dates inside it are left for the administrator to move). Programs that
 * already have a rulebook in `target` are skipped, so cloning twice changes nothing. Every draft is
 * validated; if any fails, nothing is saved (the caller's transaction rolls back) and all issues
 * are reported.
 */
export async function cloneRulebooks(
  trx: Transaction<Database>,
  input: { source: string; target: string; actor: string },
): Promise<CloneOutcome> {
  const outcome: CloneOutcome = { cloned: [], skipped: [] };
  const issues: RuleIssue[] = [];
  for (const program of await listPrograms(trx)) {
    const published = await findPublishedRulebook(trx, input.source, program.id);
    if (!published || published.version === null) {
      outcome.skipped.push({ program: program.id, reason: 'no-published-rulebook' });
      continue;
    }
    if (await hasAnyRulebook(trx, input.target, program.id)) {
      outcome.skipped.push({ program: program.id, reason: 'already-has-rulebook' });
      continue;
    }
    const content = { ...(published.content as Record<string, unknown>), fiscalYear: input.target };
    const validation = validateRulebook(content);
    if (!validation.ok) {
      issues.push(...validation.issues.map((i) => ({ ...i, message: `${program.id}: ${i.message}` })));
      continue;
    }
    const hash = contentHash(validation.rulebook);
    const saved = await saveRulebookRevision(trx, {
      fiscalYear: input.target,
      programId: program.id,
      content: validation.rulebook,
      contentHash: hash,
      source: 'clone',
      note: `cloned from ${input.source} version ${published.version}`,
      createdBy: input.actor,
      onlyIfNone: true,
    });
    if (!saved) {
      outcome.skipped.push({ program: program.id, reason: 'already-has-rulebook' });
      continue;
    }
    outcome.cloned.push({
      program: program.id,
      revision: saved.revision,
      contentHash: hash,
      fromVersion: published.version,
    });
  }
  if (issues.length > 0) throw invalidRulebook(issues, 'The clone');
  return outcome;
}
