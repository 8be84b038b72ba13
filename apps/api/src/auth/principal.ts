import type { ApiKeyRole } from '@quip/db';

/**
 * One payee a scoped (submitter) key may see and write: a payee id means nothing without its
 * program, since two programs may use the same id for different payees. Without a fiscal year the
 * entry holds in every year of the program; with one, in that year only.
 */
export interface ScopeEntry {
  program: string;
  fiscalYear?: string;
  entityId: string;
}

/** A program in a fiscal year: where a request reads or writes payees. */
export interface ProgramYear {
  program: string;
  fiscalYear: string;
}

/** Who is calling: the API key's identity, role and payee scope. */
export interface Principal {
  keyId: string;
  name: string;
  role: ApiKeyRole;
  /** null = all payees; otherwise the only payees this key may see or write. */
  scope: readonly ScopeEntry[] | null;
}

const PROGRAM = '[a-z0-9]+(?:-[a-z0-9]+)*';
const FISCAL_YEAR = '\\d{4}-\\d{2}';
/** `program:entityId` or `program/2026-27:entityId`; the id is everything after the first colon. */
const SCOPE_TEXT = new RegExp(`^(${PROGRAM})(?:/(${FISCAL_YEAR}))?:([\\s\\S]+)$`);

/** A scope entry as one string, as keys store and show it: `dhcs-ept:PV-1`, `dhcs-ept/2026-27:PV-1`. */
export function formatScopeEntry(entry: ScopeEntry): string {
  return `${entry.program}${entry.fiscalYear ? `/${entry.fiscalYear}` : ''}:${entry.entityId}`;
}

/** The entry a string names, or null when it names no program (a bare payee id). */
export function parseScopeEntry(text: string): ScopeEntry | null {
  const match = SCOPE_TEXT.exec(text);
  if (!match) return null;
  const [, program, fiscalYear, entityId] = match as unknown as [string, string, string | undefined, string];
  return fiscalYear ? { program, fiscalYear, entityId } : { program, entityId };
}

/**
 * A key's stored scope. Stored entries are all `program[/year]:id` (migration 0011 rewrote the
 * bare ids of older keys); an entry that does not parse grants nothing.
 */
export function parseKeyScope(stored: readonly string[] | null): ScopeEntry[] | null {
  if (stored === null) return null;
  const entries: ScopeEntry[] = [];
  for (const text of stored) {
    const entry = parseScopeEntry(text);
    if (entry) entries.push(entry);
  }
  return entries;
}

function covers(entry: ScopeEntry, where: ProgramYear): boolean {
  return (
    entry.program === where.program &&
    (entry.fiscalYear === undefined || entry.fiscalYear === where.fiscalYear)
  );
}

/** The payee ids the key may see in this program and year: null = every payee. */
export function scopedEntityIds(principal: Principal, where: ProgramYear): readonly string[] | null {
  if (principal.scope === null) return null;
  const ids = new Set<string>();
  for (const entry of principal.scope) if (covers(entry, where)) ids.add(entry.entityId);
  return [...ids];
}

export function canSeeEntity(principal: Principal, where: ProgramYear, entityId: string): boolean {
  return (
    principal.scope === null ||
    principal.scope.some((entry) => entry.entityId === entityId && covers(entry, where))
  );
}
