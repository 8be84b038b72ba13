import type { EntityRecord, SubmissionRecord } from '../api/resources.ts';
import type { WhatIfSummary } from './recompute-what-if.ts';

/** Main thread -> what-if worker. */
export type WhatIfRequest =
  | {
      type: 'load';
      /** The rulebook whose computation makes the per-payee values (the published one). */
      rulebook: unknown;
      entities: EntityRecord[];
      submissions: SubmissionRecord[];
      asOf: string;
      focus?: string;
    }
  | { type: 'recompute'; id: number; rulebook: unknown; focus?: string };

/** What-if worker -> main thread. */
export type WhatIfResponse =
  | { type: 'loaded'; payees: number; baseline: WhatIfSummary; ms: number; asOf: string }
  | { type: 'result'; id: number; summary: WhatIfSummary; ms: number }
  | { type: 'scored'; id: number; scored: Pick<WhatIfSummary, 'measures' | 'histogram'>; ms: number }
  | { type: 'invalid'; id: number; message: string }
  | { type: 'failed'; message: string };
