import { CATALOG, catalogRulebook, wpcSection7Records } from '@quip/catalog';
import { loadCatalog } from '@quip/db';
import { DATABASE_KINDS } from '@quip/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type DocExample,
  type ExampleMarker,
  exampleEntityIds,
  exampleRequest,
  exampleRows,
  parseMarker,
  readDocExamples,
  sendsSubmittedOn,
} from './testing/doc-examples.ts';
import { bearer, openTestApp, type TestApp } from './testing/test-app.ts';

// Every ```json and ```csv block of docs/programs/*.md and README.md, with its marker (see
// doc-examples.ts). Input examples are posted to a Quip loaded with the catalog's rulebooks; the
// worked examples are computed through preview and compared, figure by figure, with the numbers the
// pages write (the pages are the judge: the expected values below are theirs, not Quip's output).

const EXAMPLES = readDocExamples();
const marked = EXAMPLES.map((example) => ({
  example,
  marker: example.markerText === null ? null : safeParse(example.markerText),
}));

function safeParse(words: string): ExampleMarker | Error {
  try {
    return parseMarker(words);
  } catch (error) {
    return error as Error;
  }
}

type Input = { example: DocExample; marker: Extract<ExampleMarker, { kind: 'payees' | 'submissions' }> };
const inputs = marked.filter((m): m is Input => {
  const kind = m.marker && !(m.marker instanceof Error) ? m.marker.kind : null;
  return kind === 'payees' || kind === 'submissions';
});
const payeeExamples = inputs.filter((m) => m.marker.kind === 'payees');
const submissionExamples = inputs.filter((m) => m.marker.kind === 'submissions');
const paymentExamples = marked.filter(
  (m) => m.marker && !(m.marker instanceof Error) && m.marker.kind === 'payment',
) as { example: DocExample; marker: Extract<ExampleMarker, { kind: 'payment' }> }[];

const PROGRAMS = ['dds-qip', 'dhcs-qwi', 'dhcs-ept', 'dhcs-mcas', 'dhcs-wpc'];
/** The test clock: 2026-09-15 17:00 UTC (10:00 in California) unless an example says it was received another day. */
const DEFAULT_NOW = '2026-09-15T17:00:00Z';
const receivedAt = (day: string | undefined) => (day ? `${day}T17:00:00Z` : DEFAULT_NOW);

/** A payment example of a page, by program and payee (each is compared by a worked example). */
function paymentExample(program: string, entityId: string): Record<string, unknown> {
  const found = paymentExamples.filter(
    (m) => m.marker.program === program && exampleRows(m.example)[0]?.entityId === entityId,
  );
  expect(found, `one payment example of ${entityId} in ${program}`).toHaveLength(1);
  checkedPayments.add(found[0]!.example.where);
  return exampleRows(found[0]!.example)[0]!;
}
const checkedPayments = new Set<string>();

describe('doc examples are classified', () => {
  it('finds the program pages and their examples', () => {
    // 5 pages x (payee JSON + CSV) at least, plus submissions: far more than 20 blocks.
    expect(EXAMPLES.length).toBeGreaterThan(20);
    for (const program of PROGRAMS) {
      expect(
        payeeExamples.some((m) => m.marker.program === program),
        `${program} payees`,
      ).toBe(true);
      expect(
        submissionExamples.some((m) => m.marker.program === program),
        `${program} submissions`,
      ).toBe(true);
    }
  });

  it.each(marked.map((m) => [m.example.where, m] as const))(
    '%s has a valid marker',
    (_where, { example, marker }) => {
      expect(
        example.markerText,
        `${example.where}: put <!-- example: payees|submissions|payment|other ... --> right before the fence`,
      ).not.toBeNull();
      if (marker instanceof Error) throw new Error(`${example.where}: ${marker.message}`);
      if (!marker || marker.kind === 'other') return;
      expect(PROGRAMS).toContain(marker.program);
      expect(example.file.endsWith(`${marker.program}.md`), 'an example sits on its program page').toBe(true);
      const rows = exampleRows(example);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        if (marker.kind === 'payees')
          expect(Object.keys(row)).toEqual(expect.arrayContaining(['id', 'name']));
        else
          expect(Object.keys(row)).toEqual(
            expect.arrayContaining(['entityId', marker.kind === 'payment' ? 'totalCents' : 'measure']),
          );
      }
      if (marker.kind === 'submissions') {
        // A submitter's submittedOn is refused (the server dates receipt); an admin's historic load
        // carries it on every row.
        if (marker.as === 'submitter')
          expect(sendsSubmittedOn(example), 'a submitter sends no submittedOn').toBe(false);
        else
          expect(rows.every((row) => typeof row.submittedOn === 'string' && row.submittedOn !== '')).toBe(
            true,
          );
      }
    },
  );

  it('classifies what looks like a payee, submission or payment as such, never as "other"', () => {
    for (const { example, marker } of marked) {
      if (!marker || marker instanceof Error || marker.kind !== 'other') continue;
      let rows: Record<string, unknown>[] = [];
      try {
        rows = exampleRows(example);
      } catch {
        continue;
      }
      const looksLikeInput = rows.some((row) => 'entityId' in row || ('id' in row && 'name' in row));
      expect(looksLikeInput, `${example.where} looks like an input or payment example`).toBe(false);
    }
  });
});

describe.each(DATABASE_KINDS)('doc examples on %s', (kind) => {
  let t: TestApp;
  let admin: string;
  let now = DEFAULT_NOW;
  beforeAll(async () => {
    t = await openTestApp(kind, { clock: () => new Date(now) });
    // As start-server.ts does: the catalog's rulebooks, published as version 1.
    const loaded = await loadCatalog(t.database.db, CATALOG);
    expect(loaded.loaded.length).toBeGreaterThanOrEqual(PROGRAMS.length);
    admin = await t.keyFor('admin');
  });
  afterAll(() => t?.close());

  const base = (program: string, fy = '2026-27') => `/api/v1/fiscal-years/${fy}/programs/${program}`;
  const post = async (path: string, key: string, example: Pick<DocExample, 'lang' | 'text'>) => {
    const res = await t.app.request(path, exampleRequest(key, example));
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  // Payees first (every program), then the submissions that name them.
  it.each(payeeExamples.map((m) => [m.example.where, m] as const))(
    'payees %s: 200',
    async (_where, { example, marker }) => {
      const answer = await post(`${base(marker.program, marker.fiscalYear)}/entities`, admin, example);
      expect(answer).toMatchObject({ status: 200, body: { rows: exampleRows(example).length } });
    },
  );

  it.each(submissionExamples.map((m) => [m.example.where, m] as const))(
    'submissions %s: 201, no warnings',
    async (_where, { example, marker }) => {
      if (marker.kind !== 'submissions') throw new Error('not a submission example');
      const key = marker.as === 'admin' ? admin : await t.keyFor('submitter', exampleEntityIds(example));
      now = receivedAt(marker.received);
      try {
        const answer = await post(`${base(marker.program, marker.fiscalYear)}/submissions`, key, example);
        // A doc example is good data: stored whole, with no finding to fix.
        expect(answer).toMatchObject({
          status: 201,
          body: { rows: exampleRows(example).length, receivedAt: new Date(now).toISOString(), warnings: [] },
        });
      } finally {
        now = DEFAULT_NOW;
      }
    },
  );

  /** Preview as an administrator would on the worked example's as-of day (its records' days are past). */
  const preview = async (program: string, body: Record<string, unknown> & { asOf: string }) => {
    now = receivedAt(body.asOf);
    let res: Response;
    try {
      res = await t.app.request(`${base(program)}/preview`, {
        method: 'POST',
        headers: { ...bearer(admin), 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    } finally {
      now = DEFAULT_NOW;
    }
    const answer = (await res.json()) as PreviewAnswer;
    expect(res.status, JSON.stringify(answer).slice(0, 2000)).toBe(200);
    return answer;
  };

  /** The rows of the one example of a program, fiscal year 2026-27, of a kind and key, in a language. */
  const rowsOf = (
    program: string,
    kind: 'payees' | 'submissions',
    lang: 'json' | 'csv',
    as?: 'admin' | 'submitter',
  ) => {
    const found = inputs.filter(
      (m) =>
        m.marker.program === program &&
        m.marker.kind === kind &&
        m.example.lang === lang &&
        (as === undefined || (m.marker.kind === 'submissions' && m.marker.as === as)),
    );
    expect(found, `one ${lang} ${kind} example of ${program}`).toHaveLength(1);
    return exampleRows(found[0]!.example);
  };

  describe('dds-qip worked examples (docs/programs/dds-qip.md section 7)', () => {
    /** The measures every provider reports, whatever its service. */
    const EVERY_PROVIDER = ['qip-provider-directory', 'qip-dsp-survey', 'qip-non-dsp-workforce'];
    let answer: PreviewAnswer;
    beforeAll(async () => {
      // "the payees of section 4 with the JSON records of section 6, as of 2027-08-31"
      answer = await preview('dds-qip', {
        entities: rowsOf('dds-qip', 'payees', 'json'),
        submissions: rowsOf('dds-qip', 'submissions', 'json', 'admin'),
        asOf: '2027-08-31',
      });
    });

    it('$50.00 rate model: $45.00 base rate + $5.00 incentive rate', () => {
      // "Incentive rate = 5000 x 0.10 = 500 cents ($5.00); base rate = 5000 - 500 = 4500 cents ($45.00)."
      expect(payment(answer, 'PV1234-950').details).toMatchObject({
        baseRateCents: 4500,
        incentiveRateCents: 500,
      });
    });

    it('Bayview: employment outcomes late, 5/6 of the incentive', () => {
      // "Base = 1000 x 4500 = 4,500,000 cents; potential = 1000 x 500 = 500,000 cents ... earned
      // fraction 5/6; incentive = 500,000 x 5 / 6 = 416,666.67 -> 416,667 cents, forgone 500,000 -
      // 416,667 = 83,333. Total 4,916,667 cents."
      expect(result(answer, 'PV1234-950', 'qip-employment-outcomes')).toMatchObject({ met: false });
      expectMet(answer, 'PV1234-950', [...EVERY_PROVIDER, 'qip-employment-staff']);
      const p = payment(answer, 'PV1234-950');
      expect(lineAmounts(p)).toEqual({ base: 4500000, incentive: 416667 });
      expect(p.totalCents).toBe(4916667);
      expect(p.details).toMatchObject({ incentivePotentialCents: 500000, incentiveForgoneCents: 83333 });
      expect(p.details.earnedFraction).toBeCloseTo(5 / 6, 12);
    });

    it('Maple House: 48 months at $12,500.00, all met', () => {
      // "Incentive rate 125,000 cents; base rate 1,125,000 ... incentive = 48 x 125,000 = 6,000,000
      // cents; base 48 x 1,125,000 = 54,000,000 cents; total 60,000,000 cents."
      expectMet(answer, 'HR5678-915', [...EVERY_PROVIDER, 'qip-preventive-screenings']);
      const p = payment(answer, 'HR5678-915');
      expect(p.details).toMatchObject({
        baseRateCents: 1125000,
        incentiveRateCents: 125000,
        earnedFraction: 1,
      });
      expect(lineAmounts(p)).toEqual({ base: 54000000, incentive: 6000000 });
      expect(p.totalCents).toBe(60000000);
    });

    it('Valley Transport: $33.33, non-DSP workforce never sent, 3/4', () => {
      // "Incentive rate = round(3333 x 0.10 = 333.3) = 333 cents; base rate = 3333 - 333 = 3000 cents
      // ... fraction 3/4; potential = 2500 x 333 = 832,500; incentive = 832,500 x 3 / 4 = 624,375
      // cents; base = 2500 x 3000 = 7,500,000 cents; total 8,124,375 cents."
      expect(result(answer, 'TR9012-875', 'qip-non-dsp-workforce')).toMatchObject({ met: false });
      const p = payment(answer, 'TR9012-875');
      expect(p.details).toMatchObject({
        baseRateCents: 3000,
        incentiveRateCents: 333,
        incentivePotentialCents: 832500,
      });
      expect(p.details.earnedFraction).toBe(0.75);
      expect(lineAmounts(p)).toEqual({ base: 7500000, incentive: 624375 });
      expect(p.totalCents).toBe(8124375);
    });

    it('section 5.6: 6 residents in the colorectal band, 4 on time, 1 declined, 1 not clinically indicated -> 4 / 5', async () => {
      // "denominator 6 - 1 = 5, numerator 4, rate 4 / 5 = 80%". Four FOBT tests in the year are on time.
      const resident = (personId: string, data: Record<string, unknown>) => ({
        entityId: 'HR5678-915',
        measure: 'qip-preventive-screenings',
        period: '2026-27',
        submittedOn: '2027-07-20',
        data: { personId, screening: 'colorectal-screening', age: 60, ...data },
      });
      const onTime = { screenedOn: '2026-10-01', testType: 'fobt' };
      const colorectal = await preview('dds-qip', {
        entities: rowsOf('dds-qip', 'payees', 'json').filter((e) => e.id === 'HR5678-915'),
        submissions: [
          resident('R-1', onTime),
          resident('R-2', onTime),
          resident('R-3', onTime),
          resident('R-4', onTime),
          resident('R-5', { missedReason: 'declined' }),
          resident('R-6', { missedReason: 'not-clinically-indicated' }),
        ],
        asOf: '2027-08-31',
      });
      expect(result(colorectal, 'HR5678-915', 'qip-colorectal-screening')).toMatchObject({
        numerator: 4,
        denominator: 5,
        value: 0.8,
      });
    });
  });

  describe('dhcs-qwi worked examples (docs/programs/dhcs-qwi.md sections 6 and 7)', () => {
    it('section 6 checks: CBP, GSD, CAHPS, PCR and disparity of the JSON file, all met', async () => {
      const answer = await preview('dhcs-qwi', {
        entities: rowsOf('dhcs-qwi', 'payees', 'json'),
        submissions: rowsOf('dhcs-qwi', 'submissions', 'json'),
        asOf: '2027-07-31',
      });
      // "CBP 24,120 / 38,000 = 0.6347 >= 0.60, met. GSD > 9: 9,800 / 29,000 = 0.3379 <= 0.38, met
      // (lower is better). CAHPS 401 / 640 = 0.6266 >= 0.60, met. PCR 610 / 655.4 = 0.9307 <= 1.00,
      // met. Disparity 14.2 - 11.9 = 2.3 >= 1.0, met."
      const checks: [string, number][] = [
        ['qwi-controlling-blood-pressure', 0.6347],
        ['qwi-glycemic-status-above-9', 0.3379],
        ['qwi-cahps-rating-of-plan', 0.6266],
        ['qwi-readmissions-oe-ratio', 0.9307],
        ['qwi-disparity-reduction', 2.3],
      ];
      for (const [measure, value] of checks) {
        const r = result(answer, 'mcp-alpha', measure);
        expect(r, measure).toMatchObject({ met: true });
        expect(r?.value as number, measure).toBeCloseTo(value, 4);
      }
    });

    it('Alpha 7 of 9, Bravo 9 of 9, Charlie 3 of 9; the pool to Alpha and Bravo', async () => {
      // The page's inputs: Alpha misses postpartum care and W30 15-30 months; Charlie meets only
      // CBP, CAHPS and readmissions; Alpha and Bravo met the disparity reduction, Charlie did not.
      // A met rate is written 0.90 (0.30 for GSD, lower is better), a missed one 0.10 (0.50 for GSD),
      // every denominator 1,000 (above the minimum 30).
      const hedis = [
        'qwi-controlling-blood-pressure',
        'qwi-glycemic-status-above-9',
        'qwi-prenatal-care',
        'qwi-postpartum-care',
        'qwi-well-child-first-15-months',
        'qwi-well-child-15-to-30-months',
        'qwi-child-adolescent-well-care',
      ];
      const misses: Record<string, string[]> = {
        'mcp-alpha': ['qwi-postpartum-care', 'qwi-well-child-15-to-30-months'],
        'mcp-bravo': [],
        'mcp-charlie': hedis.filter((m) => m !== 'qwi-controlling-blood-pressure'),
      };
      const sub = (entityId: string, measure: string, data: Record<string, unknown>) => ({
        entityId,
        measure,
        period: '2026-27',
        // Every measure but the disparity reduction names its measurement year (section 5).
        data: measure === 'qwi-disparity-reduction' ? data : { measurementYear: 2026, ...data },
      });
      const submissions = Object.entries(misses).flatMap(([id, missed]) => [
        ...hedis.map((measure) => {
          const met = !missed.includes(measure);
          const lower = measure === 'qwi-glycemic-status-above-9';
          const numerator = met ? (lower ? 300 : 900) : lower ? 500 : 100;
          return sub(id, measure, { numerator, denominator: 1000 });
        }),
        // CAHPS 400 / 500 = 0.80 >= 0.60; readmissions O/E 900 / 1000 = 0.90 <= 1.00 over 2,000 stays.
        sub(id, 'qwi-cahps-rating-of-plan', { respondents: 500, topBoxResponses: 400 }),
        sub(id, 'qwi-readmissions-oe-ratio', {
          indexStays: 2000,
          observedReadmissions: 900,
          expectedReadmissions: 1000,
        }),
        // Gap 10.0 -> 8.0 (2.0 >= 1.0, met) for Alpha and Bravo; 10.0 -> 9.5 (0.5, not met) for Charlie.
        sub(id, 'qwi-disparity-reduction', {
          baseMeasure: 'qwi-prenatal-care',
          baselineGapPoints: 10,
          currentGapPoints: id === 'mcp-charlie' ? 9.5 : 8,
        }),
      ]);
      const answer = await preview('dhcs-qwi', {
        entities: rowsOf('dhcs-qwi', 'payees', 'json'),
        submissions,
        asOf: '2027-07-31',
      });
      const met = (id: string) =>
        answer.results.filter(
          (r) => r.entityId === id && r.met === true && r.measure !== 'qwi-disparity-reduction',
        ).length;
      expect([met('mcp-alpha'), met('mcp-bravo'), met('mcp-charlie')]).toEqual([7, 9, 3]);

      // Alpha: withhold 20,000,000,000 x 0.5% = 100,000,000; returned 100,000,000 x 7/9 =
      // 77,777,777.78 -> 77,777,778; unearned 22,222,222. Pool 22,222,222 + 0 + 16,666,667 =
      // 38,888,889; Alpha 38,888,889 x 5/7 = 27,777,777.86 -> 27,777,777 + the leftover cent =
      // 27,777,778. Total 200,000,000.00 - 1,000,000.00 + 777,777.78 + 277,777.78 = $200,055,555.56.
      expect(payment(answer, 'mcp-alpha')).toMatchObject(paymentExample('dhcs-qwi', 'mcp-alpha'));
      // Bravo: withhold 400,000.00, all returned, incentive 38,888,889 x 2/7 = 11,111,111.14 ->
      // $111,111.11; total 80,000,000.00 - 400,000.00 + 400,000.00 + 111,111.11 = $80,111,111.11.
      const bravo = payment(answer, 'mcp-bravo');
      expect(lineAmounts(bravo)).toEqual({
        capitation: 8000000000,
        withhold: -40000000,
        'withhold-returned': 40000000,
        incentive: 11111111,
      });
      expect(bravo.totalCents).toBe(8011111111);
      expect(bravo.details).toMatchObject({
        unearnedCents: 0,
        eligibleForIncentive: true,
        poolCents: 38888889,
      });
      // Charlie: withhold 250,000.00; returned 25,000,000 x 3/9 = 8,333,333.33 -> $83,333.33,
      // unearned $166,666.67; not eligible. Total 50,000,000.00 - 250,000.00 + 83,333.33 = $49,833,333.33.
      const charlie = payment(answer, 'mcp-charlie');
      expect(charlie.totalCents).toBe(4983333333);
      expect(charlie.details).toMatchObject({
        withholdCents: 25000000,
        earnedBackCents: 8333333,
        unearnedCents: 16666667,
        incentiveCents: 0,
        eligibleForIncentive: false,
      });
      expect(lineAmounts(charlie)).toMatchObject({
        capitation: 5000000000,
        withhold: -25000000,
        'withhold-returned': 8333333,
      });
    });
  });

  describe('dhcs-ept worked examples (docs/programs/dhcs-ept.md sections 5.2 and 7)', () => {
    const practice = (id: string, assignedMembers: number, milestoneCount: number) => ({
      id,
      name: `Practice ${id}`,
      assignedMembers,
      milestoneCount,
    });
    let answer: PreviewAnswer;
    beforeAll(async () => {
      answer = await preview('dhcs-ept', {
        entities: [
          ...rowsOf('dhcs-ept', 'payees', 'json'),
          practice('ept-920-23', 920, 23),
          practice('ept-500', 500, 25),
          practice('ept-zero', 0, 25),
          practice('ept-138001', 138001, 25),
        ],
        submissions: [
          // Mission Family Health: section 6's JSON file (milestones 3 and 4, application answers).
          ...rowsOf('dhcs-ept', 'submissions', 'json'),
          // Delta Pediatrics' milestone 1, completed 2026-11-28 (section 6's CSV).
          {
            entityId: 'ept-0002',
            measure: 'ept-milestone',
            period: '2026-27',
            data: { milestone: 1, completedOn: '2026-11-28' },
          },
          ...['ept-920-23', 'ept-500', 'ept-zero', 'ept-138001'].map((entityId) => ({
            entityId,
            measure: 'ept-milestone',
            period: '2026-27',
            data: { milestone: 1, completedOn: '2026-11-28' },
          })),
        ],
        asOf: '2027-06-30',
      });
    });

    it("the source's example: 920 members -> class D, $305 -> $280,600 -> $11,224 per milestone", () => {
      // "920 x $305 = $280,600 (28,060,000 cents); per milestone 28,060,000 / 25 = 1,122,400 cents
      // ... 2 x 1,122,400 = 2,244,800 cents" (the page's payment JSON, compared whole).
      expect(payment(answer, 'ept-0001')).toMatchObject(paymentExample('dhcs-ept', 'ept-0001'));
    });

    it('920 members with 23 milestones: 1,220,000 cents each', () => {
      // "28,060,000 / 23 = 1,220,000 cents ($12,200.00) each, exact."
      const p = payment(answer, 'ept-920-23');
      expect(p.details).toMatchObject({ class: 'D', potentialCents: 28060000 });
      expect(p.details.perMilestoneCents).toEqual(Array(23).fill(1220000));
      expect(p.lines).toMatchObject([{ kind: 'milestone', milestone: 1, amountCents: 1220000 }]);
    });

    it('leftover cents: 1,234 members, 23 milestones -> 12 x 1,394,957 + 11 x 1,394,956', () => {
      // "class F (1,201..1,400) -> $260.00; potential 1,234 x 26,000 = 32,084,000 cents ... milestones
      // 1..12 get 1,394,957, milestones 13..23 get 1,394,956 ... Its milestone 1 pays 1,394,957 cents."
      const p = payment(answer, 'ept-0002');
      expect(p.details).toMatchObject({ class: 'F', pmpyCents: 26000, potentialCents: 32084000 });
      expect(p.details.perMilestoneCents).toEqual([...Array(12).fill(1394957), ...Array(11).fill(1394956)]);
      expect(p.lines).toMatchObject([{ kind: 'milestone', milestone: 1, amountCents: 1394957 }]);
      expect(p.totalCents).toBe(1394957);
    });

    it('class boundary: 500 members -> A, $580.00; 501 -> B, $397.00, 795,588 per milestone', () => {
      // "500 members -> class A, $580.00 -> potential $290,000.00 (29,000,000 cents); ... 501
      // members -> class B, $397.00 -> $198,897.00 (19,889,700 cents; / 25 = 795,588 each)."
      expect(payment(answer, 'ept-500').details).toMatchObject({
        class: 'A',
        pmpyCents: 58000,
        potentialCents: 29000000,
      });
      const harbor = payment(answer, 'ept-0003');
      expect(harbor.details).toMatchObject({ class: 'B', pmpyCents: 39700, potentialCents: 19889700 });
      expect(harbor.details.perMilestoneCents).toEqual(Array(25).fill(795588));
      // "One more member costs this practice $91,103 of potential": 29,000,000 - 19,889,700.
      expect(29000000 - 19889700).toBe(9110300);
    });

    it('outside the table: 0 or 138,001 members -> members-outside-class-table, no payment line', () => {
      for (const id of ['ept-zero', 'ept-138001']) {
        expect(
          answer.issues.some((i) => i.code === 'members-outside-class-table' && i.entityId === id),
          id,
        ).toBe(true);
        expect(answer.payments.find((p) => p.entityId === id)?.lines ?? []).toEqual([]);
      }
      // "the run still pays everyone else"
      expect(payment(answer, 'ept-0001').totalCents).toBe(2244800);
    });

    it('section 5.2: plan score 70 + children and youth = 82, selected; 60 + tribal = 75, not', async () => {
      // Mission Family Health's application answers come from section 6's JSON file.
      expect(result(answer, 'ept-0001', 'ept-application-score')).toMatchObject({ value: 82, met: true });
      const other = await preview('dhcs-ept', {
        entities: [practice('ept-tribal', 920, 25)],
        submissions: [
          {
            entityId: 'ept-tribal',
            measure: 'ept-application-score',
            period: '2026-27',
            data: {
              planScore: 60,
              childrenYouthFocus: false,
              pregnantIndividualsFocus: false,
              tribalPractice: true,
            },
          },
        ],
        asOf: '2027-06-30',
      });
      expect(result(other, 'ept-tribal', 'ept-application-score')).toMatchObject({ value: 75, met: false });
    });
  });

  describe('dhcs-mcas worked examples (docs/programs/dhcs-mcas.md sections 6 and 7)', () => {
    // Section 7's data set: Alpha and Bravo (Alameda) report all 14 measures, denominators >= 30,
    // section 6's rows among them. Alpha is below the floor on GSD and lead screening only; Bravo on
    // childhood immunizations, prenatal care, postpartum care, FUM and FUA. Charlie reports nothing.
    // Other rates: met = 900 / 1,000 (300 / 1,000 for GSD, lower is better), below = 100 / 1,000.
    // The rulebook's measures, the page's 14 (checked in 7.1).
    const MEASURES = (
      catalogRulebook('2026-27', 'dhcs-mcas') as { measures: { key: string }[] }
    ).measures.map((m) => m.key);
    const BELOW: Record<string, string[]> = {
      'alpha-alameda': ['mcas-glycemic-status-above-9', 'mcas-lead-screening'],
      'bravo-alameda': [
        'mcas-childhood-immunizations',
        'mcas-prenatal-care',
        'mcas-postpartum-care',
        'mcas-follow-up-ed-mental-illness',
        'mcas-follow-up-ed-substance-use',
      ],
    };
    const dataSet = (below: Record<string, string[]>) => {
      const fromDocs = rowsOf('dhcs-mcas', 'submissions', 'json') as { entityId: string; measure: string }[];
      // Bravo's prenatal rate 1,590 / 2,000 is the admin CSV's third row.
      const bravoPrenatal = {
        entityId: 'bravo-alameda',
        measure: 'mcas-prenatal-care',
        period: '2026-27',
        data: { measurementYear: 2026, numerator: 1590, denominator: 2000 },
      };
      return Object.entries(below).flatMap(([entityId, missed]) =>
        MEASURES.map((measure) => {
          const doc = [...fromDocs, bravoPrenatal].find(
            (r) => r.entityId === entityId && r.measure === measure,
          );
          if (doc) return doc;
          const lower = measure === 'mcas-glycemic-status-above-9';
          const numerator = missed.includes(measure) ? (lower ? 500 : 100) : lower ? 300 : 900;
          return {
            entityId,
            measure,
            period: '2026-27',
            data: { measurementYear: 2026, numerator, denominator: 1000 },
          };
        }),
      );
    };
    let answer: PreviewAnswer;
    beforeAll(async () => {
      answer = await preview('dhcs-mcas', {
        entities: rowsOf('dhcs-mcas', 'payees', 'json'),
        submissions: dataSet(BELOW),
        asOf: '2027-07-31',
      });
    });

    it('section 6 checks: Alpha prenatal 0.87 met, Alpha GSD 0.43 below, Bravo prenatal 0.795 below', () => {
      // "Alpha prenatal 2,610 / 3,000 = 0.87 >= 0.85, met. Alpha GSD > 9: 1,290 / 3,000 = 0.43 > 0.38,
      // below the floor (lower is better). Bravo prenatal 1,590 / 2,000 = 0.795 < 0.85, below."
      expect(result(answer, 'alpha-alameda', 'mcas-prenatal-care')).toMatchObject({ value: 0.87, met: true });
      expect(result(answer, 'alpha-alameda', 'mcas-glycemic-status-above-9')).toMatchObject({
        value: 0.43,
        met: false,
      });
      expect(result(answer, 'bravo-alameda', 'mcas-prenatal-care')).toMatchObject({
        value: 0.795,
        met: false,
      });
    });

    it('7.1 sanctions: Alpha 2 x -$25,000.00, Bravo 5 x, Charlie 14 x (nothing reported)', () => {
      // "2 x $25,000.00 = -5,000,000 cents"; "5 x $25,000.00 = -12,500,000 cents";
      // Charlie: "14 x $25,000.00 = -35,000,000 cents", each line without a value.
      expect(MEASURES).toHaveLength(14);
      const sanctions = (id: string) => payment(answer, id).lines.filter((l) => l.kind === 'sanction');
      const byMeasure = (a: PaymentOut['lines'][number], b: PaymentOut['lines'][number]) =>
        String(a.measure).localeCompare(String(b.measure));
      expect(sanctions('alpha-alameda').sort(byMeasure)).toMatchObject([
        { measure: 'mcas-glycemic-status-above-9', value: 0.43, floor: 0.38, amountCents: -2500000 },
        { measure: 'mcas-lead-screening', amountCents: -2500000 },
      ]);
      expect(payment(answer, 'alpha-alameda').totalCents).toBe(-5000000);
      expect(sanctions('bravo-alameda').map((l) => l.amountCents)).toEqual(Array(5).fill(-2500000));
      expect(payment(answer, 'bravo-alameda').totalCents).toBe(-12500000);
      expect(sanctions('charlie-fresno').map((l) => [l.value, l.amountCents])).toEqual(
        Array(14).fill([null, -2500000]),
      );
      expect(payment(answer, 'charlie-fresno').totalCents).toBe(-35000000);
    });

    it('7.2 auto-assignment: Alameda 1,000 members -> Alpha 614, Bravo 386', () => {
      // "Alpha = 0.25 + 0.5 x 1 / 1.375 = 27/44 -> 613.64; Bravo = 0.25 + 0.5 x 0.375 / 1.375 =
      // 17/44 -> 386.36. Floors 613 + 386 = 999; the leftover member goes to ... Alpha".
      const assignment = (id: string) => payment(answer, id).lines.filter((l) => l.kind === 'assignment');
      expect(assignment('alpha-alameda')).toMatchObject([
        { group: 'Alameda', quantity: 614, amountCents: 0 },
      ]);
      expect(assignment('bravo-alameda')).toMatchObject([
        { group: 'Alameda', quantity: 386, amountCents: 0 },
      ]);
      // "Fresno has one plan: outside the incentive": no share is allocated by quality there.
      expect(assignment('charlie-fresno').filter((l) => l.quantity !== 400)).toEqual([]);
    });

    it('7.3 reinvestment: Alpha 15% of $10,000,000.00 = $1,500,000.00; Bravo (net loss) $0', async () => {
      expect(deepFind(payment(answer, 'alpha-alameda').details, 'reinvestmentRequiredCents')).toBe(150000000);
      expect(Number(deepFind(payment(answer, 'alpha-alameda').details, 'reinvestmentRate'))).toBe(0.15);
      expect(deepFind(payment(answer, 'bravo-alameda').details, 'reinvestmentRequiredCents')).toBe(0);
      // "Charlie-Fresno, net income $3,000,000.00, nothing reported -> 15% -> $450,000.00".
      expect(deepFind(payment(answer, 'charlie-fresno').details, 'reinvestmentRequiredCents')).toBe(45000000);
      // "Had it met every floor: 7.5% -> $750,000.00."
      const allMet = await preview('dhcs-mcas', {
        entities: rowsOf('dhcs-mcas', 'payees', 'json').filter((e) => e.id === 'alpha-alameda'),
        submissions: dataSet({ 'alpha-alameda': [] }).map((s) =>
          s.measure === 'mcas-glycemic-status-above-9'
            ? { ...s, data: { measurementYear: 2026, numerator: 300, denominator: 1000 } }
            : s,
        ),
        asOf: '2027-07-31',
      });
      expect(deepFind(payment(allMet, 'alpha-alameda').details, 'reinvestmentRequiredCents')).toBe(75000000);
    });
  });

  describe('dhcs-wpc worked examples (docs/programs/dhcs-wpc.md sections 5.4 and 7)', () => {
    const sub = (entityId: string, measure: string, submittedOn: string, data: Record<string, unknown>) => ({
      entityId,
      measure,
      period: '2026-27',
      submittedOn,
      data,
    });
    // A pilot's four quarterly enrollment reports of section 7, each on time (due 2027-07-31),
    // complete and accurate.
    const enrollment = (entityId: string) =>
      wpcSection7Records([entityId]).filter((r) => r.measure === 'wpc-enrollment-report');
    const progress = (entityId: string) =>
      sub(entityId, 'wpc-progress-report', '2027-07-28', {
        documentId: `${entityId}-annual`,
        partnerOrganizations: 12,
        dataSharingLive: true,
      });

    it('5.4 targets: LA ED visits 160.0 <= 162.0 met; follow-up 0.46 < 0.478 not met', async () => {
      // "target 180 + 0.1 x (0 - 180) = 162.0 per 1,000; 16,000 visits over 100,000 member-months =
      // 160.0 <= 162.0, met. Follow-up, baseline 0.42 -> target 0.42 + 0.1 x (1 - 0.42) = 0.478; 230
      // of 500 = 0.46, not met." Inputs: the payees of section 4 and section 6's JSON records.
      const answer = await preview('dhcs-wpc', {
        entities: rowsOf('dhcs-wpc', 'payees', 'json'),
        submissions: rowsOf('dhcs-wpc', 'submissions', 'json'),
        asOf: '2027-08-31',
      });
      const ed = result(answer, 'wpc-los-angeles', 'wpc-ed-visits');
      expect(ed).toMatchObject({ met: true });
      expect(ed?.value as number).toBeCloseTo(160, 9);
      expect(ed?.target as number).toBeCloseTo(162, 9);
      const followUp = result(answer, 'wpc-los-angeles', 'wpc-mental-illness-follow-up');
      expect(followUp).toMatchObject({ met: false });
      expect(followUp?.value as number).toBeCloseTo(0.46, 9);
      expect(followUp?.target as number).toBeCloseTo(0.478, 9);
    });

    it('7.1 start-up grants and 7.2 housing allocation over the four payees', async () => {
      // Section 7's records: Los Angeles's and San Francisco's start-up grants approved, and the
      // enrollment reports of Los Angeles, San Francisco and Sacramento.
      const answer = await preview('dhcs-wpc', {
        entities: rowsOf('dhcs-wpc', 'payees', 'json'),
        submissions: wpcSection7Records(),
        asOf: '2027-08-31',
      });
      const lines = (id: string, kind: string) =>
        (answer.payments.find((p) => p.entityId === id)?.lines ?? []).filter((l) => l.kind === kind);
      // 7.1: "Los Angeles and San Francisco approved -> 2 x $200,000.00"; Sacramento (a city) and the
      // consortium are not eligible.
      for (const id of ['wpc-los-angeles', 'wpc-san-francisco']) {
        expect(lines(id, 'milestone'), id).toMatchObject([
          { milestone: 1, label: 'start-up grant', amountCents: 20000000 },
        ]);
      }
      for (const id of ['wpc-sacramento', 'wpc-north-coast']) expect(lines(id, 'milestone'), id).toEqual([]);
      // 7.2: "Los Angeles 6,000, San Francisco 2,500, Sacramento 1,500 housing enrollees = 10,000 ->
      // $60,000,000.00, $25,000,000.00, $15,000,000.00; North Coast (no housing services) $0."
      const housing = (id: string) =>
        (answer.payments.find((p) => p.entityId === id)?.lines ?? [])
          .filter((l) => l.part === 'housing')
          .reduce((sum, l) => sum + l.amountCents, 0);
      expect(
        ['wpc-los-angeles', 'wpc-san-francisco', 'wpc-sacramento', 'wpc-north-coast'].map(housing),
      ).toEqual([6000000000, 2500000000, 1500000000, 0]);
    });

    it('7.3 incentive pool: Los Angeles 6 of 7, San Francisco 3 of 7 -> $8,888,888.89 and $1,111,111.11', async () => {
      // The page's inputs. Los Angeles: section 6's ED visits (160.0 <= 162.0) and follow-up (0.46 <
      // 0.478, its miss); inpatient 4,000 / 100,000 = 40.0 <= 45 - 4.5 = 40.5; care plans 300 / 500 =
      // 0.60 >= 0.55 + 0.045 = 0.595; housing 400 / 1,600 = 0.25 >= 0.12 + 0.088 = 0.208.
      // San Francisco: ED 13,000 / 100,000 = 130.0 <= 150 - 15 = 135 (met); inpatient 40.0 > 38.5 -
      // 3.85 = 34.65; follow-up 200 / 500 = 0.40 < 0.55; care plans 250 / 500 = 0.50 < 0.64; housing
      // 100 / 1,000 = 0.10 < 0.235 (all missed). Both: four enrollment reports and the progress report
      // on time, complete and accurate.
      /** A pilot's outcome counts: ED visits, inpatient stays, follow-ups, care plans, housing moves of all. */
      type Outcomes = {
        ed: number;
        stays: number;
        followUp: number;
        carePlan: number;
        housing: [number, number];
      };
      const PILOTS: Record<string, Outcomes> = {
        'wpc-los-angeles': { ed: 16000, stays: 4000, followUp: 230, carePlan: 300, housing: [400, 1600] },
        'wpc-san-francisco': { ed: 13000, stays: 4000, followUp: 200, carePlan: 250, housing: [100, 1000] },
      };
      const outcomes = (id: string, v: Outcomes) => [
        sub(id, 'wpc-ed-visits', '2027-07-28', { edVisits: v.ed, memberMonths: 100000 }),
        sub(id, 'wpc-inpatient-stays', '2027-07-28', { inpatientStays: v.stays, memberMonths: 100000 }),
        sub(id, 'wpc-mental-illness-follow-up', '2027-07-28', {
          followUpWithin30Days: v.followUp,
          discharges: 500,
        }),
        sub(id, 'wpc-care-plan-30-days', '2027-07-28', {
          carePlanWithin30Days: v.carePlan,
          newEnrollees: 500,
        }),
        sub(id, 'wpc-permanent-housing', '2027-07-28', {
          movedToPermanentHousing: v.housing[0],
          enrolleesExperiencingHomelessness: v.housing[1],
        }),
      ];
      const answer = await preview('dhcs-wpc', {
        entities: rowsOf('dhcs-wpc', 'payees', 'json').filter((e) => String(e.id) in PILOTS),
        submissions: Object.entries(PILOTS).flatMap(([id, v]) => [
          ...enrollment(id),
          progress(id),
          ...outcomes(id, v),
        ]),
        asOf: '2027-08-31',
      });
      // The seven measures of the incentive composite, as the catalog's rulebook names them: "of 7".
      const WEIGHTED = (catalogRulebook('2026-27', 'dhcs-wpc') as { composite: { measures: string[] } })
        .composite.measures;
      expect(WEIGHTED).toHaveLength(7);
      const met = (id: string) => WEIGHTED.filter((m) => result(answer, id, m)?.met === true);
      expect(met('wpc-los-angeles')).toEqual(WEIGHTED.filter((m) => m !== 'wpc-mental-illness-follow-up'));
      expect(met('wpc-san-francisco')).toEqual([
        'wpc-enrollment-report',
        'wpc-progress-report',
        'wpc-ed-visits',
      ]);
      // "Weights 4,000 x 6/7 : 1,000 x 3/7 = 8 : 1. Los Angeles 1,000,000,000 x 8/9 = 888,888,888.89,
      // San Francisco 111,111,111.11; floors add to 999,999,999 and the leftover cent goes to the
      // larger remainder: Los Angeles $8,888,888.89, San Francisco $1,111,111.11."
      const incentive = (id: string) =>
        payment(answer, id).lines.filter(
          (l) => l.kind === 'pool-share' && (l.part === undefined || l.part === 'primary'),
        );
      expect(incentive('wpc-los-angeles')).toMatchObject([{ amountCents: 888888889 }]);
      expect(incentive('wpc-san-francisco')).toMatchObject([{ amountCents: 111111111 }]);
    });
  });

  it('compared every payment example of the pages with a worked example', () => {
    expect([...checkedPayments].sort()).toEqual(paymentExamples.map((m) => m.example.where).sort());
  });
});

interface PaymentOut {
  entityId: string;
  totalCents: number;
  lines: { kind: string; amountCents: number; [key: string]: unknown }[];
  details: Record<string, unknown> & { earnedFraction?: number };
}
interface PreviewAnswer {
  results: { entityId: string; measure: string; [key: string]: unknown }[];
  payments: PaymentOut[];
  issues: { code: string; entityId?: string; [key: string]: unknown }[];
}

function payment(answer: PreviewAnswer, entityId: string): PaymentOut {
  const found = answer.payments.find((p) => p.entityId === entityId);
  if (!found) throw new Error(`no payment for ${entityId}: ${JSON.stringify(answer.issues)}`);
  return found;
}
function result(answer: PreviewAnswer, entityId: string, measure: string) {
  return answer.results.find((r) => r.entityId === entityId && r.measure === measure);
}
/** The payee met each of the measures. */
function expectMet(answer: PreviewAnswer, entityId: string, measures: string[]) {
  for (const measure of measures)
    expect(result(answer, entityId, measure), measure).toMatchObject({ met: true });
}
function lineAmounts(p: PaymentOut): Record<string, number> {
  return Object.fromEntries(p.lines.map((l) => [l.kind, l.amountCents]));
}
/** The first value of a key anywhere in a nested object (payment parts nest their details). */
function deepFind(value: unknown, key: string): unknown {
  if (value === null || typeof value !== 'object') return undefined;
  if (key in value) return (value as Record<string, unknown>)[key];
  for (const inner of Object.values(value)) {
    const found = deepFind(inner, key);
    if (found !== undefined) return found;
  }
  return undefined;
}
