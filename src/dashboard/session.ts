import { DrillApi, FailureKind } from '../drill-client/index.ts';
import type { ApiFailure } from '../drill-client/index.ts';
import { t } from '../game/i18n/index.ts';
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

/** What to tell the trainer about a failed call: the server's own sentence for a refusal. */
export function failureText(failure: ApiFailure): string {
  switch (failure.kind) {
    case FailureKind.rejected:
      return failure.message;
    case FailureKind.offline:
      return t('drill.errors.offline');
    case FailureKind.unavailable:
      return t('drill.errors.unavailable');
    case FailureKind.invalid:
      return t('drill.errors.invalid');
  }
}

/** True when the server no longer accepts the trainer token (expired, server restarted). */
export function isUnauthorized(failure: ApiFailure): boolean {
  return failure.status === 401;
}
