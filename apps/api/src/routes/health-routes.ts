import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../http/app-env.ts';

const HealthSchema = z
  .object({
    status: z.literal('ok'),
    database: z.enum(['pglite', 'postgres']),
    queue: z.enum(['inline', 'bullmq']),
  })
  .openapi('Health', { example: { status: 'ok', database: 'pglite', queue: 'inline' } });

export function healthRoutes(deps: {
  database: 'pglite' | 'postgres';
  queue: 'inline' | 'bullmq';
  ping(): Promise<void>;
}) {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/healthz',
      operationId: 'getHealth',
      tags: ['system'],
      summary: 'Liveness and which database and queue this instance uses',
      security: [],
      responses: {
        200: { description: 'Healthy', content: { 'application/json': { schema: HealthSchema } } },
        503: { description: 'The database does not answer' },
      },
    }),
    async (c) => {
      try {
        await deps.ping();
      } catch {
        return c.json({ status: 'unavailable' }, 503) as never;
      }
      return c.json({ status: 'ok' as const, database: deps.database, queue: deps.queue }, 200);
    },
  );
  return app;
}
