import {
  compileRulebook,
  createWhatIf,
  payeeChanges,
  RulebookError,
  type WhatIf,
  type WhatIfPayees,
} from '@quip/core';
import { recomputeWhatIf, whatIfSummary } from './recompute-what-if.ts';
import type { WhatIfByPayee, WhatIfRequest, WhatIfResponse } from './what-if-messages.ts';

/**
 * The what-if state machine behind the worker (and usable without one, in tests), on core's
 * createWhatIf: `load` reads every submission once under the published rulebook; each
 * `recompute` re-scores the edited draft and pays again, as evaluateProgram would.
 */
export function createWhatIfSession(now: () => number = () => performance.now()) {
  let whatIf: WhatIf | null = null;
  /** Every payee's payment and outcomes under the published rulebook: what the draft is compared with. */
  let published: WhatIfPayees | null = null;
  let names = new Map<string, string>();
  const byPayee = (draft: WhatIf): WhatIfByPayee => {
    const { changes, ...counts } = payeeChanges(published as WhatIfPayees, draft.payees());
    return { ...counts, changes: changes.map((c) => ({ ...c, name: names.get(c.entityId) ?? '' })) };
  };
  /** `interim` receives the re-scored measures of a recompute before its payments are done. */
  return (request: WhatIfRequest, interim?: (answer: WhatIfResponse) => void): WhatIfResponse => {
    const started = now();
    try {
      if (request.type === 'load') {
        whatIf = createWhatIf(compileRulebook(request.rulebook), {
          entities: request.entities,
          submissions: request.submissions,
          asOf: request.asOf,
        });
        const read = now();
        const result = whatIf.result();
        published = whatIf.payees();
        names = new Map(request.entities.map((e) => [e.id, typeof e.name === 'string' ? e.name : '']));
        const baseline = whatIfSummary(whatIf, result, request.focus, {
          score: read - started,
          pay: now() - read,
        });
        return {
          type: 'loaded',
          payees: baseline.payees,
          baseline,
          ms: now() - started,
          asOf: request.asOf,
        };
      }
      if (!whatIf) return { type: 'failed', message: 'the what-if has no payee values loaded yet' };
      let compiled: ReturnType<typeof compileRulebook>;
      try {
        compiled = compileRulebook(request.rulebook);
      } catch (error) {
        if (!(error instanceof RulebookError)) throw error;
        const first = error.issues[0];
        return {
          type: 'invalid',
          id: request.id,
          message: `${error.issues.length || 1} problem(s) in the draft${first ? `, e.g. ${first.path.join('.')}: ${first.message}` : `: ${error.message}`}`,
        };
      }
      const summary = recomputeWhatIf(whatIf, compiled, request.focus, (scored) =>
        interim?.({ type: 'scored', id: request.id, scored, ms: now() - started }),
      );
      return { type: 'result', id: request.id, summary, byPayee: byPayee(whatIf), ms: now() - started };
    } catch (error) {
      return { type: 'failed', message: error instanceof Error ? error.message : String(error) };
    }
  };
}
