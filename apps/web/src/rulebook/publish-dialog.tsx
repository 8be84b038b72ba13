import { formatDollars, type RulebookChange } from '@quip/core';
import * as Dialog from '@radix-ui/react-dialog';
import { useState } from 'react';
import { formatChange } from '../format/format-money.ts';
import { Button } from '../ui/button.tsx';
import type { WhatIfState } from '../what-if/use-what-if.ts';

/**
 * Publishing, reviewed: what the draft changes in words, its money impact against the published
 * version (core's what-if over the stored payees and submissions, as the editor's panel computes
 * it), how many payees it would pay nothing, and a required change note kept in the version
 * history and the audit log.
 */
export function PublishDialog({
  nextVersion,
  publishedVersion,
  changes,
  whatIf,
  problems,
  dirty,
  disabled,
  busy,
  onPublish,
}: {
  nextVersion: number;
  publishedVersion: number | null;
  changes: RulebookChange[];
  whatIf: WhatIfState;
  /** Core's validation problems of the draft: publishing is refused while there are any. */
  problems: number;
  dirty: boolean;
  disabled: boolean;
  busy: boolean;
  onPublish: (note: string) => void;
}) {
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const base = whatIf.baseline;
  const draft = whatIf.invalid ? null : whatIf.current;
  const nothingDraft = draft ? draft.payees - draft.paidPayees : null;
  const nothingBase = base ? base.payees - base.paidPayees : null;
  const canPublish = note.trim() !== '' && problems === 0 && !busy;
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger asChild>
        <Button variant="secondary" disabled={disabled}>
          Publish…
        </Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 bg-slate-900/50" />
        <Dialog.Content className="fixed top-1/2 left-1/2 max-h-[90vh] w-[min(44rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg bg-white p-6 shadow-xl focus:outline-none">
          <Dialog.Title className="text-lg font-semibold text-slate-900">Publish this draft?</Dialog.Title>
          <Dialog.Description className="mt-2 text-sm text-slate-700">
            Publishing freezes the draft as version {nextVersion}. Runs started from now on pay by it; earlier
            runs keep the version they pinned.{dirty ? ' Your unsaved changes are saved first.' : ''}
          </Dialog.Description>

          <section aria-label="What changes" className="mt-4">
            <h3 className="text-sm font-semibold text-slate-900">
              {publishedVersion === null ? 'The first version' : `Changes from version ${publishedVersion}`}
            </h3>
            {changes.length === 0 ? (
              <p className="mt-1 text-sm text-slate-700">No changes.</p>
            ) : (
              <ul
                className="mt-1 max-h-48 list-disc space-y-1 overflow-y-auto pl-5 text-sm"
                data-testid="publish-changes"
              >
                {changes.map((c) => (
                  <li key={`${c.path}-${c.text}`}>{c.text}</li>
                ))}
              </ul>
            )}
          </section>

          <section aria-label="Money impact" className="mt-4" data-testid="publish-impact">
            <h3 className="text-sm font-semibold text-slate-900">Money impact</h3>
            {problems > 0 ? (
              <p className="mt-1 text-sm text-red-800" role="alert">
                The draft has {problems} problem(s) and cannot be published; fix them first.
              </p>
            ) : whatIf.invalid ? (
              <p className="mt-1 text-sm text-red-800">{whatIf.message}</p>
            ) : !base || !draft || whatIf.pending ? (
              <p className="mt-1 text-sm text-slate-700">Computing the draft over the stored payees…</p>
            ) : (
              <dl className="mt-1 grid grid-cols-3 gap-2 text-sm">
                <div>
                  <dt className="text-slate-600">Published pays</dt>
                  <dd className="font-semibold" data-testid="impact-published">
                    {formatDollars(base.totalCents)}
                  </dd>
                </div>
                <div>
                  <dt className="text-slate-600">The draft pays</dt>
                  <dd className="font-semibold" data-testid="impact-draft">
                    {formatDollars(draft.totalCents)}
                  </dd>
                </div>
                <div>
                  <dt className="text-slate-600">Change</dt>
                  <dd className="font-semibold" data-testid="impact-change">
                    {formatChange(draft.totalCents - base.totalCents, true)}
                  </dd>
                </div>
                <div className="col-span-3" data-testid="impact-nothing">
                  {nothingDraft === 0
                    ? `Every one of the ${draft.payees.toLocaleString('en-US')} payees would be paid something.`
                    : `${nothingDraft?.toLocaleString('en-US')} of ${draft.payees.toLocaleString('en-US')} payees would get nothing (published: ${nothingBase?.toLocaleString('en-US')}).`}
                </div>
              </dl>
            )}
          </section>

          <div className="mt-4">
            <label htmlFor="publish-note" className="block text-sm font-medium text-slate-900">
              Change note (required)
            </label>
            <textarea
              id="publish-note"
              rows={3}
              className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
              placeholder="What changed and why, e.g. the board's decision"
              value={note}
              onChange={(e) => setNote(e.target.value)}
              aria-describedby="publish-note-hint"
            />
            <p id="publish-note-hint" className="mt-1 text-xs text-slate-600">
              Kept with the version in its history and in the audit log.
            </p>
          </div>
          <div className="mt-6 flex justify-end gap-3">
            <Dialog.Close asChild>
              <Button variant="secondary">Cancel</Button>
            </Dialog.Close>
            <Button
              disabled={!canPublish}
              onClick={() => {
                onPublish(note.trim());
                setOpen(false);
                setNote('');
              }}
            >
              Publish
            </Button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
