import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { json } from './api-route.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** How a list that is also a file is asked for: JSON pages, or the whole file as CSV or XLSX. */
export const FileFormatQuery = z.enum(['json', 'csv', 'xlsx']).default('json').openapi({ example: 'csv' });

/** The 200 answer of such a list: a JSON page, or the file (the CSV shown by its example). */
export function pageOrFile<S extends z.ZodType>(description: string, page: S, csvExample: string) {
  return {
    description,
    content: {
      ...json(page),
      'text/csv': { schema: z.string().openapi({ example: csvExample }) },
      [XLSX]: { schema: z.string().openapi({ format: 'binary', example: '(an XLSX workbook)' }) },
    },
  };
}

/** The file as an attachment named `<name>.csv` or `<name>.xlsx`, written only in the format asked. */
export async function fileAnswer(
  c: Context,
  format: 'csv' | 'xlsx',
  name: string,
  write: { csv: () => string; xlsx: () => Promise<Buffer> },
): Promise<Response> {
  const attachment = `attachment; filename="${name}.${format}"`;
  if (format === 'csv') {
    return c.body(write.csv(), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': attachment,
    });
  }
  return c.body(new Uint8Array(await write.xlsx()), 200, {
    'Content-Type': XLSX,
    'Content-Disposition': attachment,
  });
}
