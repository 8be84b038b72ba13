import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useQuip } from '../app/quip-context.tsx';
import { programInputsQueryOptions } from './program-inputs-query.ts';
import type { WhatIfSummary } from './recompute-what-if.ts';
import { whatIfAsOf } from './what-if-as-of.ts';
import type { WhatIfByPayee, WhatIfRequest, WhatIfResponse } from './what-if-messages.ts';

export interface WhatIfState {
  status: 'loading' | 'ready' | 'error';
  payees: number;
  /** The published rulebook over the same payees. */
  baseline: WhatIfSummary | null;
  /** The edited draft; null until the first recompute answers. */
  current: WhatIfSummary | null;
  /** Who gains and who loses under the draft; null until the first recompute answers, or while invalid. */
  byPayee: WhatIfByPayee | null;
  /** Why the draft cannot be computed right now (it does not validate), or why loading failed. */
  message: string | null;
  /** The draft does not validate: `current` and `byPayee` are cleared, never left stale. */
  invalid: boolean;
  ms: number | null;
  /** The evaluation day. */
  asOf: string | null;
  /** A recompute is on its way. */
  pending: boolean;
}

const initial: WhatIfState = {
  status: 'loading',
  payees: 0,
  baseline: null,
  current: null,
  byPayee: null,
  message: null,
  invalid: false,
  ms: null,
  asOf: null,
  pending: false,
};

/** What an answer for a valid draft clears: the last draft's error. */
const VALID = { message: null, invalid: false } as const;

/**
 * Live what-if for the rulebook editor: fetches the program's payees and current submissions
 * once, has the worker evaluate them under the published rulebook, then re-scores the edited
 * draft 150 ms after the last change. Answers of an older edit are dropped.
 */
export function useWhatIf(args: {
  fiscalYear: string;
  program: string;
  basisRulebook: unknown;
  edited: unknown;
  focus?: string | undefined;
}): WhatIfState {
  const { api } = useQuip();
  const inputs = useQuery(programInputsQueryOptions(api, args.fiscalYear, args.program));
  const worker = useRef<Worker | null>(null);
  const latest = useRef(0);
  const [state, setState] = useState<WhatIfState>(initial);

  useEffect(() => {
    const w = new Worker(new URL('./what-if-worker.ts', import.meta.url), { type: 'module' });
    worker.current = w;
    w.onmessage = (event: MessageEvent<WhatIfResponse>) => {
      const answer = event.data;
      setState((s) => {
        switch (answer.type) {
          case 'loaded':
            return {
              ...s,
              status: 'ready',
              payees: answer.payees,
              baseline: answer.baseline,
              ms: answer.ms,
              asOf: answer.asOf,
            };
          case 'scored':
            if (answer.id !== latest.current || !s.baseline) return s;
            return {
              ...s,
              ...VALID,
              current: { ...(s.current ?? s.baseline), ...answer.scored },
              ms: answer.ms,
            };
          case 'result':
            if (answer.id !== latest.current) return s;
            return {
              ...s,
              ...VALID,
              current: answer.summary,
              byPayee: answer.byPayee,
              ms: answer.ms,
              pending: false,
            };
          case 'invalid':
            if (answer.id !== latest.current) return s;
            // The numbers of the last valid draft are not this draft's: cleared, not shown stale.
            return {
              ...s,
              current: null,
              byPayee: null,
              message: answer.message,
              invalid: true,
              pending: false,
            };
          case 'failed':
            return {
              ...s,
              status: s.status === 'ready' ? 'ready' : 'error',
              message: answer.message,
              pending: false,
            };
        }
      });
    };
    return () => w.terminate();
  }, []);

  // Focus changes are handled by recompute; reloading for them would re-read every submission.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  useEffect(() => {
    if (inputs.isError)
      setState((s) => ({ ...s, status: 'error', message: 'The payee data could not be loaded.' }));
    if (!inputs.data || !args.basisRulebook) return;
    const load: WhatIfRequest = {
      type: 'load',
      rulebook: args.basisRulebook,
      entities: inputs.data.entities,
      submissions: inputs.data.submissions,
      asOf: whatIfAsOf(args.basisRulebook),
      ...(args.focus ? { focus: args.focus } : {}),
    };
    setState(initial);
    worker.current?.postMessage(load);
  }, [inputs.data, inputs.isError, args.basisRulebook]);

  const ready = state.status === 'ready';
  useEffect(() => {
    if (!ready || !args.edited) return;
    const id = ++latest.current;
    setState((s) => ({ ...s, pending: true }));
    const timer = setTimeout(() => {
      const request: WhatIfRequest = {
        type: 'recompute',
        id,
        rulebook: args.edited,
        ...(args.focus ? { focus: args.focus } : {}),
      };
      worker.current?.postMessage(request);
    }, 150);
    return () => clearTimeout(timer);
  }, [ready, args.edited, args.focus]);

  return state;
}
