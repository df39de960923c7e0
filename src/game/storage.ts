/** Browser storage that never throws (private modes and locked-down browsers refuse it). */
export const settingsStore = {
  get(key: string): string | null {
    try {
      return window.localStorage.getItem(key);
    } catch {
      return null;
    }
  },
  set(key: string, value: string): void {
    try {
      window.localStorage.setItem(key, value);
    } catch {
      // Not persisted: the setting still applies for this visit.
    }
  },
};
