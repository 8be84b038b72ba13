import createClient, { type Client } from 'openapi-fetch';
import { ApiError, ApiUnreachableError } from './api-error.ts';
import type { paths } from './openapi-types.gen.ts';
import { toProblem } from './problem.ts';

export interface ApiClientOptions {
  /** The current API key, or null when signed out. */
  getKey: () => string | null;
  /** Origin of the API; default the page's own origin (the API serves the SPA). */
  baseUrl?: string;
  fetch?: typeof fetch;
}

/**
 * The API, typed from its own OpenAPI description: `api.GET('/api/v1/runs/{id}', ...)` checks the
 * path, its parameters and body, and types the answer. Error answers never come back as values:
 * they are thrown as ApiError (ApiUnreachableError when nothing answered), so `dataOf` reads the body.
 * Answers are typed as JSON; a file (CSV, XLSX) is asked for with `parseAs: 'blob'`.
 */
export type ApiClient = Client<paths, 'application/json'>;

/** openapi-fetch's client over a fetch that adds the bearer key and turns error answers into typed errors. */
export function createApiClient(options: ApiClientOptions): ApiClient {
  return createClient<paths, 'application/json'>({
    baseUrl: options.baseUrl ?? globalThis.location?.origin ?? '',
    fetch: quipFetch(options),
  });
}

/** The body of a success answer (the client has thrown on any other). */
export async function dataOf<T>(answer: Promise<{ data?: T; response: Response }>): Promise<T> {
  return (await answer).data as T;
}

/** `Authorization` for a key other than the stored one (sign-in checks a key before storing it). */
export function bearer(key: string): { Authorization: string } {
  return { Authorization: `Bearer ${key}` };
}

function quipFetch(options: ApiClientOptions) {
  // Bound late so tests and the browser can swap globalThis.fetch.
  const doFetch = options.fetch ?? ((request: Request) => fetch(request));
  return async (request: Request): Promise<Response> => {
    const key = options.getKey();
    if (key && !request.headers.has('Authorization')) request.headers.set('Authorization', `Bearer ${key}`);
    if (!request.headers.has('Accept')) request.headers.set('Accept', 'application/json');

    let response: Response;
    try {
      response = await doFetch(request);
    } catch (error) {
      if (request.signal.aborted) throw error;
      throw new ApiUnreachableError(error);
    }
    if (!response.ok) {
      const text = await response.text();
      throw new ApiError(toProblem(response.status, response.statusText, parseJson(text)));
    }
    if (response.headers.get('Content-Type')?.startsWith('text/html')) {
      // An HTML success is the SPA's index.html answering a path the API does not have.
      throw new ApiError({
        type: 'about:blank',
        title: 'Unexpected response',
        status: response.status,
        detail: `The API answered ${new URL(request.url).pathname} with something other than JSON.`,
      });
    }
    return response;
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
