/** Where the API key lives while signed in: this tab's sessionStorage, gone when the tab closes. */
export interface SessionStore {
  getKey(): string | null;
  setKey(key: string): void;
  clear(): void;
  /** For React's useSyncExternalStore: called after every change. Returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
}

export const SESSION_STORAGE_KEY = 'quip.apiKey';

type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * `storage` is null where sessionStorage is unavailable (or throws, as in some private modes);
 * the key is then kept in memory only, and a reload signs the user out.
 */
export function createSessionStore(storage: KeyValueStorage | null): SessionStore {
  let memory: string | null = null;
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of listeners) listener();
  };
  const attempt = <T>(action: (s: KeyValueStorage) => T, fallback: T): T => {
    if (!storage) return fallback;
    try {
      return action(storage);
    } catch {
      return fallback;
    }
  };

  return {
    getKey: () => attempt((s) => s.getItem(SESSION_STORAGE_KEY), null) ?? memory,
    setKey(key) {
      memory = key;
      attempt((s) => s.setItem(SESSION_STORAGE_KEY, key), undefined);
      notify();
    },
    clear() {
      memory = null;
      attempt((s) => s.removeItem(SESSION_STORAGE_KEY), undefined);
      notify();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The browser's sessionStorage, or null when touching it throws. */
export function browserSessionStorage(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}
