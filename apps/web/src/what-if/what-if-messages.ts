import type { PayeeChange, PayeeChanges } from '@quip/core';
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

/** A payee whose payment the draft changes, named (core's payeeChanges). */
export type PayeeChangeRow = PayeeChange & { name: string };

/** Who gains and who loses under the draft against the published rulebook. */
export type WhatIfByPayee = Omit<PayeeChanges, 'changes'> & { changes: PayeeChangeRow[] };

/** What-if worker -> main thread. */
export type WhatIfResponse =
  | { type: 'loaded'; payees: number; baseline: WhatIfSummary; ms: number; asOf: string }
  | { type: 'result'; id: number; summary: WhatIfSummary; byPayee: WhatIfByPayee; ms: number }
  | { type: 'scored'; id: number; scored: Pick<WhatIfSummary, 'measures' | 'histogram'>; ms: number }
  | { type: 'invalid'; id: number; message: string }
  | { type: 'failed'; message: string };
