export interface SseEvent {
  event: string;
  data: string;
}

/**
 * Splits a server-sent events buffer into complete events and the unfinished rest (a chunk may
 * end mid-event). Lines `event:` and `data:` are read (several data lines join with "\n");
 * comments and other fields are skipped. CRLF and LF line ends are both accepted.
 */
export function parseSse(buffer: string): { events: SseEvent[]; rest: string } {
  const text = buffer.replace(/\r\n/g, '\n');
  const blocks = text.split('\n\n');
  const rest = blocks.pop() ?? '';
  const events: SseEvent[] = [];
  for (const block of blocks) {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('event:')) event = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
    }
    if (data.length > 0) events.push({ event, data: data.join('\n') });
  }
  return { events, rest };
}
