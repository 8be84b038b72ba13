import { DATABASE_KINDS } from '@quip/db/testing';
import { describe, expect, it } from 'vitest';
import { bearer, useTestApp } from './testing/test-app.ts';

describe.each(DATABASE_KINDS)('API skeleton on %s', (kind) => {
  const t = useTestApp(kind, { bodyLimitBytes: 1024 });

  it('answers /healthz with the database and queue it uses', async () => {
    const res = await t.app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: kind, queue: 'inline' });
  });

  it('lists the seeded fiscal years', async () => {
    const res = await t.app.request('/api/v1/fiscal-years', { headers: bearer(t.admin) });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: { fiscalYear: string; startsOn: string; status: string }[] };
    expect(body.items.map((y) => y.fiscalYear)).toEqual(['2025-26', '2026-27']);
    expect(body.items[1]).toMatchObject({ startsOn: '2026-07-01', endsOn: '2027-06-30', status: 'open' });
  });

  it('lists the five programs of FY 2026-27', async () => {
    const res = await t.app.request('/api/v1/fiscal-years/2026-27/programs', { headers: bearer(t.admin) });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: { id: string }[] };
    expect(body.items.map((p) => p.id).sort()).toEqual([
      'dds-qip',
      'dhcs-ept',
      'dhcs-mcas',
      'dhcs-qwi',
      'dhcs-wpc',
    ]);
  });

  it('answers 401 problem+json without a key, with a malformed header and with an unknown key', async () => {
    for (const headers of [{}, { Authorization: t.admin }, bearer('quip_not-a-real-key')]) {
      const res = await t.app.request('/api/v1/fiscal-years', { headers });
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(await res.json()).toMatchObject({ status: 401, title: 'Unauthorized' });
    }
  });

  it('answers problem+json 404 for an unknown fiscal year and an unknown API route', async () => {
    const year = await t.app.request('/api/v1/fiscal-years/2031-32/programs', { headers: bearer(t.admin) });
    expect(year.status).toBe(404);
    expect(year.headers.get('content-type')).toBe('application/problem+json');
    expect(await year.json()).toMatchObject({ status: 404, detail: 'Fiscal year 2031-32 does not exist.' });
    const route = await t.app.request('/api/v1/no-such-thing', { headers: bearer(t.admin) });
    expect(route.status).toBe(404);
    expect(route.headers.get('content-type')).toBe('application/problem+json');
  });

  it('names the bad parameter of a malformed fiscal year', async () => {
    const res = await t.app.request('/api/v1/fiscal-years/FY27/programs', { headers: bearer(t.admin) });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: { path: string }[] };
    expect(body.errors.map((e) => e.path)).toEqual(['fy']);
  });

  it('refuses a body over the limit with 413 problem+json', async () => {
    const res = await t.app.request('/api/v1/fiscal-years', {
      method: 'POST',
      headers: { ...bearer(t.admin), 'Content-Type': 'application/json' },
      body: JSON.stringify({ padding: 'x'.repeat(2048) }),
    });
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
  });

  it('tells a key who it is', async () => {
    const submitter = await t.keyFor('submitter', ['dds-qip:PV-1', 'dhcs-ept/2026-27:PV-1']);
    const res = await t.app.request('/api/v1/me', { headers: bearer(submitter) });
    expect(await res.json()).toEqual({
      name: 'test submitter',
      role: 'submitter',
      entityIds: ['dds-qip:PV-1', 'dhcs-ept/2026-27:PV-1'],
    });
  });

  it('describes every route in OpenAPI 3.1', async () => {
    const res = await t.app.request('/openapi.json');
    const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    // authorization.int.test.ts checks that every documented operation has an access rule.
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/fiscal-years',
        '/api/v1/fiscal-years/{fy}/programs',
        '/api/v1/me',
        '/healthz',
      ]),
    );
  });

  it('serves the API reference without any external script or font', async () => {
    const page = await (await t.app.request('/docs')).text();
    expect(page).toContain('/docs/scalar.js');
    expect(page).not.toMatch(/src="https?:/);
    const script = await t.app.request('/docs/scalar.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toContain('javascript');
  });
});
