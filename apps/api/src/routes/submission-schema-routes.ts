import { OpenAPIHono, z } from '@hono/zod-openapi';
import { JSON_SCHEMA_DIALECT, MeasureKeySchema, submissionJsonSchema } from '@quip/core';
import type { Database } from '@quip/db';
import type { Kysely } from 'kysely';
import { apiRoutes } from '../http/api-route.ts';
import type { AppEnv } from '../http/app-env.ts';
import { FiscalYearParam, ProgramParam } from '../http/common-schemas.ts';
import { problems } from '../http/problem.ts';
import { findProgramRulebook } from '../ingest/published-rulebook.ts';

const route = apiRoutes('submissions');

export const SUBMISSION_SCHEMA_PATH =
  '/fiscal-years/{fy}/programs/{program}/measures/{measure}/submission-schema';

const SubmissionJsonSchemaSchema = z
  .object({ $schema: z.literal(JSON_SCHEMA_DIALECT), type: z.literal('object') })
  .catchall(z.unknown())
  .openapi('SubmissionJsonSchema', {
    description:
      "A JSON Schema (draft 2020-12) of one submission row of a measure, derived from the published rulebook's field schema: validate rows with it before sending them.",
    example: {
      $schema: JSON_SCHEMA_DIALECT,
      $comment: 'dhcs-ept 2026-27, published rulebook version 1',
      title: 'ept-milestone: one submission',
      type: 'object',
      properties: {
        entityId: { type: 'string', pattern: '\\S' },
        measure: { const: 'ept-milestone' },
        period: { enum: ['2026-27'] },
        submittedOn: { type: 'string', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
        data: {
          type: 'object',
          properties: {
            milestone: { type: 'number', minimum: 1, maximum: 25 },
            completedOn: { type: 'string', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
          },
          required: ['milestone', 'completedOn'],
          additionalProperties: false,
        },
      },
      required: ['entityId', 'measure', 'period', 'data'],
      additionalProperties: false,
    },
  });

/** `GET .../measures/{measure}/submission-schema`: the JSON Schema a measure's submission rows meet. */
export function submissionSchemaRoutes(db: Kysely<Database>) {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(
    route({
      method: 'get',
      path: SUBMISSION_SCHEMA_PATH,
      operationId: 'getSubmissionSchema',
      summary: "The JSON Schema of a measure's submission rows, from the published rulebook",
      description:
        "What POST .../submissions checks a row of this measure against, as a JSON Schema (draft 2020-12): `measure`, one of its periods, `data` with the measure's fields (typed, with their enums and bounds, no other field; the record's key fields and, unless a reporting measure scores them as completeness, its required fields present). A row the schema refuses is refused by the upload too. What a schema cannot check is in its descriptions: that the payee exists and the measure applies to it, date bounds, and the completeness and accuracy findings (a row with findings is stored, flagged). 404 for a measure the rulebook does not have, or one whose data is submitted under another measure (its `dataFrom`); 409 while the program has no published rulebook.",
      request: {
        params: z.object({
          fy: FiscalYearParam,
          program: ProgramParam,
          measure: z
            .string()
            .pipe(MeasureKeySchema)
            .openapi({ param: { name: 'measure', in: 'path' }, example: 'ept-milestone' }),
        }),
      },
      responses: {
        200: {
          description: 'The JSON Schema of one submission row',
          content: { 'application/schema+json': { schema: SubmissionJsonSchemaSchema } },
        },
      },
      problems: [404, 409],
    }),
    async (c) => {
      const { fy, program, measure } = c.req.valid('param');
      const published = await findProgramRulebook(db, fy, program);
      if (!published) {
        throw problems.conflict(`Program ${program} has no published rulebook for ${fy}: publish one first.`);
      }
      const schema = submissionJsonSchema(published.compiled, measure);
      if (!schema) {
        const known = published.compiled.measures.find((m) => m.key === measure);
        throw problems.notFound(
          known
            ? `Measure ${measure} takes no submissions of its own: its data is submitted as ${known.dataKey}.`
            : `${program} has no measure ${measure} in ${fy}.`,
        );
      }
      const { $schema, ...rest } = schema;
      const answer = {
        $schema,
        $comment: `${program} ${fy}, published rulebook version ${published.version}`,
        ...rest,
      };
      return c.body(JSON.stringify(answer), 200, { 'Content-Type': 'application/schema+json' }) as never;
    },
  );
  return app;
}
