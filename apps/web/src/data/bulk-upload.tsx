import { DEFAULT_TIME_ZONE } from '@quip/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { dataOf } from '../api/api-client.ts';
import { ApiError } from '../api/api-error.ts';
import { describeError } from '../api/describe-error.ts';
import type { SubmissionBatch } from '../api/resources.ts';
import { useQuip } from '../app/quip-context.tsx';
import { rulebookQueryOptions } from '../rulebook/rulebook-queries.ts';
import { Button } from '../ui/button.tsx';
import { BatchSummary } from './batch-summary.tsx';
import { recordLines } from './record-lines.ts';
import { RowProblemsTable } from './row-problems-table.tsx';
import { uploadContentType } from './upload-format.ts';
import { UploadTemplates } from './upload-templates.tsx';

type Kind = 'submissions' | 'entities';

/** What the API answered, with what was asked: the radio may change after the answer. */
type Answer =
  /** `held`: Upload checked the file first and stopped to show its warnings and replacements. */
  | { kind: 'submissions'; dryRun: boolean; batch: SubmissionBatch; held?: boolean }
  | { kind: 'entities'; counts: Record<string, number> };

/**
 * Bulk upload of payees or submissions (CSV, JSON or NDJSON), with a CSV template per measure. A
 * submissions file is always checked before it is sent (`?dryRun=1`: the same answer, nothing
 * stored): when the check finds warnings or records it would replace, Upload stops and shows them,
 * and "Upload anyway" sends it; a file the check found clean is sent at once. Problems are named by
 * the line of the file (the API's row numbers count records, converted in recordLines).
 */
export function BulkUpload({ fiscalYear, program }: { fiscalYear: string; program: string }) {
  const { api } = useQuip();
  const queryClient = useQueryClient();
  const rulebook = useQuery(rulebookQueryOptions(api, fiscalYear, program));
  const zone = rulebook.data?.published?.rulebook.timeZone;
  const timeZone = typeof zone === 'string' ? zone : DEFAULT_TIME_ZONE;
  const [kind, setKind] = useState<Kind>('submissions');
  const [text, setText] = useState('');
  const upload = useMutation({
    mutationFn: async ({
      kind,
      dryRun,
      confirmed = false,
    }: {
      kind: Kind;
      dryRun: boolean;
      /** The findings of a check were shown: send without checking again. */
      confirmed?: boolean;
    }): Promise<Answer> => {
      // The file goes as it is (CSV, JSON or NDJSON), under the content type its first character says.
      const file = {
        body: text,
        bodySerializer: (body: unknown) => body,
        headers: { 'Content-Type': uploadContentType(text) },
      };
      const path = { fy: fiscalYear, program };
      const send = (check: boolean) =>
        dataOf(
          api.POST('/api/v1/fiscal-years/{fy}/programs/{program}/submissions', {
            params: { path, query: check ? { dryRun: '1' } : {} },
            ...file,
          }),
        );
      if (kind === 'submissions' && !dryRun && !confirmed) {
        const check = await send(true);
        if (check.warningCount > 0 || check.replaced > 0)
          return { kind, dryRun: true, batch: check, held: true };
      }
      return kind === 'submissions'
        ? { kind, dryRun, batch: await send(dryRun) }
        : {
            kind,
            counts: await dataOf(
              api.POST('/api/v1/fiscal-years/{fy}/programs/{program}/entities', {
                params: { path },
                ...file,
              }),
            ),
          };
    },
    onSuccess: (_answer, { dryRun }) => {
      if (!dryRun) return queryClient.invalidateQueries({ predicate: (q) => q.queryKey.includes(program) });
    },
  });
  // A new file or kind makes the last answer about something else.
  const change =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      if (!upload.isIdle) upload.reset();
    };
  const changeText = change(setText);
  const changeKind = change(setKind);
  const rowErrors = upload.error instanceof ApiError ? (upload.error.problem.errors ?? []) : [];
  const checking = upload.isPending && upload.variables.dryRun;
  const answer = upload.data;
  // Where each record starts in the file: rows the API names are shown as lines of it.
  const lines = useMemo(
    () => (text.trim() === '' ? null : recordLines(text, uploadContentType(text))),
    [text],
  );
  const said = upload.isError ? describeError(upload.error) : '';
  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        // A check of this very file was shown: its findings were seen, send it.
        const checked = answer?.kind === 'submissions' && answer.dryRun;
        upload.mutate({ kind, dryRun: false, confirmed: checked });
      }}
    >
      {kind === 'submissions' ? (
        <UploadTemplates
          fiscalYear={fiscalYear}
          program={program}
          rulebook={rulebook.data?.published?.rulebook}
        />
      ) : null}
      <fieldset className="flex gap-4 text-sm">
        <legend className="mb-1 font-medium">What to upload</legend>
        {(['submissions', 'entities'] as const).map((k) => (
          <label key={k} className="flex items-center gap-2">
            <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => changeKind(k)} />
            {k === 'entities' ? 'payees' : 'submissions'}
          </label>
        ))}
      </fieldset>
      <label className="block text-sm font-medium">
        File
        <input
          type="file"
          accept=".csv,.json,.ndjson,text/csv,application/json"
          className="mt-1 block text-sm"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            if (file) changeText(await file.text());
          }}
        />
      </label>
      <label className="block text-sm font-medium">
        Or paste CSV / JSON
        <textarea
          value={text}
          onChange={(e) => changeText(e.target.value)}
          rows={6}
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-xs"
        />
      </label>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={text.trim() === '' || upload.isPending}>
          {upload.isPending && !checking ? 'Uploading…' : 'Upload'}
        </Button>
        {kind === 'submissions' ? (
          <>
            <Button
              variant="secondary"
              disabled={text.trim() === '' || upload.isPending}
              onClick={() => upload.mutate({ kind, dryRun: true })}
            >
              {checking ? 'Checking…' : 'Check file'}
            </Button>
            <span className="text-xs text-slate-700">Check file: the same answer, nothing stored.</span>
          </>
        ) : null}
      </div>
      {answer?.kind === 'submissions' && answer.held ? (
        <div
          role="alert"
          className="flex flex-wrap items-center gap-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950"
          data-testid="upload-held"
        >
          <p>
            Not sent yet: the check found {answer.batch.warningCount.toLocaleString('en-US')} warning(s) and{' '}
            {answer.batch.replaced.toLocaleString('en-US')} record(s) it would replace, listed below.
          </p>
          <Button onClick={() => upload.mutate({ kind: 'submissions', dryRun: false, confirmed: true })}>
            Upload anyway
          </Button>
        </div>
      ) : null}
      {answer?.kind === 'submissions' ? (
        <BatchSummary batch={answer.batch} dryRun={answer.dryRun} timeZone={timeZone} lines={lines} />
      ) : null}
      {answer?.kind === 'entities' ? (
        <p role="status" className="text-sm text-green-800">
          Stored:{' '}
          {Object.entries(answer.counts)
            .map(([k, v]) => `${k} ${v}`)
            .join(', ')}
          .
        </p>
      ) : null}
      {upload.isError ? (
        <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          <p className="font-medium">
            {upload.variables.dryRun ? 'The check found errors: the file would be refused. ' : ''}
            {/* The API's 422 says so itself; other errors (e.g. 413) may not. */}
            {/nothing was stored/i.test(said) ? said : `Nothing was stored. ${said}`}
          </p>
          {rowErrors.length > 0 ? (
            <RowProblemsTable
              problems={rowErrors}
              total={rowErrors.length}
              caption="Rejected rows"
              testId="row-errors"
              what="Problem"
              lines={lines}
            />
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
