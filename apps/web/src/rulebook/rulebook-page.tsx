import { describeRulebookChanges, validateRulebook } from '@quip/core';
import * as Tabs from '@radix-ui/react-tabs';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError } from '../api/api-error.ts';
import { describeError } from '../api/describe-error.ts';
import { useQuip } from '../app/quip-context.tsx';
import { meQueryOptions } from '../auth/me-query.ts';
import { Button } from '../ui/button.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { ErrorMessage, LoadingMessage } from '../ui/query-feedback.tsx';
import { TabBar } from '../ui/tab-bar.tsx';
import { useWhatIf } from '../what-if/use-what-if.ts';
import { WhatIfPanel } from '../what-if/what-if-panel.tsx';
import { MeasureEditor } from './measure-editor.tsx';
import { MeasuresTable } from './measures-table.tsx';
import { PaymentTab } from './payment-tab.tsx';
import { ProblemList } from './problem-list.tsx';
import { PublishDialog } from './publish-dialog.tsx';
import { publishDraft, rulebookQueryOptions, saveDraft } from './rulebook-queries.ts';
import { VersionsPanel } from './versions-panel.tsx';

type Doc = Record<string, unknown> & {
  measures: Record<string, unknown>[];
  payment: Record<string, unknown>;
};

/** The program's other pages, linked from the rulebook's header. */
const PROGRAM_PAGES = [
  { path: '/fiscal-years/$fy/programs/$program/runs', label: 'Runs' },
  { path: '/fiscal-years/$fy/programs/$program/data', label: 'Data' },
] as const;

/** The rulebook of one program and fiscal year: measures, payment, versions, with a live what-if. */
export function RulebookPage() {
  const { fy = '', program = '' } = useParams({ strict: false }) as { fy?: string; program?: string };
  const { api } = useQuip();
  const queryClient = useQueryClient();
  const me = useQuery(meQueryOptions(api)).data;
  const canEdit = me?.role === 'admin';
  const state = useQuery(rulebookQueryOptions(api, fy, program));
  const [doc, setDoc] = useState<Doc | null>(null);
  const [dirty, setDirty] = useState(false);
  const [selected, setSelected] = useState(0);
  const [saveErrors, setSaveErrors] = useState<{ path: string; message: string }[]>([]);
  // Bumped when the document is replaced from the server (discard, save, publish): the measure
  // form keeps its own field state and must start again from the new document.
  const [epoch, setEpoch] = useState(0);

  const source = (state.data?.draft?.rulebook ?? state.data?.published?.rulebook) as Doc | undefined;
  useEffect(() => {
    if (source && !dirty) setDoc(structuredClone(source));
  }, [source, dirty]);

  const edit = useCallback((next: Doc) => {
    setDoc(next);
    setDirty(true);
  }, []);
  const measures = doc?.measures ?? [];
  const focus = measures[selected]?.key as string | undefined;
  const updateMeasure = useCallback(
    (next: Record<string, unknown>) =>
      setDoc((d) => {
        if (!d) return d;
        setDirty(true);
        return { ...d, measures: d.measures.map((m, i) => (i === selected ? next : m)) };
      }),
    [selected],
  );
  // Core's validation of the whole draft, shown where each problem is; the what-if and publishing
  // refuse an invalid draft with the same messages.
  const issues = useMemo(() => {
    if (!doc) return [];
    const checked = validateRulebook(doc);
    return checked.ok ? [] : checked.issues;
  }, [doc]);
  const addMeasure = (measure: Record<string, unknown>) => {
    if (!doc) return;
    edit({ ...doc, measures: [...doc.measures, measure] });
    setSelected(doc.measures.length);
  };
  const unusedKey = (base: string) => {
    const keys = new Set(measures.map((m) => m.key));
    let n = 1;
    while (keys.has(`${base}-${n}`)) n++;
    return `${base}-${n}`;
  };
  const removeMeasure = (index: number) => {
    if (!doc) return;
    edit({ ...doc, measures: doc.measures.filter((_, i) => i !== index) });
    setSelected((s) => Math.max(0, Math.min(s, doc.measures.length - 2)));
  };

  const basisRulebook = state.data?.published?.rulebook ?? state.data?.draft?.rulebook;
  const whatIf = useWhatIf({ fiscalYear: fy, program, basisRulebook, edited: doc, focus });

  // Nothing is edited (so nothing is saved) before the rulebook is in: a save never sends null.
  const saveDoc = async () => {
    if (!doc) throw new Error('The rulebook has not loaded yet.');
    return saveDraft(api, fy, program, doc);
  };
  // After a save or a publish: the server's document is the one shown again, from the start.
  const reload = async (...also: (readonly string[])[]) => {
    setSaveErrors([]);
    setDirty(false);
    for (const queryKey of [['rulebook', fy, program], ...also])
      await queryClient.invalidateQueries({ queryKey });
    setEpoch((n) => n + 1);
  };
  const refused = (error: Error) =>
    setSaveErrors(
      error instanceof ApiError && error.problem.errors
        ? error.problem.errors
        : [{ path: '', message: describeError(error) }],
    );
  const save = useMutation({ mutationFn: saveDoc, onSuccess: () => reload(), onError: refused });
  const publish = useMutation({
    mutationFn: async (note: string) => {
      if (dirty) await saveDoc();
      return publishDraft(api, fy, program, note);
    },
    onSuccess: () => reload(['fiscal-years', fy, 'programs']),
    onError: refused,
  });

  const title = `Rulebook: ${program} ${fy}`;
  if (state.isPending) return <LoadingMessage>Loading the rulebook…</LoadingMessage>;
  if (state.isError)
    return (
      <ErrorMessage
        title="The rulebook could not be loaded."
        error={state.error}
        onRetry={() => void state.refetch()}
      />
    );
  const published = state.data.published;
  const draft = state.data.draft;

  return (
    <>
      <PageHeader title={title}>
        <p>
          {published ? `Published version ${published.version}.` : 'Nothing published yet.'}{' '}
          {draft
            ? `Draft revision ${draft.revision} saved ${new Date(draft.savedAt).toLocaleString()}.`
            : 'No draft.'}{' '}
          <span role="status">{dirty ? 'Unsaved changes.' : ''}</span>
        </p>
        <p className="mt-1 text-sm">
          {PROGRAM_PAGES.map((to, i) => (
            <span key={to.path}>
              {i > 0 ? ' · ' : null}
              <Link to={to.path} params={{ fy, program }} className="text-blue-800 underline">
                {to.label}
              </Link>
            </span>
          ))}
        </p>
      </PageHeader>
      {canEdit ? (
        <div className="mb-4 flex flex-wrap gap-3">
          <Button onClick={() => save.mutate()} disabled={!dirty || save.isPending}>
            {save.isPending ? 'Saving…' : 'Save draft'}
          </Button>
          <PublishDialog
            nextVersion={(published?.version ?? 0) + 1}
            publishedVersion={published?.version ?? null}
            changes={doc ? describeRulebookChanges(published?.rulebook ?? {}, doc) : []}
            whatIf={whatIf}
            problems={issues.length}
            dirty={dirty}
            // Nothing to publish without a draft (saved, or unsaved changes that are saved first).
            disabled={(!draft && !dirty) || publish.isPending}
            busy={publish.isPending}
            onPublish={(note) => publish.mutate(note)}
          />
          {!draft && !dirty ? (
            <p className="self-center text-sm text-slate-600">
              No draft to publish: edit the rulebook to start one.
            </p>
          ) : null}
          <Button
            variant="secondary"
            disabled={!dirty}
            onClick={() => {
              setDirty(false);
              setEpoch((n) => n + 1);
            }}
          >
            Discard changes
          </Button>
          {publish.isSuccess ? (
            <p role="status" className="self-center text-sm text-green-800">
              Published.
            </p>
          ) : null}
        </div>
      ) : null}
      {me?.role === 'analyst' ? (
        <p className="mb-4 text-sm text-slate-700">
          Try changes here to see their effect in the what-if; only administrators save and publish.
        </p>
      ) : null}
      {saveErrors.length > 0 ? (
        <ProblemList
          role="alert"
          className="mb-4"
          title={`The rulebook was not saved: ${saveErrors.length} problem(s).`}
          problems={saveErrors}
          limit={20}
        />
      ) : null}
      <Tabs.Root defaultValue="measures" className="min-w-0">
        <TabBar
          label="Rulebook parts"
          tabs={[
            { value: 'measures', label: 'Measures' },
            { value: 'payment', label: 'Payment' },
            { value: 'versions', label: 'Versions' },
          ]}
        />
        <Tabs.Content value="measures" className="space-y-6">
          {issues.length > 0 ? (
            <ProblemList
              role="status"
              title={`The draft has ${issues.length} problem(s); it cannot be saved, published or tried until they are fixed.`}
              problems={issues}
              limit={10}
              testId="draft-problems"
            />
          ) : null}
          <MeasuresTable
            rulebook={doc ?? {}}
            measures={measures}
            selected={selected}
            onSelect={setSelected}
            summaries={whatIf.current?.measures ?? whatIf.baseline?.measures}
          />
          {/* The form and the live numbers side by side: each keystroke shows its effect in view. */}
          <div className="grid gap-6 lg:grid-cols-2">
            <div className="space-y-3">
              {doc && me?.role !== 'submitter' ? (
                <div className="flex flex-wrap gap-2">
                  <Button
                    variant="secondary"
                    onClick={() =>
                      addMeasure({
                        key: unusedKey('new-measure'),
                        name: 'New measure',
                        domain: 'other',
                        kind: 'reporting',
                        fields: { submitted: { type: 'boolean', required: true } },
                        compute: { kind: 'reporting' },
                      })
                    }
                  >
                    Add measure
                  </Button>
                  {measures[selected] ? (
                    <>
                      <Button
                        variant="secondary"
                        onClick={() => {
                          const m = measures[selected] as Record<string, unknown>;
                          addMeasure({
                            ...structuredClone(m),
                            key: unusedKey(String(m.key)),
                            name: `${String(m.name)} (copy)`,
                          });
                        }}
                      >
                        Duplicate measure
                      </Button>
                      <Button variant="secondary" onClick={() => removeMeasure(selected)}>
                        Remove measure
                      </Button>
                    </>
                  ) : null}
                </div>
              ) : null}
              {doc && measures[selected] ? (
                <MeasureEditor
                  key={`${selected}-${measures.length}-${epoch}`}
                  rulebook={doc}
                  measure={measures[selected] as Record<string, unknown>}
                  index={selected}
                  issues={issues}
                  onChange={updateMeasure}
                  readOnly={me?.role !== 'admin' && me?.role !== 'analyst'}
                />
              ) : null}
            </div>
            <div className="lg:sticky lg:top-4 lg:self-start">
              <WhatIfPanel state={whatIf} focus={focus} />
            </div>
          </div>
        </Tabs.Content>
        <Tabs.Content value="payment" className="space-y-6">
          {doc ? (
            <PaymentTab
              fiscalYear={fy}
              program={program}
              rulebook={doc}
              issues={issues}
              onChange={(next) => edit(next as Doc)}
            />
          ) : null}
          <WhatIfPanel state={whatIf} focus={focus} />
        </Tabs.Content>
        <Tabs.Content value="versions">
          <VersionsPanel fiscalYear={fy} program={program} />
        </Tabs.Content>
      </Tabs.Root>
    </>
  );
}
