import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { createApiClient } from '../api/api-client.ts';
import { browserSessionStorage, createSessionStore } from '../auth/session-store.ts';
import { createQueryClient } from './create-query-client.ts';
import { QuipProvider } from './quip-context.tsx';
import { createAppRouter } from './router.tsx';

/** Wires the services together once per page load. */
function createApp() {
  const session = createSessionStore(browserSessionStorage());
  const api = createApiClient({ getKey: session.getKey });
  const queryClient = createQueryClient(() => {
    // A 401 mid-session: the key was revoked. Forget it and ask for a new one.
    if (!session.getKey()) return;
    session.clear();
    void router.navigate({ to: '/sign-in', search: { reason: 'expired' } });
  });
  const router = createAppRouter({ api, session, queryClient });
  return { api, session, queryClient, router };
}

const app = createApp();

export function App() {
  return (
    <QuipProvider value={app}>
      <QueryClientProvider client={app.queryClient}>
        <RouterProvider router={app.router} />
      </QueryClientProvider>
    </QuipProvider>
  );
}
