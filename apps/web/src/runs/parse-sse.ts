export interface SseEvent {
  event: string;
  data: string;
  /** The event's `id:` when it has one (a reconnect sends the last as `Last-Event-ID`). */
  id?: string;
}

/**
 * Splits a server-sent events buffer into complete events and the unfinished rest (a chunk may
 * end mid-event). Lines `event:`, `data:` and `id:` are read (several data lines join with "\n");
 * comments and other fields are skipped. CRLF and LF line ends are both accepted.
 */
export function parseSse(buffer: string): { events: SseEvent[]; rest: string } {
  const text = buffer.replace(/\r\n/g, '\n');
  const blocks = text.split('\n\n');
  const rest = blocks.pop() ?? '';
  const events: SseEvent[] = [];
  for (const block of blocks) {
    let event = 'message';
    let id: string | undefined;
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('event:')) event = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      else if (line.startsWith('id:')) id = line.slice(3).trim();
    }
    if (data.length > 0) events.push({ event, data: data.join('\n'), ...(id ? { id } : {}) });
  }
  return { events, rest };
}
