import { docExample, wpcSection7Records } from '@quip/catalog';
import { DATABASE_KINDS } from '@quip/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { publishCatalogRulebook } from '../testing/rulebooks-fixture.ts';
import { bearer, json, useTestApp } from '../testing/test-app.ts';

// A stored run's scorecard in a pooled program says what meeting each missed measure would have
// added, paying the run's whole population again (docs/programs/dhcs-wpc.md sections 4 and 7):
// section 7's example, as of 2027-08-31, except that Sacramento sent no enrollment reports. The
// figures are worked by hand in packages/catalog/src/rulebooks/dhcs-wpc/scorecard-rest.test.ts:
// Sacramento's reports would bring $15,000,000.00 of housing and a composite of 1 of 2 worth
// $2,957,746.48 of the incentive pool: $17,957,746.48 in all.
const PROGRAM = '/api/v1/fiscal-years/2026-27/programs/dhcs-wpc';
// biome-ignore lint/suspicious/noExplicitAny: parsed JSON answers, inspected loosely
type Body = any;

describe.each(DATABASE_KINDS)("a pooled program's stored scorecards on %s", (kind) => {
  const t = useTestApp(kind, { worker: true, clock: () => new Date('2027-08-31T18:00:00Z') });
  let runId: number;
  const get = async (path: string) => {
    const res = await t.app.request(path, { headers: bearer(t.admin) });
    return { status: res.status, body: (await res.json()) as Body };
  };

  beforeAll(async () => {
    await publishCatalogRulebook(t.database.db, '2026-27', 'dhcs-wpc');
    const payees = docExample('dhcs-wpc', 'payees dhcs-wpc 2026-27');
    expect((await t.app.request(`${PROGRAM}/entities`, json(t.admin, payees))).status).toBe(200);
    const records = wpcSection7Records(['wpc-los-angeles', 'wpc-san-francisco']);
    expect((await t.app.request(`${PROGRAM}/submissions`, json(t.admin, records))).status).toBe(201);
    runId = await t.succeededRun(PROGRAM, t.admin, { asOf: '2027-08-31' });
  }, 120_000);

  it("shows what Sacramento's missed reports would have added, paying every pilot again", async () => {
    const { status, body } = await get(`/api/v1/runs/${runId}/scorecards/wpc-sacramento`);
    expect(status).toBe(200);
    expect(body.payment.totalCents).toBe(0);
    expect(body.payment.rest.map((r: Body) => [r.measure, r.addedCents])).toEqual([
      ['wpc-enrollment-report', 1795774648],
      ['wpc-progress-report', 295774648],
    ]);
    expect(body.payment.rest[0].text).toBe(
      "Meeting 'Enrollment reports, four quarters' would have added $17,957,746.48.",
    );
    expect(body.payment.notes.join(' ')).not.toMatch(/not shown/);
  });

  it("pays each pilot's counterfactual from the run's own payments (Los Angeles: 2 of 7 -> 8 : 1)", async () => {
    const { body } = await get(`/api/v1/runs/${runId}/scorecards/wpc-los-angeles`);
    // Housing 7,058,823,529 + incentive 800,000,000 + start-up 20,000,000 cents (hand-worked in the
    // catalog test); each missed measure would lift the incentive to 888,888,889: +88,888,889.
    expect(body.payment.totalCents).toBe(7878823529);
    expect(new Set(body.payment.rest.map((r: Body) => r.addedCents))).toEqual(new Set([88888889]));
    expect(body.payment.rest).toHaveLength(6);
  });
});
