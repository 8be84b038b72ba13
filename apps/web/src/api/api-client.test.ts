import { describe, expect, it } from 'vitest';
import { createApiClient } from './api-client.ts';
import { ApiError, ApiUnreachableError } from './api-error.ts';

interface Call {
  url: string;
  init: RequestInit;
}

function fakeFetch(respond: (call: Call) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const call = { url: String(input), init };
    calls.push(call);
    return respond(call);
  };
  return { calls, fetch: fetch as typeof globalThis.fetch };
}

const json = (body: unknown, status = 200, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });

describe('createApiClient', () => {
  it('sends the stored key as a bearer token and returns the parsed body', async () => {
    const { calls, fetch } = fakeFetch(() => json({ name: 'Ada', role: 'admin', entityIds: null }));
    const client = createApiClient({ getKey: () => 'key-1', baseUrl: 'http://api.test', fetch });

    const me = await client.request<{ name: string }>('/api/v1/me');

    expect(me.name).toBe('Ada');
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe('http://api.test/api/v1/me');
    expect(calls[0]?.init.method).toBe('GET');
    const headers = new Headers(calls[0]?.init.headers);
    expect(headers.get('Authorization')).toBe('Bearer key-1');
    expect(headers.get('Accept')).toBe('application/json');
  });

  it('prefers a key given with the request, for checking a key before storing it', async () => {
    const { calls, fetch } = fakeFetch(() => json({}));
    const client = createApiClient({ getKey: () => 'stored', fetch });
    await client.request('/api/v1/me', { key: 'candidate' });
    expect(new Headers(calls[0]?.init.headers).get('Authorization')).toBe('Bearer candidate');
  });

  it('sends no Authorization header while signed out', async () => {
    const { calls, fetch } = fakeFetch(() => json({}));
    await createApiClient({ getKey: () => null, fetch }).request('/healthz');
    expect(new Headers(calls[0]?.init.headers).has('Authorization')).toBe(false);
  });

  it('sends a body as JSON', async () => {
    const { calls, fetch } = fakeFetch(() => json({ id: 'k1' }, 201));
    await createApiClient({ getKey: () => 'k', fetch }).request('/api/v1/api-keys', {
      method: 'POST',
      body: { name: 'n', role: 'analyst' },
    });
    expect(calls[0]?.init.method).toBe('POST');
    expect(calls[0]?.init.body).toBe('{"name":"n","role":"analyst"}');
    expect(new Headers(calls[0]?.init.headers).get('Content-Type')).toBe('application/json');
  });

  it('turns a problem+json answer into an ApiError carrying the problem', async () => {
    const problem = {
      type: 'https://quip.dev/problems/unauthorized',
      title: 'Unauthorized',
      status: 401,
      detail: 'Unknown API key.',
    };
    const { fetch } = fakeFetch(() => json(problem, 401, 'application/problem+json'));
    const error = await createApiClient({ getKey: () => 'bad', fetch })
      .request('/api/v1/me')
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
    const error = (await createApiClient({ getKey: () => 'k', fetch })
      .request('/api/v1/fiscal-years')
      .catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.problem).toEqual({ type: 'about:blank', title: 'Bad Gateway', status: 502 });
  });

  it('rejects a 200 answer that is not JSON instead of handing HTML to the caller', async () => {
    const { fetch } = fakeFetch(() => new Response('<!doctype html><html></html>', { status: 200 }));
    const error = await createApiClient({ getKey: () => 'k', fetch })
      .request('/api/v1/nope')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).problem.title).toBe('Unexpected response');
  });

  it('returns undefined for an empty success body (204)', async () => {
    const { fetch } = fakeFetch(() => new Response(null, { status: 204 }));
    const result = await createApiClient({ getKey: () => 'k', fetch }).request('/api/v1/api-keys/1', {
      method: 'DELETE',
    });
    expect(result).toBeUndefined();
  });

  it('reports a failed connection as ApiUnreachableError', async () => {
    const { fetch } = fakeFetch(() => {
      throw new TypeError('Failed to fetch');
    });
    const error = await createApiClient({ getKey: () => 'k', fetch })
      .request('/api/v1/me')
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
    const error = await createApiClient({ getKey: () => 'k', fetch })
      .request('/api/v1/me', { signal: controller.signal })
      .catch((e: unknown) => e);
    expect(error).toBe(abort);
  });
});
