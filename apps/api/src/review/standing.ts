import {
  buildScorecard,
  type CompiledRulebook,
  type Entity,
  evaluateProgram,
  type Scorecard,
  type Submission,
} from '@quip/core';
import { type Database, loadSnapshotSubmissions } from '@quip/db';
import { type Kysely, sql } from 'kysely';

/** One item of a payee's calendar: what is due when, and whether it came. */
export interface CalendarItem {
  measure: string;
  name: string;
  dueDate: string;
  /** received: on time; late: received after the due date; missing: due and not received; upcoming: not due yet. */
  status: 'received' | 'late' | 'missing' | 'upcoming';
}

export type Standing = Scorecard & { calendar: CalendarItem[] };

interface Evaluated {
  entities: Entity[];
  evaluation: ReturnType<typeof evaluateProgram>;
  submissions: Submission[];
}

/**
 * The program's evaluation now, kept while the data it read is unchanged: its key is the rulebook,
 * the as-of day, the highest submission id and the payees' count and last change. At most a few
 * are kept; a request while one is being computed waits for it instead of computing another.
 */
const evaluations = new Map<string, Promise<Evaluated>>();

async function dataVersion(db: Kysely<Database>, fiscalYear: string, program: string): Promise<string> {
  const { rows } = await sql<{ s: string | null; n: number; u: string | null }>`
    select
      (select max(id)::text from submissions where fiscal_year = ${fiscalYear} and program_id = ${program}) as s,
      (select count(*)::int from entities where fiscal_year = ${fiscalYear} and program_id = ${program}) as n,
      (select max(updated_at)::text from entities where fiscal_year = ${fiscalYear} and program_id = ${program}) as u
  `.execute(db);
  const r = rows[0];
  return `${r?.s ?? 0}:${r?.n ?? 0}:${r?.u ?? ''}`;
}

async function evaluateNow(
  db: Kysely<Database>,
  compiled: CompiledRulebook,
  scope: { fiscalYear: string; program: string },
  maxSubmissionId: number,
  asOf: string,
): Promise<Evaluated> {
  const rows = await db
    .selectFrom('entities')
    .select(['id', 'name', 'attributes'])
    .where('fiscal_year', '=', scope.fiscalYear)
    .where('program_id', '=', scope.program)
    .orderBy('id')
    .execute();
  const entities: Entity[] = rows.map((r) => ({
    ...(r.attributes as Record<string, unknown>),
    id: r.id,
    name: r.name,
  }));
  const stored = await loadSnapshotSubmissions(
    db,
    { fiscalYear: scope.fiscalYear, programId: scope.program, snapshotSubmissionId: maxSubmissionId },
    entities.map((e) => e.id),
  );
  const submissions: Submission[] = stored.map((s) => ({
    entityId: s.entityId,
    measure: s.measure,
    period: s.period,
    submittedOn: s.submittedOn,
    data: s.data,
  }));
  return { entities, submissions, evaluation: evaluateProgram(compiled, { entities, submissions, asOf }) };
}

/**
 * A payee's standing: its scorecard computed now from the stored payees and submissions with the
 * published rulebook, stored nowhere. The program is evaluated by core's evaluateProgram, the
 * evaluation preview and runs use (percentile targets and pooled payments need every payee), and
 * that evaluation is shared by every payee's standing until the data changes; each card is then
 * core's buildScorecard with the population, so "what would have earned the rest" is shown for
 * pooled methods too. A calendar lists each measure that applies with a due date and its state.
 */
export async function payeeStanding(
  db: Kysely<Database>,
  compiled: CompiledRulebook,
  contentHash: string,
  scope: { fiscalYear: string; program: string },
  entityId: string,
  asOf: string,
  today: string,
): Promise<Standing | null> {
  const version = await dataVersion(db, scope.fiscalYear, scope.program);
  const key = `${scope.fiscalYear}/${scope.program}/${contentHash}/${asOf}/${version}`;
  let pending = evaluations.get(key);
  if (!pending) {
    for (const k of evaluations.keys())
      if (k.startsWith(`${scope.fiscalYear}/${scope.program}/`)) evaluations.delete(k);
    if (evaluations.size >= 8) evaluations.clear();
    pending = evaluateNow(db, compiled, scope, Number(version.split(':')[0]), asOf);
    pending.catch(() => evaluations.delete(key));
    evaluations.set(key, pending);
  }
  const { entities, evaluation, submissions } = await pending;
  const entity = entities.find((e) => e.id === entityId);
  if (!entity) return null;
  const card = buildScorecard({
    compiled,
    entity,
    run: { id: null, asOf, stage: 'standing' },
    results: evaluation.results.filter((r) => r.entityId === entityId),
    payment: evaluation.payments.find((p) => p.entityId === entityId) ?? null,
    submissions: submissions.filter((s) => s.entityId === entityId),
    population: { entities, results: evaluation.results },
  });
  return { ...card, calendar: calendarOf(card, today) };
}

/** What is due when and whether it came, from the scorecard's own measures. */
export function calendarOf(card: Scorecard, today: string): CalendarItem[] {
  const items: CalendarItem[] = [];
  for (const m of card.measures) {
    if (!m.applies || m.dueDate === undefined) continue;
    const received = m.received.length > 0;
    const status: CalendarItem['status'] = received
      ? m.received.some((b) => b.onTime !== false)
        ? 'received'
        : 'late'
      : m.dueDate < today
        ? 'missing'
        : 'upcoming';
    items.push({ measure: m.measure, name: m.name, dueDate: m.dueDate, status });
  }
  return items.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.measure.localeCompare(b.measure));
}
