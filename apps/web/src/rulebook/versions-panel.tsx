import { describeRulebookChanges } from '@quip/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useQuip } from '../app/quip-context.tsx';
import { ErrorMessage, LoadingMessage } from '../ui/query-feedback.tsx';
import { rulebookQueryOptions, versionQueryOptions, versionsQueryOptions } from './rulebook-queries.ts';

/**
 * Version history (with each publication's change note) and what changed between any two
 * versions, or a version and the draft, in words (core's describeRulebookChanges). Works with no
 * draft and with a single version.
 */
export function VersionsPanel({ fiscalYear, program }: { fiscalYear: string; program: string }) {
  const { api } = useQuip();
  const versions = useQuery(versionsQueryOptions(api, fiscalYear, program));
  const state = useQuery(rulebookQueryOptions(api, fiscalYear, program));
  const published = (versions.data ?? [])
    .filter((v) => v.version !== null)
    .sort((a, b) => (a.version ?? 0) - (b.version ?? 0));
  const hasDraft = Boolean(state.data?.draft);
  const latest = published[published.length - 1]?.version;
  const previous = published[published.length - 2]?.version;
  const [fromChoice, setFrom] = useState('');
  const [toChoice, setTo] = useState('');
  // By default: what the draft changes, else what the latest publication changed.
  const defaultFrom = hasDraft ? latest : previous;
  const from = fromChoice || (defaultFrom === undefined ? '' : String(defaultFrom));
  const to = toChoice || (hasDraft ? 'draft' : latest === undefined ? '' : String(latest));
  const a = useVersionContent(fiscalYear, program, from);
  const b = useVersionContent(fiscalYear, program, to);
  if (versions.isPending || state.isPending) return <LoadingMessage>Loading versions…</LoadingMessage>;
  if (versions.isError)
    return <ErrorMessage title="The versions could not be loaded." error={versions.error} />;
  const refs = [...published.map((v) => String(v.version)), ...(hasDraft ? ['draft'] : [])];
  const changes =
    a.content !== undefined && b.content !== undefined ? describeRulebookChanges(a.content, b.content) : null;
  const refName = (r: string) => (r === 'draft' ? 'the draft' : `version ${r}`);
  return (
    <div className="space-y-6">
      <table className="min-w-full text-sm">
        <caption className="mb-2 text-left font-semibold text-slate-900">History</caption>
        <thead className="bg-slate-100">
          <tr>
            {['Revision', 'Version', 'Source', 'Saved', 'Published', 'Change note'].map((h) => (
              <th key={h} scope="col" className="px-3 py-2 text-left">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {versions.data.map((v) => (
            <tr key={v.revision} className="border-t border-slate-200 align-top">
              <td className="px-3 py-2">{v.revision}</td>
              <td className="px-3 py-2">{v.version ?? 'draft'}</td>
              <td className="px-3 py-2">{v.source}</td>
              <td className="px-3 py-2">{new Date(v.savedAt).toLocaleString()}</td>
              <td className="px-3 py-2">{v.publishedAt ? new Date(v.publishedAt).toLocaleString() : '—'}</td>
              <td className="max-w-md px-3 py-2">{v.publishNote ?? v.note ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {refs.length < 2 ? (
        <p className="text-sm text-slate-700">
          {refs.length === 0
            ? 'Nothing is published yet.'
            : `Only ${refName(refs[0] as string)} exists: there is nothing to compare it with yet.`}
        </p>
      ) : (
        <>
          <div className="flex flex-wrap items-end gap-3">
            {(
              [
                ['Compare from', from, setFrom],
                ['to', to, setTo],
              ] as const
            ).map(([label, value, choose]) => (
              <label key={label} className="text-sm">
                <span className="block font-medium">{label}</span>
                <select
                  className="mt-1 rounded border border-slate-300 px-2 py-1"
                  value={value}
                  onChange={(e) => choose(e.target.value)}
                >
                  {refs.map((r) => (
                    <option key={r} value={r}>
                      {refName(r)}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </div>
          {a.error || b.error ? (
            <ErrorMessage title="A version could not be loaded." error={a.error ?? b.error} />
          ) : changes === null ? (
            <LoadingMessage>Loading the two versions…</LoadingMessage>
          ) : changes.length === 0 ? (
            <p className="text-sm text-slate-700">No differences.</p>
          ) : (
            <section aria-label="Changes">
              <h3 className="text-sm font-semibold text-slate-900">
                {changes.length} change(s) from {refName(from)} to {refName(to)}
              </h3>
              <ul className="mt-2 list-disc space-y-1 pl-5 text-sm" data-testid="diff">
                {changes.map((c) => (
                  <li key={`${c.path}-${c.text}`}>{c.text}</li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </div>
  );
}

/** The content of a version ('3') or of the draft ('draft'); undefined while loading or for ''. */
function useVersionContent(
  fiscalYear: string,
  program: string,
  ref: string,
): { content: unknown; error: Error | null } {
  const { api } = useQuip();
  const isVersion = ref !== '' && ref !== 'draft';
  const version = useQuery({
    ...versionQueryOptions(api, fiscalYear, program, Number(ref)),
    enabled: isVersion,
  });
  const state = useQuery({ ...rulebookQueryOptions(api, fiscalYear, program), enabled: ref === 'draft' });
  if (isVersion) return { content: version.data?.rulebook, error: version.error };
  if (ref === 'draft') return { content: state.data?.draft?.rulebook, error: state.error };
  return { content: undefined, error: null };
}
