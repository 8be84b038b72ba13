import type { ApiKeyRole } from '@quip/db';

/** Who is calling: the API key's identity, role and entity scope. */
export interface Principal {
  keyId: string;
  name: string;
  role: ApiKeyRole;
  /** null = all entities; otherwise the only payees this key may see or write. */
  entityIds: readonly string[] | null;
}

export function canSeeEntity(principal: Principal, entityId: string): boolean {
  return principal.entityIds === null || principal.entityIds.includes(entityId);
}
