import { OpenAPIHono, z } from '@hono/zod-openapi';
import { formatCents } from '@quip/core';
import {
  appendAudit,
  approvePaymentCycle,
  type CreatePaymentCycleOutcome,
  createPaymentCycle,
  type Database,
  findPaymentCycle,
  listCycleFileRows,
  listLedger,
  listPaymentCycleLines,
  listPaymentCycles,
  type PaymentCycleRecord,
} from '@quip/db';
import type { Kysely } from 'kysely';
import { requireProgramYear } from '../fiscal-years/program-year.ts';
import { answer, apiRoutes, json } from '../http/api-route.ts';
import type { AppEnv } from '../http/app-env.ts';
import { FileFormatQuery, fileAnswer, pageOrFile } from '../http/file-answer.ts';
import { decodePairCursor, definedFields, pageOf, pageQuery, pairKey } from '../http/page.ts';
import { type Problem, problem, problems } from '../http/problem.ts';
import { decodeCursor } from '../ingest/page-cursor.ts';
import { cycleCsv, cycleXlsx } from '../payment-cycles/cycle-file.ts';
import {
  CycleLinePageSchema,
  CycleListSchema,
  CycleParams,
  CycleSchema,
  LedgerSchema,
  NewCycleSchema,
} from '../payment-cycles/cycle-schemas.ts';
import { PageQuery, ProgramYearParams } from '../runs/run-schemas.ts';

const route = apiRoutes('payment cycles');

const cyclesOf = '/fiscal-years/{fy}/programs/{program}/payment-cycles';
const dollars = (cents: number) => `$${formatCents(cents)}`;

async function requireCycle(db: Kysely<Database>, id: string): Promise<PaymentCycleRecord> {
  const cycle = await findPaymentCycle(db, Number(id));
  if (!cycle) throw problems.notFound(`Payment cycle ${id} does not exist.`);
  return cycle;
}

/** Why a cycle was not created, and what to do instead. */
function refusal(outcome: Exclude<CreatePaymentCycleOutcome, { kind: 'created' }>, runId: number): Problem {
  switch (outcome.kind) {
    case 'run-not-found':
      return problems.unprocessable(
        `Run ${runId} does not exist: give the id of a succeeded run of this program and year.`,
      );
    case 'foreign-run':
      return problems.unprocessable(
        `Run ${runId} is a run of ${outcome.run.programId} in ${outcome.run.fiscalYear}: create the cycle under that program and year, or give a run of this one.`,
      );
    case 'run-not-succeeded':
      return problems.conflict(
        `Run ${runId} is ${outcome.run.status}: only a succeeded run can be paid. Start a run (POST .../runs) and create the cycle from it once it has succeeded.`,
      );
    case 'run-older':
      return problems.conflict(
        `Run ${runId} is older than run ${outcome.lastRunId}, which approved cycle ${outcome.lastCycleId} paid: create the cycle from run ${outcome.lastRunId} or a newer run.`,
      );
    case 'over-budget': {
      const o = outcome.overrun;
      const which = o.budget === 'fiscalYear' ? 'fiscal-year' : 'lifetime';
      return problem(
        'budget-exceeded',
        `The cycle would pay ${dollars(o.cycleCents)} net on top of ${dollars(o.paidCents)} already paid: ${dollars(o.overCents)} over the ${which} budget of ${dollars(o.limitCents)}. Nothing was stored. Correct the run's entitlements, or raise cycles.budgetCents.${o.budget} in the rulebook if the budget changed, then create the cycle again.`,
        {
          budget: o.budget,
          limitCents: o.limitCents,
          paidCents: o.paidCents,
          cycleCents: o.cycleCents,
          overCents: o.overCents,
        },
      );
    }
  }
}

/** Payment cycles (draft, approved by a second admin), their lines and payment files, and the ledger. */
export function paymentCycleRoutes(db: Kysely<Database>) {
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(
    route({
      method: 'post',
      path: cyclesOf,
      operationId: 'createPaymentCycle',
      summary: 'Create a draft payment cycle from a succeeded run (admins): what is due after what was paid',
      description:
        "Every line of the run, by payee and key: due = entitled (times the rulebook's interim share while the run is not official) - paid before by approved cycles (every fiscal year for lifetime keys such as EPT's milestone:<n>). Negative = a recovery. 422 for a run that does not exist or is another program's or year's; 409 for a run that did not succeed, a run older than the one the last approved cycle paid, or a cycle over budget (`overCents` says by how much). Nothing is stored when refused.",
      roles: ['admin'],
      idempotent: db,
      request: {
        params: ProgramYearParams,
        body: { required: true, content: json(NewCycleSchema) },
      },
      responses: { 201: answer('The draft', CycleSchema) },
      problems: [404, 409, 422],
    }),
    async (c) => {
      const { fy, program } = c.req.valid('param');
      const body = c.req.valid('json');
      await requireProgramYear(db, fy, program);
      const principal = c.get('principal');
      const outcome = await createPaymentCycle(db, {
        fiscalYear: fy,
        programId: program,
        runId: body.runId,
        label: body.label ?? null,
        createdBy: principal.keyId,
        createdByName: principal.name,
      });
      if (outcome.kind !== 'created') throw refusal(outcome, body.runId);
      return c.json(outcome.cycle, 201);
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: cyclesOf,
      operationId: 'listPaymentCycles',
      summary: 'The payment cycles of a program in a fiscal year, newest first',
      roles: ['admin', 'analyst'],
      request: {
        params: ProgramYearParams,
        query: z.object(pageQuery(200, 50)),
      },
      responses: { 200: answer('Cycles', CycleListSchema) },
      problems: [404],
    }),
    async (c) => {
      const { fy, program } = c.req.valid('param');
      const query = c.req.valid('query');
      await requireProgramYear(db, fy, program);
      const rows = await listPaymentCycles(db, {
        fiscalYear: fy,
        programId: program,
        limit: query.limit + 1,
        ...(query.cursor ? { beforeId: decodeCursor(query.cursor, 'number') } : {}),
      });
      return c.json(
        pageOf(rows, query.limit, (last) => last.id),
        200,
      );
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: '/payment-cycles/{id}',
      operationId: 'getPaymentCycle',
      summary: 'A payment cycle with its status and totals',
      roles: ['admin', 'analyst'],
      request: { params: CycleParams },
      responses: { 200: answer('The cycle', CycleSchema) },
      problems: [404],
    }),
    async (c) => c.json(await requireCycle(db, c.req.valid('param').id), 200),
  );

  app.openapi(
    route({
      method: 'get',
      path: '/payment-cycles/{id}/lines',
      operationId: 'listPaymentCycleLines',
      summary: "A cycle's lines by payee and key; or its payment file (?format=csv or xlsx)",
      description:
        "JSON pages of the cycle's lines (every line with an amount due or deferred, and every lifetime line, such as EPT milestones, with what the year stands at), or the payment file of the lines that move money: cycle id, payee id and name, program, fiscal year, line key and kind, the amount due in dollars.cents (negative = recovered, `note` recovery or offset), then a TRAILER row with the control total and the line count. Text cells a spreadsheet would read as a formula start with an apostrophe.",
      roles: ['admin', 'analyst'],
      request: {
        params: CycleParams,
        query: z.object({
          entityId: z.string().min(1).max(200).optional().openapi({ example: 'EPT-0001' }),
          format: FileFormatQuery,
          ...PageQuery,
        }),
      },
      responses: {
        200: pageOrFile(
          'Lines, or the payment file',
          CycleLinePageSchema,
          'cycle_id,payee_id,payee_name,program,fiscal_year,line_key,line_kind,amount_dollars,note\r\n7,EPT-0001,Valley Clinic,dhcs-ept,2026-27,milestone:3,milestone,11224.00,\r\nTRAILER,,,dhcs-ept,2026-27,,,11224.00,1 lines\r\n',
        ),
      },
      problems: [404],
    }),
    async (c) => {
      const query = c.req.valid('query');
      const cycle = await requireCycle(db, c.req.valid('param').id);
      if (query.format !== 'json') {
        const rows = (await listCycleFileRows(db, cycle.id)).filter(
          (r) => query.entityId === undefined || r.entityId === query.entityId,
        );
        const actor = c.get('principal');
        await db.transaction().execute((trx) =>
          appendAudit(trx, {
            actor: actor.keyId,
            action: 'payment-cycle.export',
            subject: `${cycle.program}/${cycle.fiscalYear}`,
            details: { cycle: cycle.id, keyName: actor.name, format: query.format, lines: rows.length },
          }),
        );
        const name = `payment-cycle-${cycle.program}-${cycle.fiscalYear}-${cycle.id}`;
        return (await fileAnswer(c, query.format, name, {
          csv: () => cycleCsv(cycle, rows),
          xlsx: () => cycleXlsx(cycle, rows),
        })) as never;
      }
      const after = decodePairCursor(query.cursor);
      const rows = await listPaymentCycleLines(db, {
        cycleId: cycle.id,
        limit: query.limit + 1,
        ...definedFields({ entityId: query.entityId }),
        ...(after ? { after: { entityId: after[0], key: after[1] } } : {}),
      });
      return c.json(
        pageOf(rows, query.limit, (last) => pairKey(last.entityId, last.key)),
        200,
      );
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: '/payment-cycles/{id}/approve',
      operationId: 'approvePaymentCycle',
      summary: 'Approve a draft cycle (an admin other than its creator): its lines enter the ledger',
      description:
        'Approving an approved cycle answers the same and writes nothing. 403 for the key that created the draft; 409 for a draft made stale by another approved cycle of the program and year (re-create it: POST .../payment-cycles with the same run).',
      roles: ['admin'],
      request: { params: CycleParams },
      responses: { 200: answer('The approved cycle', CycleSchema) },
      problems: [404, 409],
    }),
    async (c) => {
      const principal = c.get('principal');
      const id = c.req.valid('param').id;
      const outcome = await approvePaymentCycle(db, {
        cycleId: Number(id),
        approvedBy: principal.keyId,
        approvedByName: principal.name,
      });
      switch (outcome.kind) {
        case 'not-found':
          throw problems.notFound(`Payment cycle ${id} does not exist.`);
        case 'own-draft':
          throw problems.forbidden(
            `Payment cycle ${id} was created with this API key: a second person approves it. Ask an admin with another key.`,
          );
        case 'stale':
          throw problems.conflict(
            `Payment cycle ${id} is stale: ${outcome.approvedCycleId === null ? 'another cycle' : `cycle ${outcome.approvedCycleId}`} was approved after it was drafted, so what it says is due is out of date. Nothing was stored. Create it again (POST /api/v1/fiscal-years/${outcome.cycle.fiscalYear}/programs/${outcome.cycle.program}/payment-cycles with runId ${outcome.cycle.runId}) and approve the new draft.`,
          );
        case 'approved':
          return c.json(outcome.cycle, 200);
      }
    },
  );

  app.openapi(
    route({
      method: 'get',
      path: '/fiscal-years/{fy}/programs/{program}/ledger',
      operationId: 'listLedger',
      summary: 'The ledger: every approved line, oldest first, with running balances per payee and key',
      description:
        "Entries of the fiscal year's approved cycles (and, for lifetime keys, of every year's: they count as paid before); `balanceCents` is the running balance of the entry's payee and key, `balances` the final balance of each payee and key on the page. Filter by `entityId`, `key`, `cycleId`.",
      roles: ['admin', 'analyst'],
      request: {
        params: ProgramYearParams,
        query: z.object({
          entityId: z.string().min(1).max(200).optional().openapi({ example: 'EPT-0001' }),
          key: z.string().min(1).max(200).optional().openapi({ example: 'milestone:3' }),
          cycleId: z
            .string()
            .regex(/^[1-9]\d{0,14}$/)
            .optional()
            .openapi({ example: '7' }),
          ...pageQuery(5000, 500),
        }),
      },
      responses: { 200: answer('Ledger entries and balances', LedgerSchema) },
      problems: [404],
    }),
    async (c) => {
      const { fy, program } = c.req.valid('param');
      const query = c.req.valid('query');
      await requireProgramYear(db, fy, program);
      const page = await listLedger(db, {
        programId: program,
        fiscalYear: fy,
        limit: query.limit + 1,
        ...definedFields({ entityId: query.entityId, key: query.key }),
        ...(query.cycleId !== undefined ? { cycleId: Number(query.cycleId) } : {}),
        ...(query.cursor ? { afterId: decodeCursor(query.cursor, 'number') } : {}),
      });
      const { items, nextCursor } = pageOf(page.items, query.limit, (last) => last.id);
      const onPage = new Set(items.map((i) => `${i.entityId}\u0000${i.key}`));
      const balances = page.balances.filter((b) => onPage.has(`${b.entityId}\u0000${b.key}`));
      return c.json({ items, balances, nextCursor }, 200);
    },
  );

  return app;
}
