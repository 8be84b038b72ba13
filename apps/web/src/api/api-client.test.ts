import { describe, expect, it } from 'vitest';
import { bearer, createApiClient, dataOf } from './api-client.ts';
import { ApiError, ApiUnreachableError } from './api-error.ts';

/** A fetch that records the requests the client makes (openapi-fetch hands it a Request). */
function fakeFetch(respond: (request: Request) => Response | Promise<Response>) {
  const calls: Request[] = [];
  const fetch = async (request: Request) => {
    calls.push(request);
    return respond(request);
  };
  return { calls, fetch: fetch as typeof globalThis.fetch };
}

const baseUrl = 'http://api.test';

const json = (body: unknown, status = 200, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });

describe('createApiClient', () => {
  it('sends the stored key as a bearer token and returns the parsed body', async () => {
    const { calls, fetch } = fakeFetch(() => json({ name: 'Ada', role: 'admin', entityIds: null }));
    const client = createApiClient({ getKey: () => 'key-1', baseUrl, fetch });

    const me = await dataOf(client.GET('/api/v1/me'));

    expect(me.name).toBe('Ada');
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe('http://api.test/api/v1/me');
    expect(calls[0]?.method).toBe('GET');
    expect(calls[0]?.headers.get('Authorization')).toBe('Bearer key-1');
    expect(calls[0]?.headers.get('Accept')).toBe('application/json');
  });

  it('prefers a key given with the request, for checking a key before storing it', async () => {
    const { calls, fetch } = fakeFetch(() => json({}));
    const client = createApiClient({ getKey: () => 'stored', baseUrl, fetch });
    await client.GET('/api/v1/me', { headers: bearer('candidate') });
    expect(calls[0]?.headers.get('Authorization')).toBe('Bearer candidate');
  });

  it('sends no Authorization header while signed out', async () => {
    const { calls, fetch } = fakeFetch(() => json({}));
    await createApiClient({ getKey: () => null, baseUrl, fetch }).GET('/healthz');
    expect(calls[0]?.headers.has('Authorization')).toBe(false);
  });

  it('sends a body as JSON', async () => {
    const { calls, fetch } = fakeFetch(() => json({ id: 'k1' }, 201));
    await createApiClient({ getKey: () => 'k', baseUrl, fetch }).POST('/api/v1/api-keys', {
      body: { name: 'n', role: 'analyst' },
    });
    expect(calls[0]?.method).toBe('POST');
    expect(await calls[0]?.text()).toBe('{"name":"n","role":"analyst"}');
    expect(calls[0]?.headers.get('Content-Type')).toBe('application/json');
  });

  it('turns a problem+json answer into an ApiError carrying the problem', async () => {
    const problem = {
      type: 'https://quip.dev/problems/unauthorized',
      title: 'Unauthorized',
      status: 401,
      detail: 'Unknown API key.',
    };
    const { fetch } = fakeFetch(() => json(problem, 401, 'application/problem+json'));
    const error = await createApiClient({ getKey: () => 'bad', baseUrl, fetch })
      .GET('/api/v1/me')
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(401);
    expect(apiError.problem).toEqual(problem);
    expect(apiError.message).toBe('Unauthorized: Unknown API key.');
  });

  it('still gives an ApiError when an error answer is not JSON (a proxy page, say)', async () => {
    const { fetch } = fakeFetch(
      () => new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }),
    );
    const error = (await createApiClient({ getKey: () => 'k', baseUrl, fetch })
      .GET('/api/v1/fiscal-years')
      .catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.problem).toEqual({ type: 'about:blank', title: 'Bad Gateway', status: 502 });
  });

  it("rejects the SPA's index.html answering a path the API lacks instead of handing HTML to the caller", async () => {
    const html = { status: 200, headers: { 'Content-Type': 'text/html; charset=UTF-8' } };
    const { fetch } = fakeFetch(() => new Response('<!doctype html><html></html>', html));
    const error = await createApiClient({ getKey: () => 'k', baseUrl, fetch })
      .GET('/api/v1/me')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).problem.title).toBe('Unexpected response');
  });

  it('returns undefined for an empty success body (204)', async () => {
    const { fetch } = fakeFetch(() => new Response(null, { status: 204 }));
    const client = createApiClient({ getKey: () => 'k', baseUrl, fetch });
    const result = await dataOf(client.DELETE('/api/v1/api-keys/{id}', { params: { path: { id: '1' } } }));
    expect(result).toBeUndefined();
  });

  it('reports a failed connection as ApiUnreachableError', async () => {
    const { fetch } = fakeFetch(() => {
      throw new TypeError('Failed to fetch');
    });
    const error = await createApiClient({ getKey: () => 'k', baseUrl, fetch })
      .GET('/api/v1/me')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiUnreachableError);
    expect((error as Error).cause).toBeInstanceOf(TypeError);
  });

  it('lets an abort through unchanged, so react-query sees a cancellation', async () => {
    const controller = new AbortController();
    const abort = new DOMException('aborted', 'AbortError');
    const { fetch } = fakeFetch(() => {
      controller.abort();
      throw abort;
    });
    const error = await createApiClient({ getKey: () => 'k', baseUrl, fetch })
      .GET('/api/v1/me', { signal: controller.signal })
      .catch((e: unknown) => e);
    expect(error).toBe(abort);
  });
});
