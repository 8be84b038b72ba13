import type { RunPayment } from '@quip/db';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { centsToDollars, csvText, paymentCsv, paymentXlsx } from './payment-file.ts';

const payments: RunPayment[] = [
  {
    entityId: 'PV-1',
    name: '=HYPERLINK("x")',
    totalCents: 5000,
    lines: [
      { kind: 'base', amountCents: 4500 },
      { kind: 'incentive', amountCents: 500 },
    ],
    details: {},
  },
  {
    entityId: 'PV-2',
    name: 'Smith, Jones & Co',
    totalCents: 4505,
    lines: [{ kind: 'base', amountCents: 4505 }],
    details: {},
  },
];
const ctx = { program: 'dds-qip', fiscalYear: '2026-27', runId: 7 };

describe('payment file', () => {
  it('writes cents as exact dollars.cents', () => {
    expect([centsToDollars(123456), centsToDollars(5), centsToDollars(-5), centsToDollars(0)]).toEqual([
      '1234.56',
      '0.05',
      '-0.05',
      '0.00',
    ]);
  });

  it('neutralises formula-like text cells with an apostrophe', () => {
    expect(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', 'ok'].map(csvText)).toEqual([
      "'=1+1",
      "'+1",
      "'-1",
      "'@SUM(A1)",
      "'\tx",
      'ok',
    ]);
  });

  it('lists every line and a totals row: 4500 + 500 + 4505 = 9505 cents = 95.05', () => {
    expect(paymentCsv(payments, ctx).split('\r\n')).toEqual([
      'payee_id,payee_name,program,fiscal_year,line_kind,amount_dollars',
      `PV-1,"'=HYPERLINK(""x"")",dds-qip,2026-27,base,45.00`,
      `PV-1,"'=HYPERLINK(""x"")",dds-qip,2026-27,incentive,5.00`,
      'PV-2,"Smith, Jones & Co",dds-qip,2026-27,base,45.05',
      'TOTAL,,dds-qip,2026-27,,95.05',
      '',
    ]);
  });

  it('writes the same rows as an XLSX workbook with numeric amounts and text names', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await paymentXlsx(payments, ctx)) as never);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(5);
    expect(sheet.getRow(2).getCell(2).value).toBe('=HYPERLINK("x")');
    expect(sheet.getRow(2).getCell(2).type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getRow(5).getCell(6).value).toBe(95.05);
  });
});
