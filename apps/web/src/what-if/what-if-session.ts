import { compileRulebook, evaluateProgram, validateRulebook } from '@quip/core';
import { recomputeWhatIf } from './recompute-what-if.ts';
import { basisFromResults, type WhatIfBasis } from './what-if-basis.ts';
import type { WhatIfRequest, WhatIfResponse } from './what-if-messages.ts';

/**
 * The what-if state machine behind the worker (and usable without one, in tests): `load` reads
 * every submission once under the published rulebook; each `recompute` re-scores and re-pays.
 */
export function createWhatIfSession(now: () => number = () => performance.now()) {
  let basis: WhatIfBasis | null = null;
  /** `interim` receives the re-scored measures of a recompute before its payments are done. */
  return (request: WhatIfRequest, interim?: (answer: WhatIfResponse) => void): WhatIfResponse => {
    const started = now();
    try {
      if (request.type === 'load') {
        const compiled = compileRulebook(request.rulebook);
        const { results } = evaluateProgram(compiled, {
          entities: request.entities,
          submissions: request.submissions,
          asOf: request.asOf,
        });
        basis = basisFromResults(compiled.rulebook, request.entities, results, request.asOf);
        const baseline = recomputeWhatIf(basis, compiled.rulebook, request.focus);
        return {
          type: 'loaded',
          payees: request.entities.length,
          baseline,
          ms: now() - started,
          asOf: request.asOf,
        };
      }
      if (!basis) return { type: 'failed', message: 'the what-if has no payee values loaded yet' };
      const validation = validateRulebook(request.rulebook);
      if (!validation.ok) {
        const first = validation.issues[0];
        return {
          type: 'invalid',
          id: request.id,
          message: `${validation.issues.length} problem(s) in the draft${first ? `, e.g. ${first.path.join('.')}: ${first.message}` : ''}`,
        };
      }
      const summary = recomputeWhatIf(basis, validation.rulebook, request.focus, (scored) =>
        interim?.({ type: 'scored', id: request.id, scored, ms: now() - started }),
      );
      return { type: 'result', id: request.id, summary, ms: now() - started };
    } catch (error) {
      return { type: 'failed', message: error instanceof Error ? error.message : String(error) };
    }
  };
}
