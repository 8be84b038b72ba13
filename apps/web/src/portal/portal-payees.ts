/** A program in a fiscal year and the key's payees in it. */
export interface PortalProgram {
  fiscalYear: string;
  program: string;
  entityIds: string[];
}

/**
 * The programs and payees a submitter's key reaches, from `GET /me`'s `entityIds`
 * (`program:entityId` for every year, or `program/fiscalYear:entityId` for one), in the fiscal
 * years given (newest first); a year-bound entry counts only in its year.
 */
export function portalPrograms(scope: readonly string[], fiscalYears: readonly string[]): PortalProgram[] {
  const out = new Map<string, PortalProgram>();
  for (const fiscalYear of fiscalYears) {
    for (const entry of scope) {
      const colon = entry.indexOf(':');
      if (colon < 0) continue;
      const [program, year] = entry.slice(0, colon).split('/') as [string, string | undefined];
      const entityId = entry.slice(colon + 1);
      if (year !== undefined && year !== fiscalYear) continue;
      const key = `${fiscalYear}\u0000${program}`;
      const found = out.get(key) ?? { fiscalYear, program, entityIds: [] };
      if (!found.entityIds.includes(entityId)) found.entityIds.push(entityId);
      out.set(key, found);
    }
  }
  return [...out.values()];
}
