import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

export interface Program {
  id: string;
  name: string;
  agency: string;
  payeeKind: string;
  description: string;
}

export function listPrograms(db: Kysely<Database>): Promise<Program[]> {
  return db
    .selectFrom('programs')
    .select(['id', 'name', 'agency', 'payee_kind as payeeKind', 'description'])
    .orderBy('id')
    .execute();
}
