/** The SPA's API client, for scripts and tests that talk to Quip the way the SPA does. */
export {
  type ApiClient,
  type ApiClientOptions,
  createApiClient,
  type RequestOptions,
} from './api/api-client.ts';
export { ApiError, ApiUnreachableError, isUnauthorized } from './api/api-error.ts';
export type { Problem } from './api/problem.ts';
export { createQuipApi, type QuipApi } from './api/quip-api.ts';
export type { FiscalYear, FiscalYearStatus, ItemList, Me, Program, Role } from './api/resources.ts';
