import { CATALOG } from '@quip/catalog';
import { compileRulebook, contentHash, shiftRulebookYear, validateRulebook } from '@quip/core';
import { listAudit, loadCatalog } from '@quip/db';
import { DATABASE_KINDS, publishRulebook } from '@quip/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonPath } from '../rulebooks/json-path.ts';
import { ddsQipRulebook } from '../testing/rulebooks-fixture.ts';
import { bearer, json, openTestApp, type TestApp, useTestApp } from '../testing/test-app.ts';

interface ClonedProgram {
  program: string;
  revision: number;
  contentHash: string;
  fromVersion: number;
  shifted: { path: string; from: string; to: string }[];
  unshifted: { path: string; value: string; position?: number; reason: string; message: string }[];
}

interface Draft {
  fiscalYear: string;
  effectiveFrom?: string;
  measures: { compute: { timely?: { dueDate: string }; by?: string } }[];
}

interface Problem {
  status: number;
  detail: string;
  errors?: { path: string; message: string }[];
}

describe.each(DATABASE_KINDS)('fiscal years on %s', (kind) => {
  const t = useTestApp(kind);
  const { api } = t;
  const years = async () =>
    (
      (await (await api('/fiscal-years', { headers: bearer(t.admin) })).json()) as {
        items: { fiscalYear: string }[];
      }
    ).items;
  const audit = async (action: string) => listAudit(t.database.db, { limit: 100, action });

  it('creates a fiscal year as a draft with dates derived from its name, and audits it', async () => {
    const res = await api('/fiscal-years', json(t.admin, { fiscalYear: '2027-28' }));
    expect(res.status).toBe(201);
    // 2027-28 runs from July 1 2027 to June 30 2028.
    expect(await res.json()).toEqual({
      fiscalYear: '2027-28',
      startsOn: '2027-07-01',
      endsOn: '2028-06-30',
      status: 'draft',
    });
    expect((await years()).map((y) => y.fiscalYear)).toEqual(['2025-26', '2026-27', '2027-28']);
    const entries = await audit('fiscal-year.create');
    expect(entries.map((e) => [e.subject, e.details])).toEqual([['2027-28', { status: 'draft' }]]);
  });

  it('answers 409 problem+json for a fiscal year that exists', async () => {
    const res = await api('/fiscal-years', json(t.admin, { fiscalYear: '2027-28', status: 'open' }));
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(((await res.json()) as Problem).detail).toBe('Fiscal year 2027-28 already exists.');
  });

  it('refuses wrong types, bad names, unknown members and a closed status, storing nothing', async () => {
    const bodies: [unknown, string][] = [
      [{ fiscalYear: 2028 }, 'fiscalYear'],
      [{ fiscalYear: '2028-30' }, 'fiscalYear'],
      [{ fiscalYear: '2028-29', status: 'closed' }, 'status'],
      [{ fiscalYear: '2028-29', color: 'red' }, ''],
      [{}, 'fiscalYear'],
    ];
    for (const [body, path] of bodies) {
      const res = await api('/fiscal-years', json(t.admin, body));
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(((await res.json()) as Problem).errors?.map((e) => e.path)).toEqual([path]);
    }
    const noBody = await api('/fiscal-years', { method: 'POST', headers: bearer(t.admin) });
    expect(noBody.status).toBe(400);
    expect(await years()).toHaveLength(3);
  });

  it('lets only admins create fiscal years', async () => {
    for (const key of [t.analyst, t.submitter]) {
      expect((await api('/fiscal-years', json(key, { fiscalYear: '2028-29' }))).status).toBe(403);
    }
    expect((await api('/fiscal-years', json('quip_nope', { fiscalYear: '2028-29' }))).status).toBe(401);
  });

  it('answers a replayed Idempotency-Key with the first answer and a reused one with 422', async () => {
    const send = (body: unknown, key: string) =>
      api('/fiscal-years', {
        ...json(t.admin, body),
        headers: { ...bearer(t.admin), 'Content-Type': 'application/json', 'Idempotency-Key': key },
      });
    const first = await send({ fiscalYear: '2029-30' }, 'fy-2029');
    const replay = await send({ fiscalYear: '2029-30' }, 'fy-2029');
    expect([first.status, replay.status]).toEqual([201, 201]);
    expect(await replay.json()).toEqual(await first.json());
    expect((await audit('fiscal-year.create')).filter((e) => e.subject === '2029-30')).toHaveLength(1);
    expect((await send({ fiscalYear: '2030-31' }, 'fy-2029')).status).toBe(422);
    expect((await years()).map((y) => y.fiscalYear)).not.toContain('2030-31');
  });

  it('reports the published rulebook version of each program', async () => {
    await api('/fiscal-years/2026-27/programs/dds-qip/rulebook', json(t.admin, ddsQipRulebook(), 'PUT'));
    await api(
      '/fiscal-years/2026-27/programs/dds-qip/rulebook/publish',
      json(t.admin, { note: 'first version' }),
    );
    const res = await api('/fiscal-years/2026-27/programs', { headers: bearer(t.submitter) });
    const body = (await res.json()) as { items: { id: string; rulebookVersion: number | null }[] };
    expect(Object.fromEntries(body.items.map((p) => [p.id, p.rulebookVersion]))).toEqual({
      'dds-qip': 1,
      'dhcs-ept': null,
      'dhcs-mcas': null,
      'dhcs-qwi': null,
      'dhcs-wpc': null,
    });
  });

  it('clones the published rulebooks into the next year as validated drafts, once', async () => {
    const res = await api('/fiscal-years/2027-28/clone-from/2026-27', {
      method: 'POST',
      headers: bearer(t.admin),
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as {
      cloned: ClonedProgram[];
      skipped: { program: string; reason: string }[];
    };
    // The fixture holds two dates of 2026-27: its name and the directory's due date, both a year on
    // (listed in the stored document's member order, as the database keeps it).
    const byPath = (a: { path: string }, b: { path: string }) => a.path.localeCompare(b.path);
    expect(
      body.cloned.map(({ contentHash: _, ...rest }) => ({ ...rest, shifted: rest.shifted.sort(byPath) })),
    ).toEqual([
      {
        program: 'dds-qip',
        revision: 1,
        fromVersion: 1,
        shifted: [
          { path: 'fiscalYear', from: '2026-27', to: '2027-28' },
          { path: 'measures[0].compute.timely.dueDate', from: '2026-10-31', to: '2027-10-31' },
        ],
        unshifted: [],
      },
    ]);
    expect(body.skipped.map((s) => s.reason)).toEqual(Array(4).fill('no-published-rulebook'));

    const state = (await (
      await api('/fiscal-years/2027-28/programs/dds-qip/rulebook', { headers: bearer(t.admin) })
    ).json()) as { published: unknown; draft: { revision: number; rulebook: Draft } };
    expect(state.published).toBeNull();
    expect(state.draft.revision).toBe(1);
    expect(state.draft.rulebook.fiscalYear).toBe('2027-28');
    expect(state.draft.rulebook.measures[0]?.compute.timely?.dueDate).toBe('2027-10-31');

    const again = await api('/fiscal-years/2027-28/clone-from/2026-27', {
      method: 'POST',
      headers: bearer(t.admin),
    });
    const second = (await again.json()) as typeof body;
    expect(second.cloned).toEqual([]);
    expect(second.skipped.find((s) => s.program === 'dds-qip')?.reason).toBe('already-has-rulebook');
    const clones = await audit('fiscal-year.clone');
    expect(clones.map((e) => e.subject)).toEqual(['2027-28', '2027-28']);
    expect(clones.map((e) => (e.details as { cloned: unknown[] }).cloned)).toContainEqual([
      { program: 'dds-qip', revision: 1, fromVersion: 1, shifted: 2, unshifted: 0 },
    ]);
  });

  it('clones nothing when one published rulebook would be an invalid draft, and lists its problems', async () => {
    expect((await api('/fiscal-years', json(t.admin, { fiscalYear: '2028-29' }))).status).toBe(201);
    // Written straight to the database, past validation: a measure without a name or compute.
    const broken = { ...ddsQipRulebook(), program: 'dhcs-wpc', measures: [{ key: 'x', kind: 'reporting' }] };
    await publishRulebook(t.database.db, broken);
    const res = await api('/fiscal-years/2028-29/clone-from/2026-27', {
      method: 'POST',
      headers: bearer(t.admin),
    });
    expect(res.status).toBe(422);
    const problem = (await res.json()) as Problem;
    expect(problem.detail).toMatch(/^The clone has \d+ problems?;/);
    expect(problem.errors?.map((e) => e.path)).toContain('measures[0].name');
    expect(problem.errors?.every((e) => e.message.startsWith('dhcs-wpc: '))).toBe(true);
    // dds-qip was valid, but the clone is all or nothing.
    const state = await api('/fiscal-years/2028-29/programs/dds-qip/rulebook', { headers: bearer(t.admin) });
    expect(await state.json()).toEqual({ published: null, draft: null });
  });

  it('refuses to clone from an unknown year, into an unknown year or into itself', async () => {
    const post = (path: string) => api(path, { method: 'POST', headers: bearer(t.admin) });
    expect((await post('/fiscal-years/2027-28/clone-from/2019-20')).status).toBe(404);
    expect((await post('/fiscal-years/2031-32/clone-from/2026-27')).status).toBe(404);
    expect((await post('/fiscal-years/2026-27/clone-from/2026-27')).status).toBe(400);
    expect((await post('/fiscal-years/2026-27/clone-from/FY26')).status).toBe(400);
    expect(
      (await api('/fiscal-years/2027-28/clone-from/2026-27', { method: 'POST', headers: bearer(t.analyst) }))
        .status,
    ).toBe(403);
  });

  it('opens and closes a fiscal year, forward only', async () => {
    const patch = (fy: string, status: unknown, key = t.admin) =>
      api(`/fiscal-years/${fy}`, json(key, { status }, 'PATCH'));
    expect((await patch('2027-28', 'open', t.analyst)).status).toBe(403);
    const opened = await patch('2027-28', 'open');
    expect(opened.status).toBe(200);
    expect(((await opened.json()) as { status: string }).status).toBe('open');
    expect((await patch('2027-28', 'open')).status).toBe(200);
    expect((await patch('2027-28', 'draft')).status).toBe(400);
    expect((await patch('2027-28', 42)).status).toBe(400);
    expect((await patch('2031-32', 'open')).status).toBe(404);
    expect((await patch('2025-26', 'closed')).status).toBe(200);
    const reopen = await patch('2025-26', 'open');
    expect(reopen.status).toBe(409);
    expect(((await reopen.json()) as Problem).detail).toBe('Fiscal year 2025-26 is closed: it is read-only.');
    // Opening 2027-28 once and closing 2025-26: the no-op second open is not audited.
    expect((await audit('fiscal-year.open')).map((e) => e.subject)).toEqual(['2027-28']);
    expect((await audit('fiscal-year.close')).map((e) => e.subject)).toEqual(['2025-26']);
  });

  it('refuses every write to a closed fiscal year with 409 and still serves its reads', async () => {
    const closed = 'Fiscal year 2025-26 is closed: it is read-only.';
    const writes = [
      api('/fiscal-years/2025-26/programs/dds-qip/rulebook', json(t.admin, ddsQipRulebook('2025-26'), 'PUT')),
      api('/fiscal-years/2025-26/programs/dds-qip/rulebook/publish', json(t.admin, { note: 'too late' })),
      api('/fiscal-years/2025-26/clone-from/2026-27', { method: 'POST', headers: bearer(t.admin) }),
    ];
    for (const res of await Promise.all(writes)) {
      expect(res.status).toBe(409);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(((await res.json()) as Problem).detail).toBe(closed);
    }
    const read = await api('/fiscal-years/2025-26/programs/dds-qip/rulebook', { headers: bearer(t.admin) });
    expect(await read.json()).toEqual({ published: null, draft: null });
  });
});

/** The strings of a JSON document, object keys included, each with its path. */
function* strings(
  value: unknown,
  path: (string | number)[] = [],
): Generator<[text: string, path: (string | number)[], isKey: boolean]> {
  if (typeof value === 'string') yield [value, path, false];
  else if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) yield* strings(item, [...path, i]);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      yield [key, [...path, key], true];
      yield* strings(item, [...path, key]);
    }
  }
}

/** The string at `path` of `doc` (the last segment of a key's path names the key itself). */
function stringAt(doc: unknown, path: (string | number)[], isKey: boolean): string | undefined {
  if (isKey) return String(path[path.length - 1]);
  let at: unknown = doc;
  for (const segment of path) at = (at as Record<string | number, unknown>)?.[segment];
  return typeof at === 'string' ? at : undefined;
}

const fyBefore = (name: string, years: number) => {
  const start = Number(name.slice(0, 4)) - years;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
};

/**
 * Walks the clone: every date (YYYY-MM-DD) and every occurrence of the old fiscal-year name either
 * came from the value `years` earlier at the same place in the source (it was moved), or is still
 * the source's own and then listed in `unshifted` with its path (and its position, when given).
 * Moved values keep their length, so "the same place" is the same offset in the same string.
 * Answers the problems found, one line each.
 */
function oldYearSurvivors(
  source: unknown,
  clone: unknown,
  oldFy: string,
  years: number,
  unshifted: readonly { path: string; value: string; position?: number }[],
): string[] {
  const problems: string[] = [];
  const pattern = new RegExp(`\\d{4}-\\d{2}-\\d{2}|(?<!\\d)${oldFy}(?!\\d)`, 'g');
  for (const [text, path, isKey] of strings(clone)) {
    const before = stringAt(source, path, isKey);
    const where = jsonPath(path);
    for (const match of text.matchAll(pattern)) {
      const found = match[0];
      const at = match.index;
      const was = before?.slice(at, at + found.length);
      if (was === found) {
        const listed = unshifted.some(
          (u) => u.path === where && u.value === found && (u.position === undefined || u.position === at),
        );
        if (!listed) problems.push(`${where}: ${found} at ${at} survives and is not listed`);
        continue;
      }
      const moved =
        found.length === 10
          ? [
              `${Number(found.slice(0, 4)) - years}${found.slice(4)}`,
              `${Number(found.slice(0, 4)) - years}-02-29`,
            ]
          : [fyBefore(found, years)];
      if (was === undefined || !moved.includes(was)) {
        problems.push(`${where}: ${found} at ${at} is not ${was} moved ${years} years`);
      }
    }
  }
  return problems;
}

const catalogRulebook = (fiscalYear: string, programId: string) =>
  CATALOG.find((e) => e.fiscalYear === fiscalYear && e.programId === programId)?.rulebook;

describe('moving the catalog rulebooks to the next year', () => {
  const moves: [from: string, to: string][] = [
    ['2026-27', '2027-28'],
    ['2025-26', '2026-27'],
  ];
  const cases = moves.flatMap(([from, to]) =>
    CATALOG.filter((e) => e.fiscalYear === from).map((e) => [e.programId, from, to] as const),
  );

  it('covers all five programs from 2026-27 and the four that ran in 2025-26', () => {
    expect(cases.map(([program, from]) => `${program} ${from}`)).toEqual([
      'dds-qip 2026-27',
      'dhcs-ept 2026-27',
      'dhcs-mcas 2026-27',
      'dhcs-qwi 2026-27',
      'dhcs-wpc 2026-27',
      'dds-qip 2025-26',
      'dhcs-ept 2025-26',
      'dhcs-mcas 2025-26',
      'dhcs-qwi 2025-26',
    ]);
  });

  it.each(cases)(
    '%s %s -> %s: no date or name of the old year survives unlisted; it validates and compiles',
    (program, from, to) => {
      const source = catalogRulebook(from, program);
      const { rulebook, unshifted } = shiftRulebookYear(source, from, to);
      const listed = unshifted.map((u) => ({ ...u, path: jsonPath(u.path) }));
      expect(oldYearSurvivors(source, rulebook, from, 1, listed)).toEqual([]);
      expect(validateRulebook(rulebook)).toMatchObject({ ok: true });
      expect(() => compileRulebook(rulebook)).not.toThrow();
      expect((rulebook as { fiscalYear: string }).fiscalYear).toBe(to);
    },
  );

  it('moves the DDS dates of issue 12 a year on and lists the date in the age description', () => {
    const { rulebook, shifted, unshifted } = shiftRulebookYear(
      catalogRulebook('2026-27', 'dds-qip'),
      '2026-27',
      '2027-28',
    );
    const dds = rulebook as Draft & {
      measures: { fields?: Record<string, { rules?: { check: string; message: string }[] }> }[];
    };
    expect(dds.effectiveFrom).toBe('2027-07-01');
    // the directory was due 2026-09-30; the screening and DSP reports 2027-07-31
    expect(dds.measures[0]?.compute.timely?.dueDate).toBe('2027-09-30');
    expect(dds.measures.map((m) => m.compute.timely?.dueDate).filter((d) => d === '2028-07-31')).toHaveLength(
      3,
    );
    expect(dds.measures[0]?.fields?.verifiedOn?.rules?.[0]).toEqual({
      check: "verifiedOn >= date('2027-07-01') and verifiedOn <= date('2028-06-30')",
      message: 'verifiedOn is outside fiscal year 2027-28',
    });
    expect(shifted).toContainEqual({
      path: ['measures', 12, 'compute', 'numerator'],
      from: "screenedOn >= date('2026-07-01')",
      to: "screenedOn >= date('2027-07-01')",
    });
    // 'whole years on ' is 15 characters
    expect(unshifted).toEqual([
      {
        path: ['measures', 5, 'fields', 'age', 'description'],
        value: '2027-06-30',
        position: 15,
        reason: 'date-in-text',
        message: 'a date inside text: left as written (moved it would be 2028-06-30)',
      },
    ]);
  });

  it('lists the measurement years of MCAS and the dates in the EPT description for review', () => {
    const mcas = shiftRulebookYear(catalogRulebook('2026-27', 'dhcs-mcas'), '2026-27', '2027-28');
    // 14 measures, each with `measurementYear == 2026` (the year at 19) and its message (at 24),
    // and 'Measurement year 2026' at 17 in the description
    expect(
      mcas.unshifted.map((u) => [jsonPath(u.path).replace(/\d+/, 'i'), u.value, u.position, u.reason]),
    ).toEqual([
      ['description', '2026', 17, 'year-number'],
      ...Array.from({ length: 14 }, () => [
        ['measures[i].fields.measurementYear.rules[0].check', '2026', 19, 'year-number'],
        ['measures[i].fields.measurementYear.rules[0].message', '2026', 24, 'year-number'],
      ]).flat(),
    ]);
    const ept = shiftRulebookYear(catalogRulebook('2026-27', 'dhcs-ept'), '2026-27', '2027-28');
    // 'Potential = assigned members (Nov ' is 34 characters; 'Medi-Cal members assigned for primary care, November ' is 53
    expect(ept.unshifted.map((u) => [jsonPath(u.path), u.value, u.reason])).toEqual([
      ['description', '2024', 'year-number'],
      ['description', '2026-12-31', 'date-in-text'],
      ['payee.fields.assignedMembers.description', '2024', 'year-number'],
    ]);
    expect(ept.unshifted.map((u) => u.position)).toEqual([34, expect.any(Number), 53]);
  });
});

describe.each(DATABASE_KINDS)('cloning the catalog on %s', (kind) => {
  let t: TestApp;
  let admin: string;
  const api = (path: string, init?: RequestInit) => t.app.request(`/api/v1${path}`, init);
  const clone = async (target: string, source: string) => {
    expect((await api('/fiscal-years', json(admin, { fiscalYear: target }))).status).toBe(201);
    const res = await api(`/fiscal-years/${target}/clone-from/${source}`, {
      method: 'POST',
      headers: bearer(admin),
    });
    expect(res.status).toBe(201);
    return (await res.json()) as { cloned: ClonedProgram[]; skipped: { program: string; reason: string }[] };
  };
  const draft = async (fy: string, program: string) =>
    (
      (await (
        await api(`/fiscal-years/${fy}/programs/${program}/rulebook`, { headers: bearer(admin) })
      ).json()) as {
        draft: { rulebook: Draft };
      }
    ).draft.rulebook;

  beforeAll(async () => {
    t = await openTestApp(kind);
    admin = await t.keyFor('admin');
    // The catalog's 2025-26 and 2026-27 rulebooks, published.
    await loadCatalog(t.database.db, CATALOG);
  });
  afterAll(() => t?.close());

  it('clones all five 2026-27 rulebooks into 2027-28 moved a year on, each with its lists, stored as answered', async () => {
    const body = await clone('2027-28', '2026-27');
    expect(body.cloned.map((c) => c.program)).toEqual([
      'dds-qip',
      'dhcs-ept',
      'dhcs-mcas',
      'dhcs-qwi',
      'dhcs-wpc',
    ]);
    expect(body.skipped).toEqual([]);
    for (const cloned of body.cloned) {
      const source = catalogRulebook('2026-27', cloned.program);
      const stored = await draft('2027-28', cloned.program);
      expect(oldYearSurvivors(source, stored, '2026-27', 1, cloned.unshifted), cloned.program).toEqual([]);
      expect(validateRulebook(stored), cloned.program).toMatchObject({ ok: true });
      expect(cloned.contentHash).toBe(contentHash(stored));
      expect(cloned.shifted).toContainEqual({ path: 'fiscalYear', from: '2026-27', to: '2027-28' });
      expect(cloned.shifted).toContainEqual({ path: 'effectiveFrom', from: '2026-07-01', to: '2027-07-01' });
    }
    const wpc = body.cloned.find((c) => c.program === 'dhcs-wpc')!;
    // WPC: its year, its start, its milestone window and two report due dates; nothing to review
    expect(wpc.shifted.sort((x, y) => x.path.localeCompare(y.path))).toEqual([
      { path: 'effectiveFrom', from: '2026-07-01', to: '2027-07-01' },
      { path: 'fiscalYear', from: '2026-27', to: '2027-28' },
      { path: 'measures[0].compute.by', from: '2027-06-30', to: '2028-06-30' },
      { path: 'measures[1].compute.timely.dueDate', from: '2027-07-31', to: '2028-07-31' },
      { path: 'measures[2].compute.timely.dueDate', from: '2027-07-31', to: '2028-07-31' },
    ]);
    expect(wpc.unshifted).toEqual([]);
    expect((await draft('2027-28', 'dhcs-wpc')).measures[0]?.compute.by).toBe('2028-06-30');
    const dds = body.cloned.find((c) => c.program === 'dds-qip')!;
    expect(dds.unshifted).toEqual([
      {
        path: 'measures[5].fields.age.description',
        value: '2027-06-30',
        position: 15,
        reason: 'date-in-text',
        message: 'a date inside text: left as written (moved it would be 2028-06-30)',
      },
    ]);
  });

  it('clones the four 2025-26 rulebooks three years on into 2028-29', async () => {
    const body = await clone('2028-29', '2025-26');
    expect(body.cloned.map((c) => c.program)).toEqual(['dds-qip', 'dhcs-ept', 'dhcs-mcas', 'dhcs-qwi']);
    expect(body.skipped).toEqual([{ program: 'dhcs-wpc', reason: 'no-published-rulebook' }]);
    for (const cloned of body.cloned) {
      const stored = await draft('2028-29', cloned.program);
      const source = catalogRulebook('2025-26', cloned.program);
      expect(oldYearSurvivors(source, stored, '2025-26', 3, cloned.unshifted), cloned.program).toEqual([]);
      expect(validateRulebook(stored), cloned.program).toMatchObject({ ok: true });
      // 2025-07-01 three years on
      expect(stored.effectiveFrom).toBe('2028-07-01');
    }
    // DDS 2025-26 had every report due 2026-07-31: now 2029-07-31
    expect((await draft('2028-29', 'dds-qip')).measures[0]?.compute.timely?.dueDate).toBe('2029-07-31');
    // EPT's milestones counted to 2026-06-30: now 2029-06-30
    expect((await draft('2028-29', 'dhcs-ept')).measures[0]?.compute.by).toBe('2029-06-30');
    const qwi = body.cloned.find((c) => c.program === 'dhcs-qwi')!;
    // 9 of the 10 QWI measures check `measurementYear == 2025`; the description names it once
    expect(qwi.unshifted.filter((u) => u.reason === 'year-number' && u.value === '2025')).toHaveLength(
      1 + 9 * 2,
    );
  });
});
