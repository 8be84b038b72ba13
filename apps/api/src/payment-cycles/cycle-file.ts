import type { CycleFileRow, PaymentCycleRecord } from '@quip/db';
import ExcelJS from 'exceljs';
import { centsToDollars, csvText } from '../runs/payment-file.ts';

const HEADER = [
  'cycle_id',
  'payee_id',
  'payee_name',
  'program',
  'fiscal_year',
  'line_key',
  'line_kind',
  'amount_dollars',
  'note',
] as const;

/** 'recovery' for money asked back; with recoveries offset, 'offset' (it only reduces the payee's other lines). */
function note(cycle: PaymentCycleRecord, row: CycleFileRow): string {
  if (row.dueCents >= 0) return '';
  return cycle.recoveries === 'offset' ? 'offset' : 'recovery';
}

function rowsOf(cycle: PaymentCycleRecord, rows: readonly CycleFileRow[]) {
  let total = 0;
  const body = rows.map((r) => {
    total += r.dueCents;
    return [
      cycle.id,
      r.entityId,
      r.name,
      cycle.program,
      cycle.fiscalYear,
      r.key,
      r.kind,
      r.dueCents,
      note(cycle, r),
    ] as const;
  });
  return { body, total };
}

/**
 * A cycle's payment file: one row per line that moves money (amount due in dollars.cents; negative
 * = recovered, marked in `note`), then a TRAILER row with the control total (amount_dollars) and
 * the line count (note). Text cells go through the run payment file's csvText (formula cells
 * neutralised, CSV quoting).
 */
export function cycleCsv(cycle: PaymentCycleRecord, rows: readonly CycleFileRow[]): string {
  const { body, total } = rowsOf(cycle, rows);
  const out = [HEADER.join(',')];
  for (const [id, entityId, name, program, fy, key, kind, cents, why] of body) {
    out.push(
      [
        String(id),
        csvText(entityId),
        csvText(name),
        csvText(program),
        csvText(fy),
        csvText(key),
        csvText(kind),
        centsToDollars(cents),
        why,
      ].join(','),
    );
  }
  out.push(
    [
      'TRAILER',
      '',
      '',
      csvText(cycle.program),
      csvText(cycle.fiscalYear),
      '',
      '',
      centsToDollars(total),
      `${body.length} lines`,
    ].join(','),
  );
  return `${out.join('\r\n')}\r\n`;
}

/** The same rows as an XLSX workbook: amounts are numeric cells (0.00), text cells are strings, never formulas. */
export async function cycleXlsx(cycle: PaymentCycleRecord, rows: readonly CycleFileRow[]): Promise<Buffer> {
  const { body, total } = rowsOf(cycle, rows);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(`Cycle ${cycle.id}`);
  sheet.addRow([...HEADER]).font = { bold: true };
  for (const [id, entityId, name, program, fy, key, kind, cents, why] of body) {
    sheet.addRow([id, entityId, name, program, fy, key, kind, cents / 100, why]);
  }
  sheet.addRow([
    'TRAILER',
    '',
    '',
    cycle.program,
    cycle.fiscalYear,
    '',
    '',
    total / 100,
    `${body.length} lines`,
  ]).font = {
    bold: true,
  };
  sheet.getColumn(8).numFmt = '0.00';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
