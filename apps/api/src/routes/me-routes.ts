import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../http/app-env.ts';
import { authErrors, bearerSecurity } from '../http/common-schemas.ts';

const MeSchema = z
  .object({
    name: z.string(),
    role: z.enum(['admin', 'analyst', 'submitter']),
    entityIds: z.array(z.string()).nullable().openapi({ description: 'null = every entity' }),
  })
  .openapi('Me', {
    example: { name: 'Regional center upload key', role: 'submitter', entityIds: ['PV-000123'] },
  });

export function meRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/me',
      tags: ['auth'],
      summary: 'The calling API key: its name, role and entity scope',
      security: bearerSecurity,
      responses: {
        200: { description: 'The key', content: { 'application/json': { schema: MeSchema } } },
        ...authErrors,
      },
    }),
    (c) => {
      const { name, role, entityIds } = c.get('principal');
      return c.json({ name, role, entityIds: entityIds ? [...entityIds] : null }, 200);
    },
  );
  return app;
}
