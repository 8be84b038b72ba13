import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useQuip } from '../app/quip-context.tsx';
import { readEventStream } from '../runs/read-event-stream.ts';
import { type ReviewEventData, staleKeys } from './review-event-keys.ts';

const RETRY_MS = 5_000;

/**
 * Follows GET /api/v1/events (server-sent events: publications, final runs, requests filed and
 * decided, filtered by the key) and invalidates the queries each event makes stale, so pages
 * refresh when something happens instead of polling. EventSource cannot send the bearer key, so
 * the stream is read with fetch; after a break it reconnects with `Last-Event-ID`, and the server
 * replays what was missed. Returns whether the stream is live.
 */
export function useReviewEvents(): boolean {
  const { session } = useQuip();
  const queryClient = useQueryClient();
  const [live, setLive] = useState(false);
  useEffect(() => {
    const abort = new AbortController();
    let lastId: string | null = null;
    const follow = () =>
      readEventStream(
        '/api/v1/events',
        { key: session.getKey(), lastEventId: lastId, signal: abort.signal },
        (e) => {
          if (e.id) lastId = e.id;
          let data: ReviewEventData = {};
          try {
            data = JSON.parse(e.data) as ReviewEventData;
          } catch {
            // not JSON: nothing to refresh
          }
          for (const queryKey of staleKeys(e.event, data)) void queryClient.invalidateQueries({ queryKey });
        },
        () => setLive(true),
      );
    void (async () => {
      while (!abort.signal.aborted) {
        try {
          await follow();
        } catch {
          // aborted, or the stream broke: try again shortly
        }
        if (abort.signal.aborted) break;
        setLive(false);
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      }
    })();
    return () => abort.abort();
  }, [session, queryClient]);
  return live;
}
