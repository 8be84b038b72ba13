import { OpenAPIHono, z } from '@hono/zod-openapi';
import { parseFiscalYear, UNSHIFTED_REASONS } from '@quip/core';
import {
  appendAudit,
  type CloseBlocker,
  closeBlockers,
  type Database,
  type FiscalYear,
  findFiscalYear,
  insertFiscalYear,
  listFiscalYears,
  listPrograms,
  lockFiscalYear,
  publishedVersions,
  setFiscalYearStatus,
} from '@quip/db';
import type { Kysely } from 'kysely';
import { lockWritableFiscalYear } from '../fiscal-years/writable-fiscal-year.ts';
import { apiRoutes } from '../http/api-route.ts';
import type { AppEnv } from '../http/app-env.ts';
import { FiscalYearParam } from '../http/common-schemas.ts';
import { ProblemSchema, problem, problems } from '../http/problem.ts';
import { problemTypeUri } from '../http/problem-types.ts';
import { cloneRulebooks } from '../rulebooks/clone-rulebooks.ts';

const route = apiRoutes('fiscal years');
const programRoute = apiRoutes('programs');

const FiscalYearSchema = z
  .object({
    fiscalYear: z.string(),
    startsOn: z.string().openapi({ format: 'date' }),
    endsOn: z.string().openapi({ format: 'date' }),
    status: z.enum(['draft', 'open', 'closed']),
  })
  .openapi('FiscalYear', {
    example: { fiscalYear: '2026-27', startsOn: '2026-07-01', endsOn: '2027-06-30', status: 'open' },
  });

const FiscalYearName = z
  .string()
  .refine(
    (name) => parseFiscalYear(name) !== null,
    'a fiscal year is named like 2027-28 (two consecutive years)',
  )
  .openapi({ example: '2027-28' });

const NewFiscalYearSchema = z
  .object({
    fiscalYear: FiscalYearName,
    status: z.enum(['draft', 'open']).default('draft').openapi({
      description: 'draft while it is being configured; open once it takes submissions',
    }),
  })
  .strict()
  .openapi('NewFiscalYear', { example: { fiscalYear: '2027-28', status: 'draft' } });

const FiscalYearStatusChangeSchema = z
  .object({
    status: z.enum(['open', 'closed']),
    force: z.boolean().optional().openapi({
      description:
        'Close even though a program is not ready (the reasons a 409 listed); the audit entry records the force and what it overrode',
    }),
  })
  .strict()
  .openapi('FiscalYearStatusChange', { example: { status: 'closed' } });

const CloseRefusedSchema = ProblemSchema.extend({
  reasons: z.array(
    z.object({
      program: z.string(),
      reason: z.enum(['unpublished-draft', 'no-official-run', 'run-after-official']),
      message: z.string(),
    }),
  ),
}).openapi('CloseRefused', {
  example: {
    type: problemTypeUri('conflict'),
    title: 'Conflict',
    status: 409,
    detail:
      'Fiscal year 2026-27 cannot be closed yet (1 reason): dds-qip has no official run: mark its final run official. Close it anyway with "force": true.',
    errors: [
      { row: 0, path: 'dds-qip', message: 'dds-qip has no official run: mark its final run official' },
    ],
    reasons: [
      {
        program: 'dds-qip',
        reason: 'no-official-run',
        message: 'dds-qip has no official run: mark its final run official',
      },
    ],
  },
});

/** One sentence per reason a program is not ready for its year to close. */
function closeReasonMessage(blocker: CloseBlocker): string {
  switch (blocker.reason) {
    case 'unpublished-draft':
      return `${blocker.program} has an unpublished draft (revision ${blocker.draftRevision}): publish it`;
    case 'no-official-run':
      return `${blocker.program} has no official run: mark its final run official`;
    case 'run-after-official': {
      const runs = blocker.runIds.join(', ');
      return `${blocker.program} has ${blocker.runIds.length === 1 ? 'run' : 'runs'} ${runs} newer than its official run ${blocker.officialRunId}: mark the final run official`;
    }
  }
}

const ClonedShiftSchema = z
  .object({
    path: z.string().openapi({ example: 'measures[0].compute.timely.dueDate' }),
    from: z.string().openapi({ example: '2026-10-31' }),
    to: z.string().openapi({ example: '2027-10-31' }),
  })
  .openapi('ClonedShift', {
    description: 'A value the clone moved: its JSON path, the whole value before and after',
  });

const ClonedToReviewSchema = z
  .object({
    path: z.string().openapi({ example: 'measures[5].fields.age.description' }),
    value: z
      .string()
      .openapi({ description: 'the date, fiscal-year name or year as written', example: '2027-06-30' }),
    position: z.number().int().optional().openapi({
      description: 'its 0-based offset in the string at path, when it is part of one',
      example: 15,
    }),
    reason: z.enum(UNSHIFTED_REASONS),
    message: z.string(),
  })
  .openapi('ClonedToReview', {
    description:
      'A date, fiscal-year name or year the clone left as written (or, February 29, moved to February 28) for the administrator to review',
  });

const CloneOutcomeSchema = z
  .object({
    fiscalYear: z.string(),
    source: z.string(),
    cloned: z.array(
      z.object({
        program: z.string(),
        revision: z.number().int(),
        contentHash: z.string(),
        fromVersion: z.number().int(),
        shifted: z.array(ClonedShiftSchema).openapi({
          description:
            'every value moved to the target year: dates, fiscal-year names, date literals in expressions',
        }),
        unshifted: z.array(ClonedToReviewSchema).openapi({
          description: 'what the clone could not move, for the administrator to review',
        }),
      }),
    ),
    skipped: z.array(
      z.object({ program: z.string(), reason: z.enum(['no-published-rulebook', 'already-has-rulebook']) }),
    ),
  })
  .openapi('CloneOutcome', {
    example: {
      fiscalYear: '2027-28',
      source: '2026-27',
      cloned: [
        {
          program: 'dds-qip',
          revision: 1,
          contentHash: '3f5a…',
          fromVersion: 2,
          shifted: [
            { path: 'effectiveFrom', from: '2026-07-01', to: '2027-07-01' },
            { path: 'measures[0].compute.timely.dueDate', from: '2026-09-30', to: '2027-09-30' },
          ],
          unshifted: [
            {
              path: 'measures[5].fields.age.description',
              value: '2027-06-30',
              position: 15,
              reason: 'date-in-text',
              message: 'a date inside text: left as written (moved it would be 2028-06-30)',
            },
          ],
        },
      ],
      skipped: [{ program: 'dhcs-wpc', reason: 'no-published-rulebook' }],
    },
  });

const ProgramSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    agency: z.string(),
    payeeKind: z.string(),
    description: z.string(),
    rulebookVersion: z.number().int().nullable().openapi({
      description: 'The published rulebook version for this fiscal year; null while none is published',
    }),
  })
  .openapi('Program', {
    example: {
      id: 'dhcs-ept',
      name: 'Equity and Practice Transformation payments',
      agency: 'DHCS',
      payeeKind: 'primary care practice',
      description: 'Members times a class-table multiplier, paid out per completed milestone (23 or 25).',
      rulebookVersion: 1,
    },
  });

const publicYear = ({ closedAt: _closedAt, ...year }: FiscalYear) => year;

/** Status moves forward only: draft -> open -> closed, and closed is final. */
const NEXT_STATUSES: Record<FiscalYear['status'], readonly string[]> = {
  draft: ['open', 'closed'],
  open: ['closed'],
  closed: [],
};

export function fiscalYearRoutes(db: Kysely<Database>) {
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(
    route({
      method: 'get',
      path: '/fiscal-years',
      operationId: 'listFiscalYears',
      summary: 'Fiscal years and their status',
      responses: {
        200: {
          description: 'All fiscal years, oldest first',
          content: { 'application/json': { schema: z.object({ items: z.array(FiscalYearSchema) }) } },
        },
      },
    }),
    async (c) => {
      const years = await listFiscalYears(db);
      return c.json({ items: years.map(publicYear) }, 200);
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: '/fiscal-years',
      operationId: 'createFiscalYear',
      summary: 'Create a fiscal year (admins)',
      description: 'Its dates follow from its name: 2027-28 runs 2027-07-01 to 2028-06-30.',
      roles: ['admin'],
      idempotent: db,
      request: {
        body: { required: true, content: { 'application/json': { schema: NewFiscalYearSchema } } },
      },
      responses: {
        201: { description: 'Created', content: { 'application/json': { schema: FiscalYearSchema } } },
      },
      problems: [409, 422],
    }),
    async (c) => {
      const { fiscalYear, status } = c.req.valid('json');
      const span = parseFiscalYear(fiscalYear)!;
      const created = await db.transaction().execute(async (trx) => {
        const year = await insertFiscalYear(trx, { ...span, status });
        if (!year) return null;
        await appendAudit(trx, {
          actor: c.get('principal').keyId,
          action: 'fiscal-year.create',
          subject: fiscalYear,
          details: { status },
        });
        return year;
      });
      if (!created) throw problems.conflict(`Fiscal year ${fiscalYear} already exists.`);
      return c.json(publicYear(created), 201);
    },
  );

  app.openapi(
    route({
      method: 'patch',
      path: '/fiscal-years/{fy}',
      operationId: 'changeFiscalYearStatus',
      summary: 'Open or close a fiscal year (admins)',
      description:
        'Status moves forward only: draft -> open -> closed. A closed fiscal year is read-only: every write to it answers 409, no run starts in it and its official runs stay as they are. Closing answers 409 with every reason listed (`reasons`, and `errors` with the program as `path`) while a program with a rulebook in the year has an unpublished draft, has no official run, or has a run newer than its official one; `"force": true` closes it anyway and the audit entry records what it overrode.',
      roles: ['admin'],
      request: {
        params: z.object({ fy: FiscalYearParam }),
        body: { required: true, content: { 'application/json': { schema: FiscalYearStatusChangeSchema } } },
      },
      responses: {
        200: {
          description: 'The fiscal year',
          content: { 'application/json': { schema: FiscalYearSchema } },
        },
        409: {
          description:
            'The year is closed (read-only), or not ready to close: `reasons` lists why, program by program',
          content: { 'application/problem+json': { schema: CloseRefusedSchema } },
        },
      },
      problems: [404],
    }),
    async (c) => {
      const { fy } = c.req.valid('param');
      const { status, force = false } = c.req.valid('json');
      const year = await db.transaction().execute(async (trx) => {
        const current = await lockFiscalYear(trx, fy, 'update');
        if (!current) throw problems.notFound(`Fiscal year ${fy} does not exist.`);
        if (current.status === status) return current;
        if (current.status === 'closed')
          throw problems.conflict(`Fiscal year ${fy} is closed: it is read-only.`);
        if (!NEXT_STATUSES[current.status].includes(status)) {
          throw problems.conflict(`Fiscal year ${fy} is ${current.status}; it cannot go back to ${status}.`);
        }
        const details: Record<string, unknown> = { from: current.status, to: status };
        if (status === 'closed') {
          // Checked under the year's exclusive lock: no run starts or becomes official meanwhile.
          const reasons = (await closeBlockers(trx, fy)).map((b) => ({
            program: b.program,
            reason: b.reason,
            message: closeReasonMessage(b),
          }));
          if (reasons.length > 0 && !force) {
            const count = `${reasons.length} ${reasons.length === 1 ? 'reason' : 'reasons'}`;
            throw problem(
              'conflict',
              `Fiscal year ${fy} cannot be closed yet (${count}): ${reasons.map((r) => r.message).join('; ')}. Close it anyway with "force": true.`,
              { errors: reasons.map((r) => ({ row: 0, path: r.program, message: r.message })), reasons },
            );
          }
          if (force) Object.assign(details, { force: true, overridden: reasons });
        }
        const changed = await setFiscalYearStatus(trx, fy, status);
        await appendAudit(trx, {
          actor: c.get('principal').keyId,
          action: status === 'closed' ? 'fiscal-year.close' : 'fiscal-year.open',
          subject: fy,
          details,
        });
        return changed;
      });
      return c.json(publicYear(year), 200);
    },
  );

  app.openapi(
    route({
      method: 'post',
      path: '/fiscal-years/{fy}/clone-from/{source}',
      operationId: 'cloneFiscalYearRulebooks',
      summary: "Clone every program's published rulebook of another year into this one as drafts (admins)",
      description:
        "Each draft is the source year's latest published version moved to this year: every date it holds (effective and due dates, date fields' min and max, milestone `by`, date literals in expressions) and every fiscal-year name (`fiscalYear`, periods, baseline periods, names in messages and descriptions) moves by the years between the two. Each cloned program lists what moved (`shifted`) and what was left for the administrator to review (`unshifted`: dates in text, numbers that may be years, February 29 moved into a common year). Every draft is validated (422 lists all problems, nothing saved). Programs that already have a rulebook in this year are skipped, so cloning again changes nothing.",
      roles: ['admin'],
      idempotent: db,
      request: {
        params: z.object({
          fy: FiscalYearParam,
          source: FiscalYearParam.openapi({ param: { name: 'source', in: 'path' }, example: '2026-27' }),
        }),
      },
      responses: {
        201: {
          description: 'The drafts made',
          content: { 'application/json': { schema: CloneOutcomeSchema } },
        },
      },
      problems: [404, 409, 422],
    }),
    async (c) => {
      const { fy, source } = c.req.valid('param');
      if (fy === source) throw problems.badRequest('A fiscal year cannot be cloned into itself.');
      const outcome = await db.transaction().execute(async (trx) => {
        await lockWritableFiscalYear(trx, fy);
        if (!(await findFiscalYear(trx, source)))
          throw problems.notFound(`Fiscal year ${source} does not exist.`);
        const actor = c.get('principal').keyId;
        const result = await cloneRulebooks(trx, { source, target: fy, actor });
        await appendAudit(trx, {
          actor,
          action: 'fiscal-year.clone',
          subject: fy,
          details: {
            source,
            cloned: result.cloned.map((r) => ({
              program: r.program,
              revision: r.revision,
              fromVersion: r.fromVersion,
              shifted: r.shifted.length,
              unshifted: r.unshifted.length,
            })),
            skipped: result.skipped.length,
          },
        });
        return result;
      });
      return c.json({ fiscalYear: fy, source, ...outcome }, 201);
    },
  );

  app.openapi(
    programRoute({
      method: 'get',
      path: '/fiscal-years/{fy}/programs',
      operationId: 'listPrograms',
      summary: 'Programs of a fiscal year with their published rulebook version',
      request: { params: z.object({ fy: FiscalYearParam }) },
      responses: {
        200: {
          description: 'The programs',
          content: { 'application/json': { schema: z.object({ items: z.array(ProgramSchema) }) } },
        },
      },
      problems: [404],
    }),
    async (c) => {
      const { fy } = c.req.valid('param');
      if (!(await findFiscalYear(db, fy))) throw problems.notFound(`Fiscal year ${fy} does not exist.`);
      const programs = await listPrograms(db);
      const versions = await publishedVersions(db, fy);
      return c.json(
        { items: programs.map((p) => ({ ...p, rulebookVersion: versions.get(p.id) ?? null })) },
        200,
      );
    },
  );

  return app;
}
