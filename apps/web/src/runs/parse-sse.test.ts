import { describe, expect, it } from 'vitest';
import { parseSse } from './parse-sse.ts';

describe('parseSse', () => {
  it('returns whole events and keeps a cut-off one for the next chunk', () => {
    const first = parseSse('event: progress\ndata: {"done":1}\nid: 0\n\nevent: progress\ndata: {"do');
    expect(first.events).toEqual([{ event: 'progress', data: '{"done":1}', id: '0' }]);
    const second = parseSse(`${first.rest}ne":2}\n\n`);
    expect(second.events).toEqual([{ event: 'progress', data: '{"done":2}' }]);
    expect(second.rest).toBe('');
  });

  it('joins data lines, accepts CRLF and skips comments', () => {
    expect(parseSse(': keep-alive\r\n\r\ndata: a\r\ndata: b\r\n\r\n').events).toEqual([
      { event: 'message', data: 'a\nb' },
    ]);
  });
});
