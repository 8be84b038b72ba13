import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { Run } from '../api/resources.ts';
import { useQuip } from '../app/quip-context.tsx';
import { readEventStream } from './read-event-stream.ts';

/**
 * Follows GET /runs/{id}/events while the run is going and writes each `progress` event into the
 * run's query, so the progress bar moves as the server reports. EventSource cannot send the
 * bearer key, so the stream is read with fetch. Returns whether the stream is live (the page
 * polls slowly as a fallback when it is not).
 */
export function useRunEvents(runId: string, active: boolean): boolean {
  const { session } = useQuip();
  const queryClient = useQueryClient();
  const [live, setLive] = useState(false);
  useEffect(() => {
    if (!active) return;
    const abort = new AbortController();
    void (async () => {
      try {
        await readEventStream(
          `/api/v1/runs/${encodeURIComponent(runId)}/events`,
          { key: session.getKey(), signal: abort.signal },
          (e) => {
            if (e.event === 'progress') queryClient.setQueryData(['run', runId], JSON.parse(e.data) as Run);
          },
          () => setLive(true),
        );
      } catch {
        // Aborted or the stream broke: polling carries on.
      } finally {
        if (!abort.signal.aborted) setLive(false);
      }
    })();
    return () => abort.abort();
  }, [runId, active, session, queryClient]);
  return live;
}
