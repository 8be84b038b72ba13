import { type Database, findFiscalYear, listPrograms } from '@quip/db';
import type { Kysely } from 'kysely';
import { problems } from '../http/problem.ts';

/** 404 unless the program exists. */
export async function requireProgram(db: Kysely<Database>, program: string): Promise<void> {
  if (!(await listPrograms(db)).some((p) => p.id === program))
    throw problems.notFound(`Program ${program} does not exist.`);
}

/** 404 unless both the fiscal year and the program exist. */
export async function requireProgramYear(db: Kysely<Database>, fy: string, program: string): Promise<void> {
  if (!(await findFiscalYear(db, fy))) throw problems.notFound(`Fiscal year ${fy} does not exist.`);
  await requireProgram(db, program);
}
