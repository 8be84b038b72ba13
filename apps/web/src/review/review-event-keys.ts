/** What `GET /api/v1/events` sends in an event's `data` (CONTRACT.md, "Review and correction"). */
export interface ReviewEventData {
  program?: string;
  fiscalYear?: string;
  runId?: number;
  requestId?: number;
  entityId?: string;
  decision?: string;
}

/**
 * The query keys an event makes stale (prefixes: react-query invalidates every key they begin):
 * a publication or a final run changes the runs a payee sees and the stage its scorecards show; a
 * request filed or decided changes the request lists, and an accepted one stores corrections that
 * change the payee's standing.
 */
export function staleKeys(event: string, data: ReviewEventData): unknown[][] {
  const runKeys = data.runId === undefined ? [] : [['run', String(data.runId)]];
  switch (event) {
    case 'run.completed':
      return [['runs'], ...runKeys];
    case 'run.published':
    case 'run.final':
      return [['runs'], ['published-runs'], ...runKeys];
    case 'request.filed':
      return [['requests']];
    case 'request.decided':
      return [['requests'], ['standing']];
    default:
      return [];
  }
}
