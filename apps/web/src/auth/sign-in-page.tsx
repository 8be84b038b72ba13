import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useId, useState } from 'react';
import { describeError } from '../api/describe-error.ts';
import { useQuip } from '../app/quip-context.tsx';
import { Button } from '../ui/button.tsx';
import { PageHeader } from '../ui/page-header.tsx';
import { meQueryOptions, whoIs } from './me-query.ts';
import { safeRedirect } from './safe-redirect.ts';

/** Sign-in checks the pasted key with GET /api/v1/me before keeping it for this tab. */
export function SignInPage() {
  const { api, session } = useQuip();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const search = useSearch({ from: '/sign-in' });
  const [key, setKey] = useState('');
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();

  const signIn = useMutation({
    mutationFn: (candidate: string) => whoIs(api, candidate),
    onSuccess: async (me, candidate) => {
      // Nothing cached for a previous key may show under the new one.
      queryClient.clear();
      session.setKey(candidate);
      queryClient.setQueryData(meQueryOptions(api).queryKey, me);
      // Home ('/') sends a submitter to its payees and the office to the fiscal years.
      await navigate({ to: safeRedirect(search.redirect, '/') });
    },
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const candidate = key.trim();
    if (candidate) signIn.mutate(candidate);
  };

  const notice =
    search.reason === 'expired' && !signIn.isError ? 'Your session ended. Sign in again to continue.' : null;

  return (
    <div className="flex min-h-screen items-start justify-center bg-slate-100 px-4 py-12 sm:items-center">
      <main
        id="main"
        className="w-full max-w-md rounded-lg border border-slate-200 bg-white p-6 shadow-sm sm:p-8"
      >
        <p className="mb-4 text-lg font-semibold text-slate-900">
          Quip <span className="font-normal text-slate-600">admin</span>
        </p>
        <PageHeader title="Sign in" />
        {notice ? (
          <p
            role="status"
            className="mb-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900"
          >
            {notice}
          </p>
        ) : null}
        <form onSubmit={onSubmit} noValidate className="space-y-4">
          <div>
            <label htmlFor={inputId} className="block text-sm font-medium text-slate-900">
              API key
            </label>
            <p id={hintId} className="mt-1 text-sm text-slate-600">
              Paste the key you were given. Quip keeps it in this browser tab only and forgets it when the tab
              closes.
            </p>
            <input
              id={inputId}
              name="apiKey"
              type="password"
              autoComplete="off"
              spellCheck={false}
              required
              value={key}
              onChange={(event) => setKey(event.target.value)}
              aria-invalid={signIn.isError || undefined}
              aria-describedby={signIn.isError ? `${hintId} ${errorId}` : hintId}
              className="mt-2 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 font-mono text-sm text-slate-900 aria-invalid:border-red-600"
            />
          </div>
          {signIn.isError ? (
            <p
              id={errorId}
              role="alert"
              className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900"
            >
              {describeError(signIn.error)}
            </p>
          ) : null}
          <Button type="submit" className="w-full" disabled={signIn.isPending || key.trim() === ''}>
            {signIn.isPending ? 'Checking key…' : 'Sign in'}
          </Button>
        </form>
      </main>
    </div>
  );
}
