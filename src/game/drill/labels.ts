import { FailureKind } from '../../drill-client/index.ts';
import type { ApiFailure, BoardLabels } from '../../drill-client/index.ts';
import { t } from '../i18n/index.ts';

/** What to tell a player or trainer about a failed call: the server's own sentence for a refusal. */
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

/** The board's words in the page's language (the lobby, the dashboard and the projector). */
export function boardLabels(): BoardLabels {
  return {
    caption: t('drill.board.title'),
    rank: t('drill.board.rank'),
    name: t('drill.board.name'),
    total: t('drill.board.total'),
    completed: t('drill.board.completed'),
    empty: t('drill.board.empty'),
    progress: (done, of) => t('drill.board.progress', { done, of }),
  };
}
