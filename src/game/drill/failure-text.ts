import { FailureKind } from '../../drill-client/index.ts';
import type { ApiFailure } from '../../drill-client/index.ts';
import { t } from '../i18n/index.ts';

/** What to tell the player about a failed call: the server's own sentence for a refusal. */
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
