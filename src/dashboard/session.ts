import { DrillApi } from '../drill-client/index.ts';
import type { ApiFailure } from '../drill-client/index.ts';
export { failureText } from '../game/drill/labels.ts';
import { safeStorage } from '../storage/index.ts';

/** The trainer pages' API client (same origin as the page). */
export const api = new DrillApi();

/** The trainer token lives for the tab only: a shared classroom PC forgets it when closed. */
const TOKEN_KEY = 'service-dojo.trainer-token';
const tabStorage = safeStorage(() =>
  typeof window === 'undefined' ? null : window.sessionStorage,
);

export const trainerToken = {
  get: (): string | null => {
    const token = tabStorage.get(TOKEN_KEY);
    // Cleared tokens are kept as '' (the store has no delete).
    return token === null || token === '' ? null : token;
  },
  set: (token: string): void => {
    tabStorage.set(TOKEN_KEY, token);
  },
  clear: (): void => {
    tabStorage.set(TOKEN_KEY, '');
  },
};

/** True when the server no longer accepts the trainer token (expired, server restarted). */
export function isUnauthorized(failure: ApiFailure): boolean {
  return failure.status === 401;
}
