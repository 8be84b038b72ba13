import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../api/api-error.ts';
import { describeError } from '../api/describe-error.ts';
import { programPath } from '../api/program-path.ts';
import { useQuip } from '../app/quip-context.tsx';
import { Button } from '../ui/button.tsx';
import { uploadContentType } from './upload-format.ts';

/** Bulk upload of payees or submissions (CSV, JSON or NDJSON); a rejected batch lists its bad rows. */
export function BulkUpload({ fiscalYear, program }: { fiscalYear: string; program: string }) {
  const { api } = useQuip();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<'submissions' | 'entities'>('submissions');
  const [text, setText] = useState('');
  const upload = useMutation({
    mutationFn: () =>
      api.call<Record<string, number>>(`${programPath(fiscalYear, program)}/${kind}`, {
        method: 'POST',
        rawBody: { contentType: uploadContentType(text), text },
      }),
    onSuccess: () => queryClient.invalidateQueries({ predicate: (q) => q.queryKey.includes(program) }),
  });
  const rowErrors = upload.error instanceof ApiError ? (upload.error.problem.errors ?? []) : [];
  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        upload.mutate();
      }}
    >
      <fieldset className="flex gap-4 text-sm">
        <legend className="mb-1 font-medium">What to upload</legend>
        {(['submissions', 'entities'] as const).map((k) => (
          <label key={k} className="flex items-center gap-2">
            <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
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
            if (file) setText(await file.text());
          }}
        />
      </label>
      <label className="block text-sm font-medium">
        Or paste CSV / JSON
        <textarea
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={6}
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-xs"
        />
      </label>
      <Button type="submit" disabled={text.trim() === '' || upload.isPending}>
        {upload.isPending ? 'Uploading…' : 'Upload'}
      </Button>
      {upload.isSuccess ? (
        <p role="status" className="text-sm text-green-800">
          Stored:{' '}
          {Object.entries(upload.data ?? {})
            .map(([k, v]) => `${k} ${v}`)
            .join(', ')}
          .
        </p>
      ) : null}
      {upload.isError ? (
        <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          <p className="font-medium">Nothing was stored. {describeError(upload.error)}</p>
          {rowErrors.length > 0 ? (
            <table className="mt-2 min-w-full text-xs" data-testid="row-errors">
              <caption className="sr-only">Rejected rows</caption>
              <thead>
                <tr>
                  <th scope="col" className="text-left">
                    Row
                  </th>
                  <th scope="col" className="text-left">
                    Field
                  </th>
                  <th scope="col" className="text-left">
                    Problem
                  </th>
                </tr>
              </thead>
              <tbody>
                {rowErrors.slice(0, 200).map((e) => (
                  <tr key={`${e.row}-${e.path}-${e.message}`}>
                    <td className="pr-3">{e.row}</td>
                    <td className="pr-3 font-mono">{e.path}</td>
                    <td>{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
