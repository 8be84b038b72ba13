import {
  contentHash,
  type RuleIssue,
  shiftRulebookYear,
  type UnshiftedReason,
  validateRulebook,
} from '@quip/core';
import {
  type Database,
  findPublishedRulebook,
  hasAnyRulebook,
  listPrograms,
  saveRulebookRevision,
} from '@quip/db';
import type { Transaction } from 'kysely';
import { invalidRulebook } from './invalid-rulebook.ts';
import { jsonPath } from './json-path.ts';

/** A value the clone moved to the target year: its JSON path and the whole value before and after. */
export interface ClonedShift {
  path: string;
  from: string;
  to: string;
}

/** A date, fiscal-year name or year the clone left for the administrator (see shiftRulebookYear). */
export interface ClonedToReview {
  path: string;
  value: string;
  position?: number;
  reason: UnshiftedReason;
  message: string;
}

export interface CloneOutcome {
  cloned: {
    program: string;
    revision: number;
    contentHash: string;
    fromVersion: number;
    shifted: ClonedShift[];
    unshifted: ClonedToReview[];
  }[];
  skipped: { program: string; reason: 'no-published-rulebook' | 'already-has-rulebook' }[];
}

/**
 * Copies the published rulebook of every program in `source` into `target` as a draft, moved to
 * the target year by core's shiftRulebookYear: every date and fiscal-year name it holds moves by the
 * years between the two, and what it cannot move is listed per program for the administrator.
 * Programs that already have a rulebook in `target` are skipped, so cloning twice changes nothing.
 * Every draft is validated; if any fails, nothing is saved (the caller's transaction rolls back)
 * and all issues are reported.
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
    const moved = shiftRulebookYear(published.content, input.source, input.target);
    const content = { ...(moved.rulebook as Record<string, unknown>), fiscalYear: input.target };
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
      note:
        `cloned from ${input.source} version ${published.version}: ${moved.shifted.length} values moved, ` +
        `${moved.unshifted.length} to review`,
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
      shifted: moved.shifted.map((s) => ({ ...s, path: jsonPath(s.path) })),
      unshifted: moved.unshifted.map((u) => ({ ...u, path: jsonPath(u.path) })),
    });
  }
  if (issues.length > 0) throw invalidRulebook(issues, 'The clone');
  return outcome;
}
