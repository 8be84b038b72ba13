import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { dataOf } from '../api/api-client.ts';
import type { Role } from '../api/resources.ts';
import { useQuip } from '../app/quip-context.tsx';
import { Button } from '../ui/button.tsx';
import { ColumnHeaders } from '../ui/column-headers.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { QueryView } from '../ui/query-view.tsx';
import { fieldBoxClass, TextField } from '../ui/text-field.tsx';
import { ApiKeyRow } from './api-key-row.tsx';

/** API keys: create one with a role and entity scope (the secret is shown once), revoke. */
export function ApiKeysPage() {
  const { api } = useQuip();
  const queryClient = useQueryClient();
  const keys = useQuery({
    queryKey: ['api-keys'],
    queryFn: async ({ signal }) => (await dataOf(api.GET('/api/v1/api-keys', { signal }))).items,
  });
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('submitter');
  const [entityIds, setEntityIds] = useState('');
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const create = useMutation({
    mutationFn: () => {
      const ids = entityIds
        .split(/[\s,]+/)
        .map((s) => s.trim())
        .filter(Boolean);
      return dataOf(
        api.POST('/api/v1/api-keys', { body: { name, role, ...(ids.length > 0 ? { entityIds: ids } : {}) } }),
      );
    },
    onSuccess: async (answer) => {
      // Only an Idempotency-Key replay answers without the secret, and the SPA sends no such key.
      if (answer.key !== null) setCreated({ name, key: answer.key });
      setName('');
      setEntityIds('');
      await queryClient.invalidateQueries({ queryKey: ['api-keys'] });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => dataOf(api.DELETE('/api/v1/api-keys/{id}', { params: { path: { id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['api-keys'] }),
  });

  return (
    <>
      <PageHeader title="API keys">
        <p>
          Each key has a role. A submitter key can be limited to some payees: it never sees or writes others.
        </p>
      </PageHeader>
      <form
        className="mb-8 grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-4"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <h2 className="text-lg font-semibold sm:col-span-4">Create a key</h2>
        <TextField label="Name" className="w-full text-sm" value={name} onValue={setName} required />
        <label className="text-sm font-medium">
          Role
          <select
            className={`${fieldBoxClass} w-full text-sm`}
            value={role}
            onChange={(e) => setRole(e.target.value as Role)}
          >
            <option value="admin">admin</option>
            <option value="analyst">analyst</option>
            <option value="submitter">submitter</option>
          </select>
        </label>
        <TextField
          label="Payee ids (optional, comma separated)"
          className="w-full text-sm"
          value={entityIds}
          onValue={setEntityIds}
        />
        <div className="self-end">
          <Button type="submit" disabled={create.isPending || name.trim() === ''}>
            Create key
          </Button>
        </div>
        <ErrorAlert error={create.error} className="sm:col-span-4" />
      </form>
      {created ? (
        <div role="status" className="mb-8 rounded-lg border border-green-300 bg-green-50 p-4">
          <p className="font-medium text-green-900">
            Key “{created.name}” created. Copy it now: it is shown only this once.
          </p>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <code data-testid="new-key" className="rounded bg-white px-2 py-1 font-mono text-sm break-all">
              {created.key}
            </code>
            <Button variant="secondary" onClick={() => void navigator.clipboard?.writeText(created.key)}>
              Copy
            </Button>
            <Button variant="secondary" onClick={() => setCreated(null)}>
              Done
            </Button>
          </div>
        </div>
      ) : null}
      <QueryView query={keys} loading="Loading keys…" errorTitle="The keys could not be loaded.">
        {(data) => (
          <div className="overflow-x-auto rounded-md border border-slate-200 bg-white">
            <table className="min-w-full text-sm">
              <caption className="sr-only">API keys</caption>
              <ColumnHeaders
                columns={['Name', 'Role', 'Payees', 'Starts with', 'Created', 'Status', '']}
                className="bg-slate-100"
                cellClassName="px-3 py-2"
              />
              <tbody>
                {data.map((k) => (
                  <ApiKeyRow key={k.id} apiKey={k} onRevoke={(id) => revoke.mutate(id)} />
                ))}
              </tbody>
            </table>
            <ErrorAlert error={revoke.error} className="p-3" />
          </div>
        )}
      </QueryView>
    </>
  );
}
