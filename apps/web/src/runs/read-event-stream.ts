import { parseSse, type SseEvent } from './parse-sse.ts';

/**
 * Reads a server-sent events stream of the API with the bearer key (EventSource cannot send it,
 * so the stream is read with fetch), calling `onOpen` once it answers and `onEvent` for each
 * event, until the stream ends or `signal` aborts. Resolves false when the API refused the
 * stream; throws when it broke.
 */
export async function readEventStream(
  url: string,
  { key, lastEventId, signal }: { key: string | null; lastEventId?: string | null; signal: AbortSignal },
  onEvent: (event: SseEvent) => void,
  onOpen: () => void = () => {},
): Promise<boolean> {
  const response = await fetch(url, {
    headers: {
      Accept: 'text/event-stream',
      ...(key ? { Authorization: `Bearer ${key}` } : {}),
      ...(lastEventId ? { 'Last-Event-ID': lastEventId } : {}),
    },
    signal,
  });
  if (!response.ok || !response.body) return false;
  onOpen();
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return true;
    const { events, rest } = parseSse(buffer + value);
    buffer = rest;
    for (const event of events) onEvent(event);
  }
}
