import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Database } from '@quip/db';
import { streamSSE } from 'hono/streaming';
import { type Kysely, sql } from 'kysely';
import { requireRole } from '../auth/authenticate.ts';
import { canSeeEntity, type Principal, scopedEntityIds } from '../auth/principal.ts';
import type { AppEnv } from '../http/app-env.ts';
import { bearerSecurity } from '../http/common-schemas.ts';

/** Audit actions that become events, by event name. */
const EVENTS: Record<string, string> = {
  'run.preliminary': 'run.published',
  'run.official': 'run.final',
  'review.request': 'request.filed',
  'review.decision': 'request.decided',
};

interface AuditRow {
  id: number;
  at: string;
  action: string;
  subject: string;
  details: Record<string, unknown>;
}

/** Whether the key may see the event: admins and analysts all; a submitter its own payees' programs and requests. */
function visible(principal: Principal, row: AuditRow): boolean {
  if (principal.scope === null) return true;
  const [program, fiscalYear] = row.subject.split('/') as [string, string];
  const where = { program, fiscalYear };
  const entityId = row.details.entityId;
  if (typeof entityId === 'string') return canSeeEntity(principal, where, entityId);
  return (scopedEntityIds(principal, where)?.length ?? 0) > 0;
}

/**
 * The events a client follows without polling (review and correction, among others): server-sent
 * events read from the audit log, so every process (API or worker) that writes one is heard.
 */
export function eventRoutes(db: Kysely<Database>, options: { pollMs?: number } = {}) {
  const app = new OpenAPIHono<AppEnv>();
  const pollMs = options.pollMs ?? 1000;

  app.openapi(
    createRoute({
      method: 'get',
      path: '/events',
      operationId: 'streamEvents',
      tags: ['events'],
      summary: 'Run completions, publications and review decisions, pushed as server-sent events',
      description:
        "Events: `run.completed` (a run succeeded or failed; administrators and analysts), `run.published` (a run published as preliminary), `run.final` (a run marked official), `request.filed` and `request.decided` (a review request). Each `data` is JSON with `program`, `fiscalYear`, `runId` and, for requests, `requestId`, `entityId` and `decision`. A submitter receives the events of its own payees' programs and requests only. Publication and request events carry an `id`: reconnect with `Last-Event-ID` to receive what was missed. The stream stays open until the client closes it; a `ping` comment is sent every 15 s.",
      security: bearerSecurity,
      middleware: [requireRole('admin', 'analyst', 'submitter')] as const,
      responses: {
        200: {
          description: 'An event stream',
          content: {
            'text/event-stream': {
              schema: z.string().openapi({
                example:
                  'id: 42\nevent: request.decided\ndata: {"program":"dds-qip","fiscalYear":"2026-27","runId":12,"requestId":7,"entityId":"PV1234-950","decision":"accepted"}\n\n',
              }),
            },
          },
        },
      },
    }),
    async (c) => {
      const principal = c.get('principal');
      const lastId = Number(c.req.header('last-event-id'));
      let cursor = Number.isSafeInteger(lastId) && lastId >= 0 ? lastId : null;
      if (cursor === null) {
        const row = await db
          .selectFrom('audit_log')
          .select(sql<string>`coalesce(max(id), 0)::text`.as('id'))
          .executeTakeFirstOrThrow();
        cursor = Number(row.id);
      }
      let since = (await sql<{ now: string }>`select now()::text as now`.execute(db)).rows[0]!.now;
      return streamSSE(c, async (stream) => {
        let aborted = false;
        stream.onAbort(() => {
          aborted = true;
        });
        let quiet = 0;
        while (!aborted) {
          try {
            const rows = (await db
              .selectFrom('audit_log')
              .select(['id', 'at', 'action', 'subject', 'details'])
              .where('id', '>', cursor as number)
              .where('action', 'in', Object.keys(EVENTS))
              .orderBy('id')
              .limit(500)
              .execute()) as AuditRow[];
            for (const row of rows) {
              cursor = Number(row.id);
              if (!visible(principal, row)) continue;
              const [program, fiscalYear] = row.subject.split('/');
              const d = row.details;
              const data = {
                program,
                fiscalYear,
                runId: d.run,
                ...(d.request !== undefined ? { requestId: d.request, entityId: d.entityId } : {}),
                ...(d.decision !== undefined ? { decision: d.decision } : {}),
                ...(d.reviewUntil !== undefined ? { reviewUntil: d.reviewUntil } : {}),
                at: row.at,
              };
              await stream.writeSSE({
                id: String(row.id),
                event: EVENTS[row.action]!,
                data: JSON.stringify(data),
              });
            }
            if (principal.scope === null) {
              const { rows: ended } = await sql<{
                id: string;
                fy: string;
                program: string;
                status: string;
                at: string;
              }>`
              select id::text, fiscal_year as fy, program_id as program, status, finished_at::text as at
              from runs where finished_at > ${since}::timestamptz and status in ('succeeded', 'failed')
              order by finished_at
            `.execute(db);
              for (const run of ended) {
                since = run.at;
                await stream.writeSSE({
                  event: 'run.completed',
                  data: JSON.stringify({
                    program: run.program,
                    fiscalYear: run.fy,
                    runId: Number(run.id),
                    status: run.status,
                  }),
                });
              }
            }
            if (++quiet * pollMs >= 15_000) {
              quiet = 0;
              await stream.write(': ping\n\n');
            }
          } catch {
            break; // the database went away (shutting down): end the stream
          }
          await stream.sleep(pollMs);
        }
      });
    },
  );

  return app;
}
