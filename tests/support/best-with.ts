import {
  CallEventType,
  Locale,
  offeredChoices,
  scoreCall,
  startCall,
  stateOf,
  step,
  timeLimitMs,
} from '../../src/engine/index.ts';
import type {
  CallEvent,
  CallSnapshot,
  Scenario,
  Scorecard,
  TurnRecord,
} from '../../src/engine/index.ts';

/** Prompt answers: a fifth of each node's answer time. */
const prompt = (scenario: Scenario, nodeId: string) =>
  Math.round(timeLimitMs(scenario, nodeId) / 5);

/**
 * The highest total of any call that passes the test `keep` at least once — "the best path
 * containing this choice", as a trainee who makes that one mistake and plays perfectly otherwise
 * would score. Every path is walked (prompt answers; `first` makes the first event a given one,
 * `silenceAt` lets the answer time run out once at that node).
 */
export function bestTotalWith(
  scenario: Scenario,
  keep: (event: CallEvent, nodeId: string) => boolean,
  options: { first?: CallEvent; silenceAt?: string } = {},
): number | null {
  return bestCallWith(scenario, keep, options)?.total ?? null;
}

/** The scorecard of that best call (see `bestTotalWith`), or null when no call passes `keep`. */
export function bestCallWith(
  scenario: Scenario,
  keep: (event: CallEvent, nodeId: string) => boolean,
  options: { first?: CallEvent; silenceAt?: string } = {},
): Scorecard | null {
  let best: Scorecard | null = null;
  const turns: TurnRecord[] = [];
  const walk = (snapshot: CallSnapshot, kept: boolean): void => {
    if (snapshot.status === 'done') {
      if (!kept) return;
      const card = scoreCall(
        scenario,
        {
          turns,
          endingId: stateOf(snapshot),
          final: snapshot.context,
          timed: true,
          locale: Locale.en,
        },
        { explain: false },
      );
      if (best === null || card.total > best.total) best = card;
      return;
    }
    if (turns.length > 60) return;
    const nodeId = stateOf(snapshot);
    const events: CallEvent[] =
      turns.length === 0 && options.first
        ? [options.first]
        : offeredChoices(scenario, nodeId, snapshot.context).map((choiceId) => ({
            type: CallEventType.choose,
            choiceId,
            elapsedMs: prompt(scenario, nodeId),
          }));
    if (nodeId === options.silenceAt && !kept)
      events.push({ type: CallEventType.silence, elapsedMs: timeLimitMs(scenario, nodeId) });
    for (const event of events) {
      const stepped = step(scenario, snapshot, event);
      if (!stepped) continue;
      turns.push(stepped.turn);
      walk(stepped.next, kept || keep(event, nodeId));
      turns.pop();
    }
  };
  walk(startCall(scenario, true), false);
  return best;
}

/** A test for `bestTotalWith`: this choice was made. */
export const chose =
  (choiceId: string) =>
  (event: CallEvent): boolean =>
    event.type === CallEventType.choose && event.choiceId === choiceId;
