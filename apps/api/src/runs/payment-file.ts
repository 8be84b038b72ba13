import { csvText } from '@quip/core';
import type { RunPayment } from '@quip/db';
import ExcelJS from 'exceljs';

export interface PaymentFileContext {
  program: string;
  fiscalYear: string;
  runId: number;
}

/** Core's CSV text cell (formula-safe, quoted when needed), as the cycle file writes it too. */
export { csvText };

const HEADER = ['payee_id', 'payee_name', 'program', 'fiscal_year', 'line_kind', 'amount_dollars'] as const;

/** Cents as a dollars.cents number string, exactly (no float): 123456 -> "1234.56", -5 -> "-0.05". */
export function centsToDollars(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** One row per payment line, then a totals row; amounts are numbers in dollars.cents (the header says so). */
export function paymentCsv(payments: readonly RunPayment[], ctx: PaymentFileContext): string {
  const lines = [HEADER.join(',')];
  let total = 0;
  for (const p of payments) {
    for (const line of p.lines) {
      total += line.amountCents;
      lines.push(
        [
          csvText(p.entityId),
          csvText(p.name),
          csvText(ctx.program),
          csvText(ctx.fiscalYear),
          csvText(line.kind),
          centsToDollars(line.amountCents),
        ].join(','),
      );
    }
  }
  lines.push(
    ['TOTAL', '', csvText(ctx.program), csvText(ctx.fiscalYear), '', centsToDollars(total)].join(','),
  );
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * The same rows as an XLSX workbook; amounts are numeric cells formatted 0.00 (dollars), text cells
 * are strings (never formulas: exceljs writes a string value as text).
 */
export async function paymentXlsx(payments: readonly RunPayment[], ctx: PaymentFileContext): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(`Run ${ctx.runId}`);
  sheet.addRow([...HEADER]);
  sheet.getRow(1).font = { bold: true };
  let total = 0;
  for (const p of payments) {
    for (const line of p.lines) {
      total += line.amountCents;
      sheet.addRow([p.entityId, p.name, ctx.program, ctx.fiscalYear, line.kind, line.amountCents / 100]);
    }
  }
  sheet.addRow(['TOTAL', '', ctx.program, ctx.fiscalYear, '', total / 100]).font = { bold: true };
  sheet.getColumn(6).numFmt = '0.00';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
