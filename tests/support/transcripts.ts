import {
  CallEventType,
  TRANSCRIPT_FORMAT,
  TRANSCRIPT_FORMAT_VERSION,
} from '../../src/engine/index.ts';
import type { CallEvent, LocaleId, Scenario, Transcript } from '../../src/engine/index.ts';

/** Quick answers (a fifth of a 20 s limit) unless told otherwise. */
export const choose = (choiceId: string, elapsedMs = 4000): CallEvent => ({
  type: CallEventType.choose,
  choiceId,
  elapsedMs,
});
export const silence = (elapsedMs = 20_000): CallEvent => ({
  type: CallEventType.silence,
  elapsedMs,
});

export function transcriptOf(
  scenario: Scenario,
  events: readonly CallEvent[],
  options: { timed?: boolean; locale?: LocaleId } = {},
): Transcript {
  return {
    format: TRANSCRIPT_FORMAT,
    formatVersion: TRANSCRIPT_FORMAT_VERSION,
    scenarioId: scenario.id,
    scenarioVersion: scenario.version,
    scenarioHash: scenario.hash,
    locale: options.locale ?? 'en',
    timed: options.timed ?? true,
    events: [...events],
  };
}
