import { OpenAPIHono, z } from '@hono/zod-openapi';
import { ROLES } from '@quip/db';
import { formatScopeEntry } from '../auth/principal.ts';
import { answer, apiRoutes } from '../http/api-route.ts';
import type { AppEnv } from '../http/app-env.ts';

const route = apiRoutes('auth');

const MeSchema = z
  .object({
    name: z.string(),
    role: z.enum(ROLES),
    entityIds: z.array(z.string()).nullable().openapi({
      description: 'null = every payee; else each `program:entityId` or `program/fiscalYear:entityId`',
    }),
  })
  .openapi('Me', {
    example: { name: 'Regional center upload key', role: 'submitter', entityIds: ['dds-qip:PV-000123'] },
  });

export function meRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(
    route({
      method: 'get',
      path: '/me',
      operationId: 'getMe',
      summary: 'The calling API key: its name, role and entity scope',
      responses: { 200: answer('The key', MeSchema) },
    }),
    (c) => {
      const { name, role, scope } = c.get('principal');
      return c.json({ name, role, entityIds: scope ? scope.map(formatScopeEntry) : null }, 200);
    },
  );
  return app;
}
