/**
 * Where a client's event stream stands, as the SSE `id` of each event it was sent: the last audit
 * entry it was sent (publications, requests, decisions) and the last run completion it was sent
 * (runs by the database's finish time in microseconds, then id). Both travel in every id, so a
 * client that reconnects with `Last-Event-ID` receives what it missed of either kind, once.
 */
export interface EventCursor {
  audit: number;
  runFinishedMicros: bigint;
  runId: number;
}

/** `<audit id>-<run finish time in µs>-<run id>`, e.g. `42-1814774400000000-12`. */
export function formatEventCursor(cursor: EventCursor): string {
  return `${cursor.audit}-${cursor.runFinishedMicros}-${cursor.runId}`;
}

/**
 * The cursor of a `Last-Event-ID`, or null when it is none Quip sent. A bare number is an audit
 * id (the form sent before run completions had ids): the audit entries after it, and run
 * completions from now on.
 */
export function parseEventCursor(id: string | undefined): { audit: number; run: EventCursor | null } | null {
  if (id === undefined) return null;
  const bare = /^(\d{1,15})$/.exec(id);
  if (bare) return { audit: Number(bare[1]), run: null };
  const full = /^(\d{1,15})-(\d{1,20})-(\d{1,15})$/.exec(id);
  if (!full) return null;
  const cursor = {
    audit: Number(full[1]),
    runFinishedMicros: BigInt(full[2] as string),
    runId: Number(full[3]),
  };
  return { audit: cursor.audit, run: cursor };
}
