import type { CompiledRulebook, Entity, Submission } from '@quip/core';
import { RowErrors } from '../ingest/row-errors.ts';
import { SubmissionRowChecker } from './submission-row-checker.ts';

/**
 * A preview's submissions, checked by the upload's own SubmissionRowChecker (row n = the n-th
 * submission, as in a JSON upload): any row upload would refuse throws the same 422. Returns them
 * as the engine reads them, each received on `receivedOn` unless an admin or analyst declared a
 * submittedOn (never after receivedOn).
 */
export function checkPreviewSubmissions(
  compiled: CompiledRulebook,
  entities: readonly Entity[],
  rows: readonly Record<string, unknown>[],
  receipt: { receivedOn: string; mayDeclare: boolean },
): Submission[] {
  const payees = new Map(entities.map((e) => [e.id, e]));
  const errors = new RowErrors();
  const accepted: Submission[] = [];
  const checker = new SubmissionRowChecker(
    compiled,
    (id) => payees.get(id),
    { ...receipt, declaredUntil: receipt.receivedOn },
    errors,
    new RowErrors(),
    (entityId, measure, period, _recordKey, submittedOn, data) => {
      accepted.push({ entityId, measure, period, submittedOn, data: data as Record<string, unknown> });
      return '';
    },
  );
  for (let i = 0; i < rows.length; i++) checker.check(i + 1, rows[i] as Record<string, unknown>, false);
  if (errors.count > 0) throw errors.toProblem();
  return accepted;
}
