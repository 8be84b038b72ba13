import { csvText, formatCents } from '@quip/core';
import { cellText, type DataColumn } from './data-column.ts';

const isExported = <T>(column: DataColumn<T>) => column.exported !== false;

/** A column's header as exported: amounts say they are dollars. */
function exportHeader<T>(column: DataColumn<T>): string {
  return column.kind === 'cents' ? `${column.header} ($)` : column.header;
}

/** A cell as a CSV field: amounts as plain dollars with two decimals ('1234.56'), exactly; numbers as numbers. */
function csvCell<T>(column: DataColumn<T>, row: T): string {
  if (column.kind === 'cents') {
    const v = column.value(row);
    return typeof v === 'number' ? formatCents(v) : '';
  }
  if (column.kind === 'number') {
    const v = column.value(row);
    return typeof v === 'number' && Number.isFinite(v) ? String(v) : '';
  }
  return csvText(cellText(column, row));
}

/**
 * The rows shown (`order`: indices into `rows`, filtered and sorted as on screen) as CSV with a
 * header line; lines end in CRLF, as RFC 4180 says and spreadsheets expect.
 */
export function tableCsv<T>(
  all: readonly DataColumn<T>[],
  rows: readonly T[],
  order: ArrayLike<number>,
): string {
  const columns = all.filter(isExported);
  const lines = [columns.map((c) => csvText(exportHeader(c))).join(',')];
  for (let i = 0; i < order.length; i++) {
    const row = rows[order[i] as number] as T;
    lines.push(columns.map((c) => csvCell(c, row)).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * The same rows as an XLSX workbook of one sheet: numbers stay numbers, amounts are dollar numbers
 * formatted as currency. exceljs is loaded only when someone exports (it is not in the first load).
 */
export async function tableXlsx<T>(
  all: readonly DataColumn<T>[],
  rows: readonly T[],
  order: ArrayLike<number>,
  sheetName: string,
): Promise<Blob> {
  const columns = all.filter(isExported);
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName.slice(0, 31) || 'Sheet1');
  sheet.columns = columns.map((c) => ({
    header: exportHeader(c),
    key: c.id,
    width: Math.max(10, c.header.length + 4),
    ...(c.kind === 'cents' ? { style: { numFmt: '$#,##0.00' } } : {}),
  }));
  for (let i = 0; i < order.length; i++) {
    const row = rows[order[i] as number] as T;
    sheet.addRow(
      columns.map((c) => {
        const v = c.value(row);
        if (c.kind === 'cents') return typeof v === 'number' ? Number(formatCents(v)) : null;
        if (c.kind === 'number') return typeof v === 'number' ? v : null;
        return cellText(c, row);
      }),
    );
  }
  sheet.getRow(1).font = { bold: true };
  const buffer = await book.xlsx.writeBuffer();
  return new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}
