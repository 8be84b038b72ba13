import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useQuip } from '../app/quip-context.tsx';
import { ErrorMessage, LoadingMessage } from '../ui/query-feedback.tsx';
import { diffQueryOptions, versionsQueryOptions } from './rulebook-queries.ts';

const show = (v: unknown) => (v === undefined ? '' : JSON.stringify(v));

/** Version history and the difference between any two versions (or a version and the draft). */
export function VersionsPanel({ fiscalYear, program }: { fiscalYear: string; program: string }) {
  const { api } = useQuip();
  const versions = useQuery(versionsQueryOptions(api, fiscalYear, program));
  const published = (versions.data ?? [])
    .filter((v) => v.version !== null)
    .sort((a, b) => (a.version ?? 0) - (b.version ?? 0));
  // By default: what the latest publication changed, or, before a second one, what the draft changes.
  const latest = published[published.length - 1]?.version;
  const previous = published[published.length - 2]?.version;
  const [from, setFrom] = useState<string>('');
  const [toChoice, setTo] = useState<string>('');
  const fromRef = from || String(previous ?? latest ?? '');
  const to = toChoice || (previous !== undefined && latest !== undefined ? String(latest) : 'draft');
  const diff = useQuery({
    ...diffQueryOptions(api, fiscalYear, program, fromRef, to),
    enabled: fromRef !== '',
  });
  if (versions.isPending) return <LoadingMessage>Loading versions…</LoadingMessage>;
  if (versions.isError)
    return <ErrorMessage title="The versions could not be loaded." error={versions.error} />;
  const refs = [...published.map((v) => String(v.version)), 'draft'];
  return (
    <div className="space-y-6">
      <table className="min-w-full text-sm">
        <caption className="mb-2 text-left font-semibold text-slate-900">History</caption>
        <thead className="bg-slate-100">
          <tr>
            {['Revision', 'Version', 'Source', 'Saved', 'Published'].map((h) => (
              <th key={h} scope="col" className="px-3 py-2 text-left">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {versions.data.map((v) => (
            <tr key={v.revision} className="border-t border-slate-200">
              <td className="px-3 py-2">{v.revision}</td>
              <td className="px-3 py-2">{v.version ?? 'draft'}</td>
              <td className="px-3 py-2">{v.source}</td>
              <td className="px-3 py-2">{new Date(v.savedAt).toLocaleString()}</td>
              <td className="px-3 py-2">{v.publishedAt ? new Date(v.publishedAt).toLocaleString() : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="flex flex-wrap items-end gap-3">
        <label className="text-sm">
          <span className="block font-medium">Compare from</span>
          <select
            className="mt-1 rounded border border-slate-300 px-2 py-1"
            value={fromRef}
            onChange={(e) => setFrom(e.target.value)}
          >
            {refs.map((r) => (
              <option key={r} value={r}>
                {r === 'draft' ? 'draft' : `version ${r}`}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="block font-medium">to</span>
          <select
            className="mt-1 rounded border border-slate-300 px-2 py-1"
            value={to}
            onChange={(e) => setTo(e.target.value)}
          >
            {refs.map((r) => (
              <option key={r} value={r}>
                {r === 'draft' ? 'draft' : `version ${r}`}
              </option>
            ))}
          </select>
        </label>
      </div>
      {diff.isError ? (
        <ErrorMessage title="The difference could not be computed." error={diff.error} />
      ) : diff.data ? (
        diff.data.changes.length === 0 ? (
          <p className="text-sm text-slate-700">No differences.</p>
        ) : (
          <table className="min-w-full text-sm" data-testid="diff">
            <caption className="sr-only">Changes</caption>
            <thead className="bg-slate-100">
              <tr>
                {['Path', 'Change', 'Before', 'After'].map((h) => (
                  <th key={h} scope="col" className="px-3 py-2 text-left">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {diff.data.changes.map((c) => (
                <tr key={`${c.path}-${c.op}`} className="border-t border-slate-200 align-top">
                  <td className="px-3 py-2 font-mono text-xs">{c.path || '(whole)'}</td>
                  <td className="px-3 py-2">{c.op}</td>
                  <td className="max-w-xs truncate px-3 py-2 font-mono text-xs text-red-800">
                    {show(c.from)}
                  </td>
                  <td className="max-w-xs truncate px-3 py-2 font-mono text-xs text-green-800">
                    {show(c.to)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      ) : null}
    </div>
  );
}
