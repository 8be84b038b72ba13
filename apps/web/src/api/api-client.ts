import { ApiError, ApiUnreachableError } from './api-error.ts';
import { toProblem } from './problem.ts';

export interface ApiClientOptions {
  /** The current API key, or null when signed out. */
  getKey: () => string | null;
  /** Origin of the API; empty means the page's own origin (the API serves the SPA). */
  baseUrl?: string;
  fetch?: typeof fetch;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** A body sent as it is (a CSV upload), with its content type; `body` is then ignored. */
  rawBody?: { contentType: string; text: string };
  /** Use this key instead of the stored one (sign-in checks a key before storing it). */
  key?: string;
  signal?: AbortSignal;
}

export interface ApiClient {
  request<T>(path: string, options?: RequestOptions): Promise<T>;
  /** A file answer (CSV, XLSX) as a blob, with the bearer key; errors as for request. */
  download(path: string): Promise<Blob>;
}

/** A fetch wrapper that adds the bearer key and turns error answers into typed errors. */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const baseUrl = options.baseUrl ?? '';
  // Bound late so tests and the browser can swap globalThis.fetch.
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));

  return {
    async request<T>(path: string, req: RequestOptions = {}): Promise<T> {
      const headers = new Headers({ Accept: 'application/json' });
      const key = req.key ?? options.getKey();
      if (key) headers.set('Authorization', `Bearer ${key}`);
      const init: RequestInit = { method: req.method ?? 'GET', headers };
      if (req.signal) init.signal = req.signal;
      if (req.rawBody) {
        headers.set('Content-Type', req.rawBody.contentType);
        init.body = req.rawBody.text;
      } else if (req.body !== undefined) {
        headers.set('Content-Type', 'application/json');
        init.body = JSON.stringify(req.body);
      }

      let response: Response;
      try {
        response = await doFetch(baseUrl + path, init);
      } catch (error) {
        if (req.signal?.aborted) throw error;
        throw new ApiUnreachableError(error);
      }

      const text = await response.text();
      let body: unknown;
      try {
        body = text === '' ? undefined : JSON.parse(text);
      } catch {
        body = undefined;
        if (response.ok) {
          // A 200 that is not JSON is most likely the SPA's index.html answering an unknown path.
          throw new ApiError({
            type: 'about:blank',
            title: 'Unexpected response',
            status: response.status,
            detail: `The API answered ${path} with something other than JSON.`,
          });
        }
      }
      if (!response.ok) throw new ApiError(toProblem(response.status, response.statusText, body));
      return body as T;
    },

    async download(path: string): Promise<Blob> {
      const headers = new Headers();
      const key = options.getKey();
      if (key) headers.set('Authorization', `Bearer ${key}`);
      let response: Response;
      try {
        response = await doFetch(baseUrl + path, { headers });
      } catch (error) {
        throw new ApiUnreachableError(error);
      }
      if (!response.ok) {
        const text = await response.text();
        let body: unknown;
        try {
          body = JSON.parse(text);
        } catch {
          body = undefined;
        }
        throw new ApiError(toProblem(response.status, response.statusText, body));
      }
      return response.blob();
    },
  };
}
