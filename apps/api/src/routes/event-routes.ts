import { OpenAPIHono } from '@hono/zod-openapi';
import { type Database, ROLES } from '@quip/db';
import { streamSSE } from 'hono/streaming';
import { type Kysely, sql } from 'kysely';
import { canSeeEntity, type Principal, scopedEntityIds } from '../auth/principal.ts';
import { apiRoutes, eventStream } from '../http/api-route.ts';
import type { AppEnv } from '../http/app-env.ts';
import { type EventCursor, formatEventCursor, parseEventCursor } from '../review/event-cursor.ts';

const route = apiRoutes('events');

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
    route({
      method: 'get',
      path: '/events',
      operationId: 'streamEvents',
      summary: 'Run completions, publications and review decisions, pushed as server-sent events',
      description:
        "Events: `run.completed` (a run succeeded or failed, sent about a second after it ends; administrators and analysts), `run.published` (a run published as preliminary), `run.final` (a run marked official), `request.filed` and `request.decided` (a review request). Each `data` is JSON with `program`, `fiscalYear`, `runId` and, for requests, `requestId`, `entityId` and `decision`. A submitter receives the events of its own payees' programs and requests only. Every event carries an `id` (where the stream stands: `<audit entry>-<run finish time in µs>-<run id>`): reconnect with `Last-Event-ID` set to the last one received to receive what was missed, run completions included, each once. The stream stays open until the client closes it; a `ping` comment is sent every 15 s.",
      roles: ROLES,
      responses: {
        200: eventStream(
          'id: 42-1814774400123456-12\nevent: request.decided\ndata: {"program":"dds-qip","fiscalYear":"2026-27","runId":12,"requestId":7,"entityId":"PV1234-950","decision":"accepted"}\n\n',
        ),
      },
    }),
    async (c) => {
      const principal = c.get('principal');
      const resumed = parseEventCursor(c.req.header('last-event-id'));
      const now = (
        await sql<{ audit: string; micros: string }>`
          select (select coalesce(max(id), 0) from audit_log)::text as audit,
                 (extract(epoch from now()) * 1000000)::bigint::text as micros
        `.execute(db)
      ).rows[0]!;
      // Without a cursor the stream starts now; with one, it sends what came after it.
      const cursor: EventCursor = resumed?.run ?? {
        audit: resumed?.audit ?? Number(now.audit),
        runFinishedMicros: BigInt(now.micros),
        runId: 0,
      };
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
              .where('id', '>', cursor.audit)
              .where('action', 'in', Object.keys(EVENTS))
              .orderBy('id')
              .limit(500)
              .execute()) as AuditRow[];
            for (const row of rows) {
              cursor.audit = Number(row.id);
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
                id: formatEventCursor(cursor),
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
                micros: string;
              }>`
              select id::text, fiscal_year as fy, program_id as program, status, micros::text
              from (
                select *, (extract(epoch from finished_at) * 1000000)::bigint as micros from runs
                where status in ('succeeded', 'failed')
                  -- a second's grace: a run whose end commits late is not passed by a later one
                  and finished_at < now() - interval '1 second'
              ) ended
              where (micros, id) > (${String(cursor.runFinishedMicros)}::bigint, ${cursor.runId})
              order by micros, id
              limit 500
            `.execute(db);
              for (const run of ended) {
                cursor.runFinishedMicros = BigInt(run.micros);
                cursor.runId = Number(run.id);
                await stream.writeSSE({
                  id: formatEventCursor(cursor),
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
