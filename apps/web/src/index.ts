/** The SPA's API client, for scripts and tests that talk to Quip the way the SPA does. */
export { type ApiClient, type ApiClientOptions, createApiClient, dataOf } from './api/api-client.ts';
export { ApiError, ApiUnreachableError, isUnauthorized } from './api/api-error.ts';
export type { components, paths } from './api/openapi-types.gen.ts';
export type { Problem } from './api/problem.ts';
export type { FiscalYear, FiscalYearStatus, Me, Program, Role } from './api/resources.ts';
