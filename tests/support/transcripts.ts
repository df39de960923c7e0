import { CallEventType, recordEvents, transcriptFor } from '../../src/engine/index.ts';
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

/** The seed tests record with unless they say otherwise. */
export const TEST_SEED = 12_345;

/**
 * A transcript of `events` as the game records it (each event with the order its seed shows).
 * Events after one the call rejects are kept, with no order, so tests can check the rejection.
 */
export function transcriptOf(
  scenario: Scenario,
  events: readonly CallEvent[],
  options: { timed?: boolean; locale?: LocaleId; seed?: number } = {},
): Transcript {
  const seed = options.seed ?? TEST_SEED;
  const timed = options.timed ?? true;
  const transcript = transcriptFor(scenario, events, {
    seed,
    timed,
    locale: options.locale ?? 'en',
  });
  const recorded = recordEvents(scenario, seed, timed, events);
  const rest = events.slice(recorded.length).map((event) => ({ ...event, shown: [] }));
  return { ...transcript, events: [...recorded, ...rest] };
}
