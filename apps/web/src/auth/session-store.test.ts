import { describe, expect, it } from 'vitest';
import { createSessionStore, SESSION_STORAGE_KEY } from './session-store.ts';

function mapStorage() {
  const map = new Map<string, string>();
  return {
    map,
    storage: {
      getItem: (k: string) => map.get(k) ?? null,
      setItem: (k: string, v: string) => void map.set(k, v),
      removeItem: (k: string) => void map.delete(k),
    },
  };
}

describe('createSessionStore', () => {
  it('keeps the key in the given storage and forgets it on clear', () => {
    const { map, storage } = mapStorage();
    const session = createSessionStore(storage);
    expect(session.getKey()).toBeNull();

    session.setKey('k-123');
    expect(session.getKey()).toBe('k-123');
    expect(map.get(SESSION_STORAGE_KEY)).toBe('k-123');

    session.clear();
    expect(session.getKey()).toBeNull();
    expect(map.has(SESSION_STORAGE_KEY)).toBe(false);
  });

  it('picks up a key stored by an earlier page load of the same tab', () => {
    const { map, storage } = mapStorage();
    map.set(SESSION_STORAGE_KEY, 'from-before-reload');
    expect(createSessionStore(storage).getKey()).toBe('from-before-reload');
  });

  it('notifies subscribers of each change until they unsubscribe', () => {
    const session = createSessionStore(mapStorage().storage);
    let calls = 0;
    const unsubscribe = session.subscribe(() => {
      calls += 1;
    });
    session.setKey('a');
    session.clear();
    unsubscribe();
    session.setKey('b');
    expect(calls).toBe(2);
  });

  it('falls back to memory when storage throws', () => {
    const broken = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    };
    const session = createSessionStore(broken);
    session.setKey('kept-in-memory');
    expect(session.getKey()).toBe('kept-in-memory');
    session.clear();
    expect(session.getKey()).toBeNull();
  });

  it('works without storage at all', () => {
    const session = createSessionStore(null);
    session.setKey('x');
    expect(session.getKey()).toBe('x');
  });
});
