import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { dataOf } from '../api/api-client.ts';
import { useQuip } from '../app/quip-context.tsx';
import { Button } from '../ui/button.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { TextField } from '../ui/text-field.tsx';

/** Admins: add a fiscal year by name; the API derives its dates (2027-28 = 2027-07-01..2028-06-30). */
export function CreateFiscalYearForm() {
  const { api } = useQuip();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const create = useMutation({
    mutationFn: () =>
      dataOf(api.POST('/api/v1/fiscal-years', { body: { fiscalYear: name.trim(), status: 'draft' } })),
    onSuccess: async () => {
      setName('');
      await queryClient.invalidateQueries({ queryKey: ['fiscal-years'] });
    },
  });
  return (
    <form
      className="mb-6 flex flex-wrap items-end gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate();
      }}
    >
      <TextField
        label="New fiscal year"
        value={name}
        onValue={setName}
        placeholder="2027-28"
        pattern="\d{4}-\d{2}"
        aria-describedby="new-fy-hint"
      />
      <Button type="submit" disabled={name.trim() === '' || create.isPending}>
        Create
      </Button>
      <p id="new-fy-hint" className="w-full text-xs text-slate-600">
        Named by its two calendar years; it starts as a draft.
      </p>
      <ErrorAlert error={create.error} />
    </form>
  );
}
