import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ApiClient } from '../api/api-client.ts';
import type { Run, RunResult } from '../api/resources.ts';
import { versionQueryOptions } from '../rulebook/rulebook-queries.ts';
import { defaultMeasure, measuresOf, type RunMeasure, runPayees } from './measure-choice.ts';
import { runApi } from './run-api.ts';
import { type PagesState, useAllPages } from './use-all-pages.ts';

export interface RunResults {
  /** The pinned rulebook's measures (empty while unknown or when the rulebook could not be read). */
  measures: RunMeasure[];
  payees: number;
  /** The measure whose results load, or null for all measures. */
  measure: string | null;
  choose: (measure: string | null) => void;
  /** The pinned rulebook is still being read: nothing loads until the default is known. */
  pending: boolean;
  results: PagesState<RunResult>;
}

/**
 * A finished run's results, one measure at a time when all of them would be too many rows: the
 * measures come from the rulebook version the run pinned, the default from `defaultMeasure`, and
 * each choice is its own paged load (keyed by run and measure, so choosing again cancels the
 * load under way). A run without a readable rulebook loads all its results, as before.
 */
export function useRunResults(api: ApiClient, run: Run | undefined, done: boolean): RunResults {
  const runId = run?.id === undefined ? '' : String(run.id);
  const fy = run?.fiscalYear ?? '';
  const program = run?.program ?? '';
  const version = run?.rulebook.version ?? null;
  const rulebook = useQuery({
    ...versionQueryOptions(api, fy, program, version ?? 0),
    enabled: done && version !== null && fy !== '' && program !== '',
  });
  const pending = done && version !== null && rulebook.isPending;
  const measures = rulebook.data ? measuresOf(rulebook.data.rulebook) : [];
  const payees = run ? runPayees(run) : 0;
  // Until the user chooses (for this run: the page may stay mounted for another run id), the
  // default applies, which can only be known once the rulebook is in.
  const [chosen, setChosen] = useState<{ runId: string; measure: string | null } | null>(null);
  const measure =
    chosen !== null && chosen.runId === runId
      ? chosen.measure
      : defaultMeasure(
          payees,
          measures.map((m) => m.key),
        );
  const choose = (next: string | null) => setChosen({ runId, measure: next });
  const results = useAllPages<RunResult>(
    done && !pending,
    (cursor, signal) => runApi.results(api, runId, measure, cursor, signal),
    `${runId}\n${measure ?? ''}`,
  );
  return { measures, payees, measure, choose, pending, results };
}
