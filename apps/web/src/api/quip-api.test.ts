import { describe, expect, it } from 'vitest';
import type { ApiClient, RequestOptions } from './api-client.ts';
import { createQuipApi } from './quip-api.ts';

function recordingClient(answer: unknown) {
  const calls: { path: string; options: RequestOptions | undefined }[] = [];
  const client: ApiClient = {
    request: async <T>(path: string, options?: RequestOptions) => {
      calls.push({ path, options });
      return answer as T;
    },
    download: async () => new Blob([]),
  };
  return { calls, client };
}

describe('createQuipApi', () => {
  it('unwraps the items of the fiscal year list', async () => {
    const year = { fiscalYear: '2026-27', startsOn: '2026-07-01', endsOn: '2027-06-30', status: 'open' };
    const { calls, client } = recordingClient({ items: [year] });
    expect(await createQuipApi(client).fiscalYears()).toEqual([year]);
    expect(calls[0]?.path).toBe('/api/v1/fiscal-years');
  });

  it('puts the fiscal year in the programs path, escaped', async () => {
    const { calls, client } = recordingClient({ items: [] });
    const api = createQuipApi(client);
    await api.programs('2026-27');
    await api.programs('a/b');
    expect(calls.map((c) => c.path)).toEqual([
      '/api/v1/fiscal-years/2026-27/programs',
      '/api/v1/fiscal-years/a%2Fb/programs',
    ]);
  });

  it('passes a candidate key through to the client for /me', async () => {
    const { calls, client } = recordingClient({ name: 'n', role: 'analyst', entityIds: null });
    await createQuipApi(client).me({ key: 'candidate' });
    expect(calls[0]).toEqual({ path: '/api/v1/me', options: { key: 'candidate' } });
  });
});
