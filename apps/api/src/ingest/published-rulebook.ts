import { type CompiledRulebook, compileRulebook } from '@quip/core';
import { type Database, findFiscalYear, findPublishedRulebook, listPrograms } from '@quip/db';
import type { Kysely } from 'kysely';
import { problems } from '../http/problem.ts';

export interface PublishedRulebook {
  compiled: CompiledRulebook;
  version: number;
}

// Compiling a rulebook compiles every expression; published rulebooks never change, so keep a few.
const compiledByHash = new Map<string, CompiledRulebook>();

/**
 * Checks that the fiscal year and program exist (404 otherwise) and returns the program's published
 * rulebook, compiled, or null when none is published yet.
 */
export async function findProgramRulebook(
  db: Kysely<Database>,
  fiscalYear: string,
  programId: string,
  options: { forWrite?: boolean } = {},
): Promise<PublishedRulebook | null> {
  const year = await findFiscalYear(db, fiscalYear);
  if (!year) throw problems.notFound(`Fiscal year ${fiscalYear} does not exist.`);
  // Checked again under a lock inside the write's transaction; this spares reading a large body.
  if (options.forWrite && year.status === 'closed') {
    throw problems.conflict(`Fiscal year ${fiscalYear} is closed: it is read-only.`);
  }
  const programs = await listPrograms(db);
  if (!programs.some((p) => p.id === programId))
    throw problems.notFound(`Program ${programId} does not exist.`);
  const revision = await findPublishedRulebook(db, fiscalYear, programId);
  if (!revision || revision.version === null) return null;
  let compiled = compiledByHash.get(revision.contentHash);
  if (!compiled) {
    compiled = compileRulebook(revision.content);
    if (compiledByHash.size >= 32) compiledByHash.clear();
    compiledByHash.set(revision.contentHash, compiled);
  }
  return { compiled, version: revision.version };
}

/** As findProgramRulebook, but 409 when nothing is published: data is checked against the rulebook. */
export async function requireProgramRulebook(
  db: Kysely<Database>,
  fiscalYear: string,
  programId: string,
): Promise<PublishedRulebook> {
  const published = await findProgramRulebook(db, fiscalYear, programId, { forWrite: true });
  if (!published) {
    throw problems.conflict(
      `Program ${programId} has no published rulebook for ${fiscalYear}: publish one before submitting data.`,
    );
  }
  return published;
}
