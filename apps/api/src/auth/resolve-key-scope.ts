import { z } from '@hono/zod-openapi';
import { type Database, listFiscalYears, listPrograms, programsOfPayeeIds } from '@quip/db';
import type { Kysely } from 'kysely';
import type { RowError } from '../http/problem.ts';
import { formatScopeEntry, parseScopeEntry, type ScopeEntry } from './principal.ts';

const ENTITY_ID = z.string().trim().min(1).max(200);

/** One payee of a key's scope, as a new key names it. */
export const ScopeItemSchema = z
  .union([
    z.string().trim().min(1).max(240),
    z
      .object({
        program: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
        fiscalYear: z
          .string()
          .regex(/^\d{4}-\d{2}$/)
          .optional(),
        entityId: ENTITY_ID,
      })
      .strict(),
  ])
  .openapi('ScopeItem', {
    description:
      'A payee in its program, and optionally one fiscal year: `{"program": "dhcs-ept", "entityId": "PV-1"}`, or the string `dhcs-ept:PV-1` (`dhcs-ept/2026-27:PV-1` for one year). A bare payee id is taken only when exactly one program has a payee of that id.',
    example: 'dds-qip:PV-000123',
  });
export type ScopeItem = z.infer<typeof ScopeItemSchema>;

/**
 * The scope entries a new key's `entityIds` name, as stored strings, or the errors (by index,
 * never quoting an id). Programs and fiscal years must exist; a bare id is resolved to the one
 * program that has a payee of that id, and refused when none or several do.
 */
export async function resolveKeyScope(
  db: Kysely<Database>,
  items: readonly ScopeItem[],
): Promise<{ entries: string[]; errors: RowError[] }> {
  const errors: RowError[] = [];
  const entries = new Set<string>();
  const programs = new Set((await listPrograms(db)).map((p) => p.id));
  const years = new Set((await listFiscalYears(db)).map((y) => y.fiscalYear));
  const bare: { index: number; id: string }[] = [];
  const add = (index: number, entry: ScopeEntry) => {
    const path = `entityIds.${index}`;
    if (!programs.has(entry.program)) errors.push({ row: 0, path, message: 'names no known program' });
    else if (entry.fiscalYear !== undefined && !years.has(entry.fiscalYear)) {
      errors.push({ row: 0, path, message: 'names no known fiscal year' });
    } else if (!ENTITY_ID.safeParse(entry.entityId).success) {
      errors.push({ row: 0, path, message: 'needs a payee id of 1 to 200 characters' });
    } else entries.add(formatScopeEntry({ ...entry, entityId: entry.entityId.trim() }));
  };
  items.forEach((item, index) => {
    // `clinic:7` names program `clinic` only if there is one; else it is a payee id with a colon.
    const parsed = typeof item === 'string' ? parseScopeEntry(item) : item;
    if (parsed && programs.has(parsed.program)) add(index, parsed);
    else if (typeof item === 'string') bare.push({ index, id: item });
    else add(index, item);
  });
  const found = await programsOfPayeeIds(
    db,
    bare.map((b) => b.id),
  );
  for (const { index, id } of bare) {
    const holders = found.get(id) ?? [];
    if (holders.length === 1) add(index, { program: holders[0]!, entityId: id });
    else {
      errors.push({
        row: 0,
        path: `entityIds.${index}`,
        message:
          holders.length === 0
            ? 'names no payee of any program: write it as program:entityId'
            : `is a payee id in ${holders.length} programs (${holders.join(', ')}): write it as program:entityId`,
      });
    }
  }
  const at = (e: RowError) => Number(e.path.slice('entityIds.'.length));
  return { entries: [...entries].sort(), errors: errors.sort((a, b) => at(a) - at(b)) };
}
