import { createContext, type ReactNode, useContext } from 'react';
import type { ApiClient } from '../api/api-client.ts';
import type { SessionStore } from '../auth/session-store.ts';

/** The app's services, made once in app.tsx and shared by every page. */
export interface Quip {
  api: ApiClient;
  session: SessionStore;
}

const QuipContext = createContext<Quip | null>(null);

export function QuipProvider({ value, children }: { value: Quip; children: ReactNode }) {
  return <QuipContext.Provider value={value}>{children}</QuipContext.Provider>;
}

export function useQuip(): Quip {
  const quip = useContext(QuipContext);
  if (!quip) throw new Error('useQuip() must be used inside <QuipProvider>.');
  return quip;
}
