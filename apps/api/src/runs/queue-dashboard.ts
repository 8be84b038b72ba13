import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { HonoAdapter } from '@bull-board/hono';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Database } from '@quip/db';
import { BullmqJobRunner, type JobRunner, jobDefinitions } from '@quip/jobs';
import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { authenticate, requireRole } from '../auth/authenticate.ts';
import type { AppEnv } from '../http/app-env.ts';
import { problemResponse, problems } from '../http/problem.ts';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

/**
 * bull-board over every Quip queue, for administrators, in scaled mode only (embedded mode has no
 * queues to show: its jobs run in this process, so the page answers 404 there).
 */
export function queueDashboard(deps: { db: Kysely<Database>; jobs: JobRunner }) {
  const app = new Hono<AppEnv>();
  const { jobs } = deps;
  if (!(jobs instanceof BullmqJobRunner)) {
    app.all('*', (c) =>
      problemResponse(c, problems.notFound('The queue dashboard exists in scaled mode (with Redis) only.')),
    );
    return app;
  }
  const adapter = new HonoAdapter(serveStatic);
  adapter.setBasePath(QUEUE_DASHBOARD_PATH);
  const queues = [...new Set(jobDefinitions({ db: deps.db }).map((d) => d.queue))];
  createBullBoard({ queues: queues.map((q) => new BullMQAdapter(jobs.queue(q))), serverAdapter: adapter });
  app.use('*', authenticate(deps.db), requireRole('admin'));
  app.route('/', adapter.registerPlugin());
  return app;
}
