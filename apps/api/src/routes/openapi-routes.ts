import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../http/app-env.ts';
import { documentStandardAnswers, registerProblemAnswers } from '../http/common-schemas.ts';

/** The repository's license, by its SPDX identifier (OpenAPI 3.1; the config's type is 3.0's, without it). */
const LICENSE = { name: 'Apache-2.0', identifier: 'Apache-2.0' };

type OpenAPIObjectConfig = Parameters<OpenAPIHono['getOpenAPI31Document']>[0];

/** The document's top: what `GET /openapi.json` says about the API as a whole. */
function documentConfig(version: string): OpenAPIObjectConfig {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Quip API',
      version,
      description: [
        'Quality incentive payment programs run from configuration: rulebooks, payees, submissions, runs and payments. Money is integer cents in fields named ...Cents; dates are ISO YYYY-MM-DD; fiscal years are named 2026-27.',
        'Every route under `/api/v1` needs an API key (`Authorization: Bearer quip_...`) and counts against its per-minute limit (`RateLimit-Limit`, `RateLimit-Remaining`; over it: 429 with `Retry-After`). Errors are `application/problem+json` (RFC 9457).',
      ].join('\n\n'),
      contact: { name: 'Quip maintainers' },
      license: LICENSE,
    },
    servers: [
      {
        url: '/',
        description: 'The Quip server that serves this document (every path is relative to it)',
      },
    ],
  };
}

const OpenApiDocumentSchema = z
  .object({ openapi: z.string(), info: z.object({ title: z.string(), version: z.string() }) })
  .catchall(z.unknown())
  .openapi('OpenApiDocument', {
    description: 'An OpenAPI 3.1 document: this one.',
    example: { openapi: '3.1.0', info: { title: 'Quip API', version: '0.1.0' }, paths: {} },
  });

/**
 * `GET /openapi.json`: the description of every route of `app`, built from the routes themselves
 * (so it cannot drift from them), once, on first request, with the answers their middleware gives
 * (http/common-schemas.ts). Registered last but for the pages that document nothing (docs, SPA).
 */
export function serveOpenApiDocument(app: OpenAPIHono<AppEnv>, version: string): void {
  app.openAPIRegistry.registerComponent('securitySchemes', 'apiKey', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API key: `Authorization: Bearer quip_...`',
  });
  registerProblemAnswers(app.openAPIRegistry);
  let document: z.infer<typeof OpenApiDocumentSchema> | undefined;
  app.openapi(
    createRoute({
      method: 'get',
      path: '/openapi.json',
      operationId: 'getOpenApiDocument',
      tags: ['system'],
      summary: 'This description of the API (OpenAPI 3.1)',
      security: [],
      responses: {
        200: {
          description: 'The OpenAPI document',
          content: { 'application/json': { schema: OpenApiDocumentSchema } },
        },
      },
    }),
    (c) => {
      if (!document) {
        const built = app.getOpenAPI31Document(documentConfig(version));
        documentStandardAnswers(built);
        document = built as unknown as typeof document;
      }
      return c.json(document!, 200);
    },
  );
}
