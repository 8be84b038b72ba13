import { listAudit } from '@quip/db';
import { DATABASE_KINDS } from '@quip/db/testing';
import { rulebookFixture } from '@quip/fixtures';
import { storeSyntheticProgram } from '@quip/jobs/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { ddsQipRulebook } from '../testing/rulebooks-fixture.ts';
import { bearer, json, useTestApp } from '../testing/test-app.ts';

interface CloseRefused {
  status: number;
  detail: string;
  errors: { row: number; path: string; message: string }[];
  reasons: { program: string; reason: string; message: string }[];
}

const DDS = '/fiscal-years/2026-27/programs/dds-qip';

describe.each(DATABASE_KINDS)('final, then closed, on %s', (kind) => {
  const t = useTestApp(kind, { worker: true });
  const { api } = t;
  const close = (fy: string, force?: boolean) =>
    api(
      `/fiscal-years/${fy}`,
      json(t.admin, force === undefined ? { status: 'closed' } : { status: 'closed', force }, 'PATCH'),
    );
  const statusOf = async (fy: string) =>
    (
      (await (await api('/fiscal-years', { headers: bearer(t.admin) })).json()) as {
        items: { fiscalYear: string; status: string }[];
      }
    ).items.find((y) => y.fiscalYear === fy)?.status;
  const startRun = () => t.succeededRun(`/api/v1${DDS}`, t.admin, { asOf: '2026-11-23' });
  const markOfficial = (id: number) =>
    api(`/runs/${id}/official`, { method: 'POST', headers: bearer(t.admin) });
  let first: number;
  let second: number;

  beforeAll(async () => {
    // dds-qip 2026-27: version 1 published (revision 1) and two payees with data.
    await storeSyntheticProgram(t.database.db, [
      { id: 'P000001', serviceCode: '950', placed: 3 },
      { id: 'P000002', serviceCode: '096', placed: 0 },
    ]);
  });

  it('refuses to close while a program has an unpublished draft and no official run, listing each reason', async () => {
    const draft = await api(
      `${DDS}/rulebook`,
      json(
        t.admin,
        {
          ...rulebookFixture('survey-and-cie-at-least-peer-median-earn-10-percent'),
          name: 'DDS QIP, edited',
        },
        'PUT',
      ),
    );
    expect(draft.status).toBe(200);
    const res = await close('2026-27');
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const problem = (await res.json()) as CloseRefused;
    // Only dds-qip has a rulebook in 2026-27 here; the four other programs take no part in the year.
    expect(problem.reasons).toEqual([
      {
        program: 'dds-qip',
        reason: 'unpublished-draft',
        message: 'dds-qip has an unpublished draft (revision 2): publish it',
      },
      {
        program: 'dds-qip',
        reason: 'no-official-run',
        message: 'dds-qip has no official run: mark its final run official',
      },
    ]);
    expect(problem.errors).toEqual(
      problem.reasons.map((r) => ({ row: 0, path: 'dds-qip', message: r.message })),
    );
    expect(problem.detail).toBe(
      'Fiscal year 2026-27 cannot be closed yet (2 reasons): dds-qip has an unpublished draft (revision 2): publish it; dds-qip has no official run: mark its final run official. Close it anyway with "force": true.',
    );
    expect(await statusOf('2026-27')).toBe('open');
    expect(await listAudit(t.database.db, { limit: 10, action: 'fiscal-year.close' })).toEqual([]);
  });

  it('marks a run official while the year is open, and refuses to close while a newer run exists', async () => {
    expect((await api(`${DDS}/rulebook/publish`, json(t.admin, { note: 'first version' }))).status).toBe(200);
    first = await startRun();
    const marked = await markOfficial(first);
    expect(marked.status).toBe(200);
    expect(await marked.json()).toMatchObject({ id: first, official: true });
    second = await startRun();
    const res = await close('2026-27');
    expect(res.status).toBe(409);
    expect(((await res.json()) as CloseRefused).reasons).toEqual([
      {
        program: 'dds-qip',
        reason: 'run-after-official',
        message: `dds-qip has run ${second} newer than its official run ${first}: mark the final run official`,
      },
    ]);
  });

  it('closes once the newest run is official, then locks the year: no run starts and the mark stays', async () => {
    expect((await markOfficial(second)).status).toBe(200);
    const res = await close('2026-27');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ fiscalYear: '2026-27', status: 'closed' });
    const audit = await listAudit(t.database.db, { limit: 10, action: 'fiscal-year.close' });
    expect(audit.map((e) => [e.subject, e.details])).toEqual([['2026-27', { from: 'open', to: 'closed' }]]);

    const started = await api(`${DDS}/runs`, json(t.admin, {}));
    expect(started.status).toBe(409);
    expect(((await started.json()) as CloseRefused).detail).toBe(
      'Fiscal year 2026-27 is closed: it is read-only, so no run can start in it.',
    );
    const moved = await markOfficial(first);
    expect(moved.status).toBe(409);
    expect(((await moved.json()) as CloseRefused).detail).toBe(
      'Fiscal year 2026-27 is closed: its official run can no longer change.',
    );
    const runs = (await (await api(`${DDS}/runs`, { headers: bearer(t.analyst) })).json()) as {
      items: { id: number; official: boolean }[];
    };
    expect(runs.items.map((r) => [r.id, r.official])).toEqual([
      [second, true],
      [first, false],
    ]);
  });

  it('closes a year that is not ready only with force, and audits what the force overrode', async () => {
    expect(
      (
        await api(
          '/fiscal-years/2025-26/programs/dds-qip/rulebook',
          json(t.admin, ddsQipRulebook('2025-26'), 'PUT'),
        )
      ).status,
    ).toBe(200);
    const refused = await close('2025-26', false);
    expect(refused.status).toBe(409);
    const reasons = ((await refused.json()) as CloseRefused).reasons;
    expect(reasons.map((r) => r.reason)).toEqual(['unpublished-draft', 'no-official-run']);
    const forced = await close('2025-26', true);
    expect(forced.status).toBe(200);
    expect(await statusOf('2025-26')).toBe('closed');
    const audit = await listAudit(t.database.db, { limit: 10, action: 'fiscal-year.close' });
    expect(audit.find((e) => e.subject === '2025-26')?.details).toEqual({
      from: 'open',
      to: 'closed',
      force: true,
      overridden: reasons,
    });
    // A closed year starts no run, published rulebook or not.
    const run = await api('/fiscal-years/2025-26/programs/dds-qip/runs', json(t.admin, {}));
    expect(run.status).toBe(409);
  });

  it('closes a year in which no program has a rulebook without force', async () => {
    expect(
      (await api('/fiscal-years', json(t.admin, { fiscalYear: '2027-28', status: 'open' }))).status,
    ).toBe(201);
    expect((await close('2027-28')).status).toBe(200);
    expect(await statusOf('2027-28')).toBe('closed');
  });

  it('lets only admins close a year', async () => {
    const res = await api(
      '/fiscal-years/2025-26',
      json(t.analyst, { status: 'closed', force: true }, 'PATCH'),
    );
    expect(res.status).toBe(403);
  });
});
