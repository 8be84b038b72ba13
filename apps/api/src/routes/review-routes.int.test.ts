import { docExample } from '@quip/catalog';
import { DATABASE_KINDS } from '@quip/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishCatalogRulebook } from '../testing/rulebooks-fixture.ts';
import { bearer, json, openTestApp, type TestApp } from '../testing/test-app.ts';

// The whole review-and-correction cycle through the API (issue 16), on the dds-qip worked
// examples of docs/programs/dds-qip.md: the payees of section 4 and the records of section 6 as
// an administrator loads them on 2027-08-31, run as of 2027-08-31 (section 7's figures).
const PROGRAM = '/api/v1/fiscal-years/2026-27/programs/dds-qip';
const BAYVIEW = 'PV1234-950';
const VALLEY = 'TR9012-875';

// biome-ignore lint/suspicious/noExplicitAny: parsed JSON answers, inspected loosely
type Body = any;

describe.each(DATABASE_KINDS)('review and correction on %s', (kind) => {
  let t: TestApp;
  let now = new Date('2027-08-31T18:00:00Z');
  let admin: string;
  let analyst: string;
  let bayview: string;
  let valley: string;
  let firstRun: number;
  let secondRun: number;
  let bayviewRequest: number;
  let valleyRequest: number;

  const get = async (path: string, key: string) => {
    const res = await t.app.request(path, { headers: bearer(key) });
    return { status: res.status, body: (await res.json()) as Body };
  };
  const post = async (path: string, key: string, body: unknown, headers: Record<string, string> = {}) => {
    const init = json(key, body);
    const res = await t.app.request(path, { ...init, headers: { ...init.headers, ...headers } });
    return { status: res.status, body: (await res.json()) as Body };
  };
  const runToEnd = (asOf: string) => t.succeededRun(PROGRAM, admin, { asOf });

  beforeAll(async () => {
    t = await openTestApp(kind, { worker: true, clock: () => now });
    admin = await t.keyFor('admin');
    analyst = await t.keyFor('analyst');
    bayview = await t.keyFor('submitter', [`dds-qip:${BAYVIEW}`]);
    valley = await t.keyFor('submitter', [`dds-qip:${VALLEY}`]);
    await publishCatalogRulebook(t.database.db, '2026-27', 'dds-qip');
    expect(
      (await post(`${PROGRAM}/entities`, admin, docExample('dds-qip', 'payees dds-qip 2026-27'))).status,
    ).toBe(200);
    const records = docExample('dds-qip', 'submissions dds-qip 2026-27 admin received=2027-08-31');
    expect((await post(`${PROGRAM}/submissions`, admin, records)).status).toBe(201);
    firstRun = await runToEnd('2027-08-31');
  }, 120_000);
  afterAll(() => t?.close());

  it('keeps an unpublished run from submitters (404, as a run that does not exist)', async () => {
    for (const path of [`/api/v1/runs/${firstRun}`, `/api/v1/runs/${firstRun}/results`]) {
      expect((await get(path, bayview)).status).toBe(404);
    }
    expect((await get(`${PROGRAM}/runs`, bayview)).body.items).toEqual([]);
    expect((await get(`/api/v1/runs/${firstRun}/scorecards/${BAYVIEW}`, bayview)).status).toBe(404);
    // An administrator reads any payee's scorecard of any run: stage draft.
    const card = await get(`/api/v1/runs/${firstRun}/scorecards/${BAYVIEW}`, analyst);
    expect(card.body.run).toEqual({ id: firstRun, asOf: '2027-08-31', stage: 'draft' });
  });

  it('publishes the run as preliminary with a review end date not before today', async () => {
    const early = await post(`/api/v1/runs/${firstRun}/preliminary`, admin, { reviewUntil: '2027-08-30' });
    expect(early.status).toBe(422);
    expect(early.body.detail).toContain('2027-08-31');
    expect(
      (await post(`/api/v1/runs/${firstRun}/preliminary`, bayview, { reviewUntil: '2027-09-30' })).status,
    ).toBe(403);
    const published = await post(`/api/v1/runs/${firstRun}/preliminary`, admin, {
      reviewUntil: '2027-09-30',
    });
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({
      stage: 'preliminary',
      reviewUntil: '2027-09-30',
      official: false,
    });
  });

  it("shows a submitter the published run with its own payee's totals only", async () => {
    // Bayview (section 7): base 1,000 x 4,500 = 4,500,000; incentive 500,000 x 5/6 = 416,667;
    // total 4,916,667. The run's other payees (60,000,000 and 8,124,375) are not in its totals.
    const own = { payees: 1, totalCents: 4916667, byLineKind: { base: 4500000, incentive: 416667 } };
    const run = await get(`/api/v1/runs/${firstRun}`, bayview);
    expect(run.status).toBe(200);
    expect(run.body).toMatchObject({
      stage: 'preliminary',
      asOf: '2027-08-31',
      rulebookVersion: 1,
      totals: own,
    });
    const list = await get(`${PROGRAM}/runs`, bayview);
    expect(list.body.items.map((r: Body) => [r.id, r.totals])).toEqual([[firstRun, own]]);
    // The administrator sees the whole run: 4,916,667 + 60,000,000 + 8,124,375 = 73,041,042.
    expect((await get(`/api/v1/runs/${firstRun}`, admin)).body.totals.totalCents).toBe(73041042);
    const results = await get(`/api/v1/runs/${firstRun}/results`, bayview);
    expect(new Set(results.body.items.map((r: Body) => r.entityId))).toEqual(new Set([BAYVIEW]));
  });

  it("answers a payee's scorecard of the run, checked by hand against section 7", async () => {
    const { status, body } = await get(`/api/v1/runs/${firstRun}/scorecards/${BAYVIEW}`, bayview);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      entityId: BAYVIEW,
      name: 'Bayview Supported Employment',
      run: { id: firstRun, asOf: '2027-08-31', stage: 'preliminary' },
    });
    const measure = (key: string) => body.measures.find((m: Body) => m.measure === key);
    // The outcomes file: received 2027-08-05, due 2027-07-31: late, not met.
    expect(measure('qip-employment-outcomes')).toMatchObject({
      applies: true,
      dueDate: '2027-07-31',
      met: false,
      weight: 1,
      received: [{ receivedOn: '2027-08-05', records: 1, onTime: false, findings: [] }],
    });
    // ACRE share 9 / 12 = 75%; Bayview is the run's only payee with a value: 50th percentile of 1 peer.
    expect(measure('qip-acre-trained-share')).toMatchObject({
      numerator: 9,
      denominator: 12,
      value: 0.75,
      targetText: '50th percentile of 1 peer = 75%',
    });
    // Every measure met: 4,500,000 + 500,000 = 5,000,000; forgone 5,000,000 - 4,916,667 = 83,333.
    expect(body.payment).toMatchObject({ totalCents: 4916667, potentialCents: 5000000, forgoneCents: 83333 });
    expect(body.payment.rest.map((r: Body) => [r.measure, r.addedCents])).toEqual([
      ['qip-employment-outcomes', 83333],
    ]);
  });

  it("answers another payee's scorecard, run totals and standing as if they did not exist", async () => {
    const foreign = await get(`/api/v1/runs/${firstRun}/scorecards/${BAYVIEW}`, valley);
    const missing = await get(`/api/v1/runs/${firstRun}/scorecards/NO-SUCH`, valley);
    expect([foreign.status, missing.status]).toEqual([404, 404]);
    expect(foreign.body.detail).toBe(missing.body.detail);
    expect((await get(`${PROGRAM}/entities/${BAYVIEW}/standing`, valley)).status).toBe(404);
    // Valley's own run totals: 7,500,000 + 832,500 x 3/4 = 8,124,375.
    expect((await get(`/api/v1/runs/${firstRun}`, valley)).body.totals.totalCents).toBe(8124375);
  });

  it('computes a standing now, with its calendar', async () => {
    const { status, body } = await get(`${PROGRAM}/entities/${VALLEY}/standing?asOf=2027-08-31`, valley);
    expect(status).toBe(200);
    expect(body.run).toEqual({ id: null, asOf: '2027-08-31', stage: 'standing' });
    // The same figures as the run: 8,124,375 of 8,332,500; the non-DSP file (1/4 of 832,500) missing.
    expect(body.payment).toMatchObject({
      totalCents: 8124375,
      potentialCents: 8332500,
      forgoneCents: 208125,
    });
    // Today is 2027-08-31: the directory (due 2026-09-30, received 2026-09-28) and the DSP survey
    // came on time; the non-DSP file, due 2027-03-31, never came.
    expect(body.calendar).toEqual([
      {
        measure: 'qip-provider-directory',
        name: expect.any(String),
        dueDate: '2026-09-30',
        status: 'received',
      },
      {
        measure: 'qip-dsp-survey',
        name: expect.any(String),
        dueDate: expect.any(String),
        status: 'received',
      },
      {
        measure: 'qip-non-dsp-workforce',
        name: expect.any(String),
        dueDate: '2027-03-31',
        status: 'missing',
      },
    ]);
  });

  it('files review requests for own payees only, idempotently, with corrections checked as uploads', async () => {
    now = new Date('2027-09-02T18:00:00Z');
    const outcomes = (
      docExample('dds-qip', 'submissions dds-qip 2026-27 admin received=2027-08-31') as Body[]
    ).find((r) => r.entityId === BAYVIEW && r.measure === 'qip-employment-outcomes')!;
    const { submittedOn: _declared, ...correction } = outcomes;
    const request = {
      entityId: BAYVIEW,
      measure: 'qip-employment-outcomes',
      reason: 'We emailed the outcomes file on 2027-07-29, before the due date.',
      proposedValue: true,
      corrections: [correction],
    };
    // A correction with submittedOn is refused as the upload refuses it from a submitter.
    const declared = await post(`/api/v1/runs/${firstRun}/requests`, bayview, {
      ...request,
      corrections: [outcomes],
    });
    expect(declared.status).toBe(422);
    expect(declared.body.errors).toEqual([{ row: 1, path: 'submittedOn', message: expect.any(String) }]);
    // Another payee's: 404.
    expect((await post(`/api/v1/runs/${firstRun}/requests`, valley, request)).status).toBe(404);
    const filed = await post(`/api/v1/runs/${firstRun}/requests`, bayview, request, {
      'Idempotency-Key': 'r-1',
    });
    expect(filed.status).toBe(201);
    expect(filed.body).toEqual({ id: expect.any(Number), status: 'open' });
    bayviewRequest = filed.body.id;
    const replay = await post(`/api/v1/runs/${firstRun}/requests`, bayview, request, {
      'Idempotency-Key': 'r-1',
    });
    expect(replay.body).toEqual(filed.body);
    const other = await post(`/api/v1/runs/${firstRun}/requests`, valley, {
      entityId: VALLEY,
      measure: 'qip-non-dsp-workforce',
      reason: 'We mailed the workforce file in March.',
    });
    expect(other.status).toBe(201);
    valleyRequest = other.body.id;

    expect((await get('/api/v1/requests', bayview)).body.items.map((r: Body) => r.id)).toEqual([
      bayviewRequest,
    ]);
    expect((await get('/api/v1/requests?status=open', admin)).body.items.map((r: Body) => r.id)).toEqual([
      valleyRequest,
      bayviewRequest,
    ]);
    expect(
      (await get('/api/v1/requests?measure=qip-non-dsp-workforce&program=dds-qip', admin)).body.items.map(
        (r: Body) => r.id,
      ),
    ).toEqual([valleyRequest]);
    expect((await get(`/api/v1/requests/${bayviewRequest}`, valley)).status).toBe(404);
  });

  it('refuses to mark a run official while a request is open', async () => {
    const blocked = await post(`/api/v1/runs/${firstRun}/official`, admin, {});
    expect(blocked.status).toBe(409);
    expect(blocked.body.detail).toContain('2 review requests are still open');
  });

  it('decides: accepting stores the corrections, rejecting keeps the note the payee reads', async () => {
    const noNote = await post(`/api/v1/requests/${valleyRequest}/decision`, admin, { decision: 'rejected' });
    expect(noNote.status).toBe(422);
    expect(
      (await post(`/api/v1/requests/${valleyRequest}/decision`, bayview, { decision: 'accepted' })).status,
    ).toBe(403);
    const note = 'No workforce file reached the portal or the mailroom before 2027-03-31.';
    const rejected = await post(`/api/v1/requests/${valleyRequest}/decision`, admin, {
      decision: 'rejected',
      note,
    });
    expect(rejected.body).toMatchObject({ status: 'rejected', decisionNote: note, correctionBatchId: null });
    // The office confirms the email of 2027-07-29: the correction counts as received that day.
    const accepted = await post(`/api/v1/requests/${bayviewRequest}/decision`, admin, {
      decision: 'accepted',
      note: 'The email of 2027-07-29 is on file.',
      submittedOn: '2027-07-29',
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', correctionBatchId: expect.any(Number) });
    expect(
      (await post(`/api/v1/requests/${bayviewRequest}/decision`, admin, { decision: 'rejected', note }))
        .status,
    ).toBe(409);
    const seen = await get(`/api/v1/requests/${valleyRequest}`, valley);
    expect(seen.body).toMatchObject({ status: 'rejected', decisionNote: note, outcome: null });
    const stored = await get(
      `${PROGRAM}/submissions?entityId=${BAYVIEW}&measure=qip-employment-outcomes`,
      admin,
    );
    expect(stored.body.items.map((s: Body) => s.submittedOn)).toEqual(['2027-07-29']);
  });

  it('refuses a request after the review end date, naming the date', async () => {
    now = new Date('2027-10-01T18:00:00Z');
    const late = await post(`/api/v1/runs/${firstRun}/requests`, bayview, {
      entityId: BAYVIEW,
      measure: 'qip-dsp-survey',
      reason: 'Late.',
    });
    expect(late.status).toBe(409);
    expect(late.body.detail).toContain('2027-09-30');
  });

  it('reruns, shows each request before and after, and makes the new run final', async () => {
    secondRun = await runToEnd('2027-08-31');
    // With the outcomes file on time every weight is met: 4,500,000 + 500,000 x 6/6 = 5,000,000.
    const outcome = (await get(`/api/v1/requests/${bayviewRequest}`, bayview)).body.outcome;
    expect(outcome).toMatchObject({
      before: { runId: firstRun, result: { met: false }, totalCents: 4916667 },
      after: { runId: secondRun, result: { met: true }, totalCents: 5000000 },
    });
    const official = await post(`/api/v1/runs/${secondRun}/official`, admin, {});
    expect(official.status).toBe(200);
    expect(official.body).toMatchObject({ stage: 'final', official: true });
    const card = await get(`/api/v1/runs/${secondRun}/scorecards/${BAYVIEW}`, bayview);
    expect(card.body.run).toEqual({ id: secondRun, asOf: '2027-08-31', stage: 'final' });
    expect(card.body.payment).toMatchObject({ totalCents: 5000000, forgoneCents: 0 });
    // A final run is no longer open for review.
    expect(
      (
        await post(`/api/v1/runs/${secondRun}/requests`, bayview, {
          entityId: BAYVIEW,
          measure: 'qip-dsp-survey',
          reason: 'x',
        })
      ).status,
    ).toBe(409);
  });

  it('pushes publications and decisions as server-sent events, filtered by the key', async () => {
    const events = async (key: string) => {
      const res = await t.app.request('/api/v1/events', {
        headers: { ...bearer(key), 'Last-Event-ID': '0' },
      });
      expect(res.headers.get('content-type')).toContain('text/event-stream');
      const reader = res.body!.getReader();
      // Every event since the first (Last-Event-ID 0) arrives at once; the last is the run made final.
      let text = '';
      while (!text.includes('event: run.final')) {
        const { value, done } = await reader.read();
        if (done) break;
        text += new TextDecoder().decode(value);
      }
      await reader.cancel();
      return text;
    };
    const mine = await events(valley);
    expect(mine).toContain('event: run.published');
    expect(mine).toContain('event: run.final');
    expect(mine).toContain('event: request.decided');
    expect(mine).toContain(`"requestId":${valleyRequest}`);
    expect(mine).not.toContain(BAYVIEW);
  });
});
