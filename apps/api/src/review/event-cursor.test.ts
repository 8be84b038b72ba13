import { describe, expect, it } from 'vitest';
import { formatEventCursor, parseEventCursor } from './event-cursor.ts';

describe('event stream cursors (SSE ids)', () => {
  it('carry the last audit entry and the last run completion, and read back the same', () => {
    const cursor = { audit: 42, runFinishedMicros: 1814774400123456n, runId: 12 };
    expect(formatEventCursor(cursor)).toBe('42-1814774400123456-12');
    expect(parseEventCursor('42-1814774400123456-12')).toEqual({ audit: 42, run: cursor });
  });

  it('read a bare audit id as sent before run completions had ids', () => {
    expect(parseEventCursor('7')).toEqual({ audit: 7, run: null });
  });

  it('ignore what Quip never sent', () => {
    for (const id of [undefined, '', '-1', '1.5', 'abc', '1-2', '1-2-3-4', '9'.repeat(16)]) {
      expect(parseEventCursor(id)).toBeNull();
    }
  });
});
