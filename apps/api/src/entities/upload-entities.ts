import type { Fields } from '@quip/core';
import type { RowError } from '../http/problem.ts';
import { problems } from '../http/problem.ts';
import type { BodyFormat } from '../ingest/body-format.ts';
import { readBodyRows } from '../ingest/read-body-rows.ts';
import { RowErrors } from '../ingest/row-errors.ts';
import { type EntityInput, entityFromRow } from './entity-from-row.ts';

export interface EntityUpload {
  entities: EntityInput[];
  /** Rows naming a payee outside the key's scope (answered 404 as a whole, naming no data). */
  foreignRows: number[];
}

/**
 * Reads and checks a payee upload: every row is checked and every bad row reported (422) before
 * anything is stored. Payees are few enough (thousands) to hold; the body itself is streamed.
 */
export async function readEntityUpload(
  body: ReadableStream<Uint8Array>,
  format: BodyFormat,
  options: { payeeFields: Fields | null; scope: readonly string[] | null; maxRows: number },
): Promise<EntityUpload> {
  const errors = new RowErrors();
  const entities: EntityInput[] = [];
  const foreignRows: number[] = [];
  const firstRowOf = new Map<string, number>();
  const scope = options.scope ? new Set(options.scope) : null;
  const rowErrors: RowError[] = [];
  const rows = readBodyRows(body, format, {
    onHeader: (columns) => {
      if (!columns.includes('id') || !columns.includes('name')) {
        throw problems.unprocessable('The CSV header must have the columns id and name.', [
          {
            row: 0,
            path: columns.includes('id') ? 'name' : 'id',
            message: 'column is missing from the header',
          },
        ]);
      }
    },
  });
  let count = 0;
  for await (const batch of rows) {
    for (const r of batch) {
      count++;
      if (count > options.maxRows) {
        throw problems.tooLarge(`A request may carry at most ${options.maxRows} rows.`);
      }
      if (r.error !== undefined) {
        errors.push({ row: r.row, path: '', message: `row ${r.error}` });
        continue;
      }
      rowErrors.length = 0;
      const entity = entityFromRow(r.value, r.row, options.payeeFields, format === 'csv', rowErrors);
      for (const e of rowErrors) errors.push(e);
      if (!entity) continue;
      const first = firstRowOf.get(entity.id);
      if (first !== undefined) {
        errors.push({ row: r.row, path: 'id', message: `repeats the payee of row ${first}` });
        continue;
      }
      firstRowOf.set(entity.id, r.row);
      if (scope && !scope.has(entity.id)) foreignRows.push(r.row);
      entities.push(entity);
    }
  }
  if (count === 0) throw problems.unprocessable('The request has no rows.');
  if (errors.count > 0) throw errors.toProblem();
  return { entities, foreignRows };
}
