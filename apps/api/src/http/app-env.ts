import type { Principal } from '../auth/principal.ts';

/** Hono context variables set by middleware. */
export interface AppEnv {
  Variables: {
    principal: Principal;
    requestId: string;
  };
}
