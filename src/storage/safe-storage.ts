/** Key–value storage that never throws. */
export interface KeyValueStore {
  /** The stored text, or null when absent or unreadable. */
  get(key: string): string | null;
  /** True when persisted; false when refused (quota, private mode, disabled storage). */
  set(key: string, value: string): boolean;
}

/** The subset of the DOM's `Storage` used here, so tests can pass a plain fake. */
export type StorageLike = Pick<Storage, 'getItem' | 'setItem'>;

/**
 * Wraps a Web Storage so that nothing throws: private modes and locked-down browsers throw on
 * access, on read or on write, and a setting that cannot be saved must still apply for the visit.
 * `storage` is a function because merely reading `window.localStorage` can throw.
 */
export function safeStorage(storage: () => StorageLike | null | undefined): KeyValueStore {
  return {
    get(key) {
      try {
        return storage()?.getItem(key) ?? null;
      } catch {
        return null;
      }
    },
    set(key, value) {
      try {
        const target = storage();
        if (!target) return false;
        target.setItem(key, value);
        return true;
      } catch {
        return false;
      }
    },
  };
}

/** The browser's localStorage, or nothing (Node, workers, storage disabled). */
export function browserStorage(): KeyValueStore {
  return safeStorage(() => (typeof window === 'undefined' ? null : window.localStorage));
}
