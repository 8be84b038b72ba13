import { problems } from '../http/problem.ts';

/** An opaque paging cursor: the key of the last item of the previous page. */
export function encodeCursor(key: string | number): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string): string;
export function decodeCursor(cursor: string, kind: 'number'): number;
export function decodeCursor(cursor: string, kind: 'string' | 'number' = 'string'): string | number {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof value === kind) return value as string | number;
  } catch {
    // fall through
  }
  throw problems.badRequest('The cursor is not one this API gave out.');
}
