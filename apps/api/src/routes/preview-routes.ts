import { OpenAPIHono, z } from '@hono/zod-openapi';
import {
  type CompiledRulebook,
  compileRulebook,
  defaultAsOf,
  evaluateProgram,
  RulebookError,
  validateRulebook,
} from '@quip/core';
import { ROLES } from '@quip/db';
import { canSeeEntity } from '../auth/principal.ts';
import { answer, apiRoutes, json } from '../http/api-route.ts';
import type { AppEnv } from '../http/app-env.ts';
import { FiscalYearParam, ProgramParam } from '../http/common-schemas.ts';
import { problems } from '../http/problem.ts';
import { findProgramRulebook } from '../ingest/published-rulebook.ts';
import { invalidRulebook, targetIssues } from '../rulebooks/invalid-rulebook.ts';
import { checkPreviewSubmissions } from '../submissions/check-preview-submissions.ts';
import { receiptTime } from '../submissions/receipt-time.ts';
import type { BulkRouteDependencies } from './entity-routes.ts';

const route = apiRoutes('preview');

const EntityInput = z
  .object({ id: z.string().min(1).max(200) })
  .catchall(z.unknown())
  .openapi({ description: "A payee: id, name and the program's payee fields" });

// Rows are checked by the upload's own checker (row errors, not a schema error), so preview and
// upload refuse exactly the same rows with exactly the same errors.
const SubmissionInput = z.record(z.string(), z.unknown()).openapi({
  description:
    'A submission as POST .../submissions takes it: `{entityId, measure, period, data}` (`submittedOn` from admins and analysts only)',
});

const PreviewRequest = z
  .object({
    entities: z.array(EntityInput),
    submissions: z.array(SubmissionInput).default([]),
    rulebook: z.record(z.string(), z.unknown()).optional().openapi({
      description: 'A rulebook to try instead of the published one; validated first (422 with every problem)',
    }),
    asOf: z.iso.date().optional().openapi({
      description:
        "The evaluation day; default as a run's: the fiscal year's last day or the rulebook's last due date, whichever is later",
    }),
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
    rulebook: z.object({ version: z.number().int().nullable(), contentHash: z.string() }),
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
      rulebook: { version: 1, contentHash: '9f2c…' },
    },
  });

export function previewRoutes({ db, clock }: BulkRouteDependencies) {
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(
    route({
      method: 'post',
      path: '/fiscal-years/{fy}/programs/{program}/preview',
      operationId: 'previewProgram',
      summary: 'Evaluate a rulebook over given payees and submissions, storing nothing',
      description:
        "Computes results and payments, with their explanations, from the published rulebook (or the `rulebook` given) over the payees and submissions in the body. Nothing is read from or written to the stored data. Submissions are checked exactly as an upload checks them: a row upload would refuse makes preview answer 422 with the same `errors` (row n is the n-th submission). A submission without `submittedOn` counts as received today (or on `asOf` when that is earlier). A problem with one payee (e.g. an EPT member count outside the class table) is an entry in `issues` naming that payee; the other payees' results are unaffected. Analysts and admins; a submitter only for its own payees (another's answers 404).",
      roles: ROLES,
      request: {
        params: z.object({ fy: FiscalYearParam, program: ProgramParam }),
        body: { required: true, content: json(PreviewRequest) },
      },
      responses: { 200: answer('Results, payments and issues', PreviewResponse) },
      problems: [404, 409, 422],
    }),
    async (c) => {
      const { fy, program } = c.req.valid('param');
      const input = c.req.valid('json');
      const principal = c.get('principal');
      const ids = [
        ...input.entities.map((e) => e.id),
        ...input.submissions.flatMap((s) => (typeof s.entityId === 'string' ? [s.entityId] : [])),
      ];
      const where = { program, fiscalYear: fy };
      if (!ids.every((id) => canSeeEntity(principal, where, id.trim())))
        throw problems.notFound('No such payee.');

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
      const { receivedOn: today } = receiptTime(clock(), compiled);
      const asOf = input.asOf ?? defaultAsOf(compiled);
      const submissions = checkPreviewSubmissions(compiled, input.entities, input.submissions, {
        // The earlier of the two ISO days: a record cannot arrive after the evaluation day.
        receivedOn: [today, asOf].sort()[0] as string,
        mayDeclare: principal.role !== 'submitter',
      });
      let evaluation: ReturnType<typeof evaluateProgram>;
      try {
        evaluation = evaluateProgram(compiled, {
          entities: input.entities,
          submissions,
          asOf,
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
          rulebook: { version, contentHash: compiled.hash },
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
