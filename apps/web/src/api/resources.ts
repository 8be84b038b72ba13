/** The JSON shapes of the /api/v1 resources the SPA reads (CONTRACT.md, "HTTP"). */

export type Role = 'admin' | 'analyst' | 'submitter';

/** `GET /api/v1/me`: who the API key belongs to. `entityIds` null means "not scoped to entities". */
export interface Me {
  name: string;
  role: Role;
  entityIds: string[] | null;
}

export type FiscalYearStatus = 'draft' | 'open' | 'closed';

export interface FiscalYear {
  /** e.g. `2026-27` */
  fiscalYear: string;
  /** ISO date, e.g. `2026-07-01` */
  startsOn: string;
  endsOn: string;
  status: FiscalYearStatus;
}

export interface Program {
  id: string;
  name: string;
  agency: string;
  payeeKind: string;
  /** One sentence on how the program pays. */
  description?: string;
  /** The published rulebook version, or null while nothing is published. */
  rulebookVersion: number | null;
}

export interface ItemList<T> {
  items: T[];
}
