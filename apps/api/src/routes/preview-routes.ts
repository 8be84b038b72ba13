import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  type CompiledRulebook,
  compileRulebook,
  evaluateProgram,
  RulebookError,
  validateRulebook,
} from '@quip/core';
import { requireRole } from '../auth/authenticate.ts';
import { canSeeEntity } from '../auth/principal.ts';
import type { AppEnv } from '../http/app-env.ts';
import {
  authErrors,
  badRequestError,
  bearerSecurity,
  conflictError,
  FiscalYearParam,
  notFoundError,
  ProgramParam,
  unprocessableError,
} from '../http/common-schemas.ts';
import { problems } from '../http/problem.ts';
import { findProgramRulebook } from '../ingest/published-rulebook.ts';
import { invalidRulebook, targetIssues } from '../rulebooks/invalid-rulebook.ts';
import type { BulkRouteDependencies } from './entity-routes.ts';

const EntityInput = z
  .object({ id: z.string().min(1).max(200) })
  .catchall(z.unknown())
  .openapi({ description: "A payee: id, name and the program's payee fields" });

const SubmissionInput = z.object({
  entityId: z.string().min(1).max(200),
  measure: z.string().min(1),
  period: z.string().min(1),
  submittedOn: z.string().optional(),
  data: z.record(z.string(), z.unknown()),
});

const PreviewRequest = z
  .object({
    entities: z.array(EntityInput),
    submissions: z.array(SubmissionInput).default([]),
    rulebook: z.record(z.string(), z.unknown()).optional().openapi({
      description: 'A rulebook to try instead of the published one; validated first (422 with every problem)',
    }),
    asOf: z.iso.date().optional().openapi({ description: 'The evaluation day; default today (UTC)' }),
  })
  .openapi('PreviewRequest', {
    example: {
      entities: [{ id: 'PR-0042', name: 'Valley Family Clinic', assignedMembers: 920, milestoneCount: 25 }],
      submissions: [
        {
          entityId: 'PR-0042',
          measure: 'ept-milestone',
          period: '2026-27',
          data: { milestone: 1, completedOn: '2026-09-30' },
        },
      ],
      asOf: '2027-06-30',
    },
  });

const PreviewResponse = z
  .object({
    results: z.array(z.record(z.string(), z.unknown())),
    payments: z.array(z.record(z.string(), z.unknown())),
    issues: z.array(
      z.object({
        code: z.string(),
        message: z.string(),
        entityId: z.string().optional(),
        measure: z.string().optional(),
        count: z.number().int().optional(),
      }),
    ),
    rulebook: z.object({ version: z.number().int().nullable(), hash: z.string() }),
  })
  .openapi('Preview', {
    example: {
      results: [{ entityId: 'PR-0042', measure: 'ept-milestone', status: 'scored', value: 1, met: true }],
      payments: [
        {
          entityId: 'PR-0042',
          totalCents: 1122400,
          lines: [{ kind: 'milestone', milestone: 1, amountCents: 1122400 }],
          details: { class: 'D', pmpyCents: 30500, potentialCents: 28060000 },
        },
      ],
      issues: [],
      rulebook: { version: 1, hash: '9f2c…' },
    },
  });

const today = () => new Date().toISOString().slice(0, 10);

export function previewRoutes({ db }: BulkRouteDependencies) {
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(
    createRoute({
      method: 'post',
      path: '/fiscal-years/{fy}/programs/{program}/preview',
      tags: ['preview'],
      summary: 'Evaluate a rulebook over given payees and submissions, storing nothing',
      description:
        "Computes results and payments, with their explanations, from the published rulebook (or the `rulebook` given) over the payees and submissions in the body. Nothing is read from or written to the stored data. A problem with one payee (e.g. an EPT member count outside the class table) is an entry in `issues` naming that payee; the other payees' results are unaffected. Analysts and admins; a submitter only for its own payees (another's answers 404).",
      security: bearerSecurity,
      middleware: [requireRole('admin', 'analyst', 'submitter')] as const,
      request: {
        params: z.object({ fy: FiscalYearParam, program: ProgramParam }),
        body: { required: true, content: { 'application/json': { schema: PreviewRequest } } },
      },
      responses: {
        200: {
          description: 'Results, payments and issues',
          content: { 'application/json': { schema: PreviewResponse } },
        },
        ...badRequestError,
        ...authErrors,
        ...notFoundError,
        ...conflictError,
        ...unprocessableError,
      },
    }),
    async (c) => {
      const { fy, program } = c.req.valid('param');
      const input = c.req.valid('json');
      const principal = c.get('principal');
      const ids = [...input.entities.map((e) => e.id), ...input.submissions.map((s) => s.entityId)];
      if (!ids.every((id) => canSeeEntity(principal, id))) throw problems.notFound('No such payee.');

      const published = await findProgramRulebook(db, fy, program);
      let compiled: CompiledRulebook;
      let version: number | null = null;
      if (input.rulebook !== undefined) {
        const checked = validateRulebook(input.rulebook);
        const issues = [...(checked.ok ? [] : checked.issues), ...targetIssues(input.rulebook, fy, program)];
        if (issues.length > 0) throw invalidRulebook(issues, 'The rulebook given');
        compiled = compileOrThrow(input.rulebook);
      } else {
        if (!published) {
          throw problems.conflict(
            `Program ${program} has no published rulebook for ${fy}: give one in \`rulebook\`.`,
          );
        }
        compiled = published.compiled;
        version = published.version;
      }
      let evaluation: ReturnType<typeof evaluateProgram>;
      try {
        evaluation = evaluateProgram(compiled, {
          entities: input.entities,
          submissions: input.submissions,
          asOf: input.asOf ?? today(),
          explain: true,
        });
      } catch (error) {
        if (error instanceof RulebookError)
          throw problems.unprocessable(`The preview cannot be computed: ${error.message}.`);
        throw error;
      }
      return c.json(
        {
          results: evaluation.results as unknown as Record<string, unknown>[],
          payments: evaluation.payments as unknown as Record<string, unknown>[],
          issues: evaluation.issues,
          rulebook: { version, hash: compiled.hash },
        },
        200,
      );
    },
  );

  return app;
}

function compileOrThrow(json: unknown): CompiledRulebook {
  try {
    return compileRulebook(json);
  } catch (error) {
    if (error instanceof RulebookError) throw invalidRulebook(error.issues, 'The rulebook given');
    throw error;
  }
}
