import { CallEventType } from '../compiler/types.ts';
import type { CallEvent } from '../compiler/types.ts';
import type { LocaleId } from '../model/locales.ts';
import type { Scenario } from '../model/scenario.ts';
import { answerOrder } from './answer-order.ts';
import { offeredChoices, startCall, stateOf, step } from './replay.ts';
import type { RecordedEvent, Transcript } from './transcript.ts';
import { TRANSCRIPT_FORMAT, TRANSCRIPT_FORMAT_VERSION } from './transcript-format.ts';

/**
 * Bare events (an explorer path, a test's answers) as a transcript records them: each with the
 * order the seed shows its answers in. Stops at the first event the call would not accept.
 */
export function recordEvents(
  scenario: Scenario,
  seed: number,
  timed: boolean,
  events: readonly CallEvent[],
): RecordedEvent[] {
  let snapshot = startCall(scenario, timed);
  const recorded: RecordedEvent[] = [];
  for (const event of events) {
    const nodeId = stateOf(snapshot);
    const shown = answerOrder(
      scenario,
      seed,
      nodeId,
      offeredChoices(scenario, nodeId, snapshot.context),
    );
    const stepped = step(scenario, snapshot, event);
    if (!stepped) break;
    recorded.push(
      event.type === CallEventType.choose
        ? { type: event.type, choiceId: event.choiceId, elapsedMs: event.elapsedMs, shown }
        : { type: event.type, elapsedMs: event.elapsedMs, shown },
    );
    snapshot = stepped.next;
  }
  return recorded;
}

/**
 * A whole transcript of `events` on `scenario`, as the game would have recorded it.
 *
 * @example
 * const transcript = transcriptFor(scenario, report.best.events, { seed: 7, timed: true, locale: 'en' });
 */
export function transcriptFor(
  scenario: Scenario,
  events: readonly CallEvent[],
  options: { seed: number; timed: boolean; locale: LocaleId },
): Transcript {
  return {
    format: TRANSCRIPT_FORMAT,
    formatVersion: TRANSCRIPT_FORMAT_VERSION,
    scenarioId: scenario.id,
    scenarioVersion: scenario.version,
    scenarioHash: scenario.hash,
    locale: options.locale,
    timed: options.timed,
    seed: options.seed,
    events: recordEvents(scenario, options.seed, options.timed, events),
  };
}
