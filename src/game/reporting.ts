import { CallEventType, PointReason } from '../engine/index.ts';
import type { CallEvent, Choice, Scenario, Scorecard, Transcript } from '../engine/index.ts';

/** How an answer is reported to a learning platform: from the engine's points for that turn. */
export const ChoiceResult = {
  correct: 'correct',
  incorrect: 'incorrect',
  neutral: 'neutral',
} as const;
export type ChoiceResult = (typeof ChoiceResult)[keyof typeof ChoiceResult];

/** A live call began (a retry starts with the answers it keeps). */
export interface CallStarted {
  readonly scenario: Scenario;
  readonly transcript: Transcript;
}

/** The player answered (or let the time run out) during a live call. */
export interface ChoiceMade {
  readonly scenario: Scenario;
  /** Index of this answer in the transcript. */
  readonly turn: number;
  readonly nodeId: string;
  readonly event: CallEvent;
  /** The choice picked; undefined for silence. */
  readonly choice: Choice | undefined;
  readonly result: ChoiceResult;
  /** The transcript so far, this answer included: enough to resume the call. */
  readonly transcript: Transcript;
}

/** A live call reached its ending and was scored. */
export interface CallEnded {
  readonly scenario: Scenario;
  readonly transcript: Transcript;
  readonly scorecard: Scorecard;
}

/**
 * What an outside reporter (an LMS or an xAPI adapter) hears from the game. Every method is
 * optional; replays and language switches are not reported, only what the player did live.
 */
export interface CallObserver {
  callStarted?(event: CallStarted): void;
  choiceMade?(event: ChoiceMade): void;
  callEnded?(event: CallEnded): void;
}

const observers = new Set<CallObserver>();

/** Adds an observer; returns the function that removes it. */
export function observeCalls(observer: CallObserver): () => void {
  observers.add(observer);
  return () => {
    observers.delete(observer);
  };
}

// Reasons that judge the answer itself; whole-call items (outcome, order, final meters) do not.
const ANSWER_REASONS = new Set<PointReason>([PointReason.tipEvidence, PointReason.answerTime]);

/**
 * The result of one answer from the engine's scorecard: an interruption (explaining while the
 * customer vents) is incorrect; otherwise the answer's tip evidence decides — more points won than
 * lost is correct, more lost is incorrect, and an answer with nothing at stake is neutral.
 */
export function turnResult(scorecard: Scorecard, turn: number): ChoiceResult {
  if (scorecard.steps.interruptions.includes(turn)) return ChoiceResult.incorrect;
  let won = 0;
  let lost = 0;
  for (const point of scorecard.points) {
    if (point.turn !== turn || !ANSWER_REASONS.has(point.reason)) continue;
    won += point.won;
    lost += point.lost;
  }
  const EPSILON = 1e-9;
  if (won - lost > EPSILON) return ChoiceResult.correct;
  if (lost - won > EPSILON) return ChoiceResult.incorrect;
  return ChoiceResult.neutral;
}

/** Tells the observers a live call began. */
export function reportCallStarted(scenario: Scenario, transcript: () => Transcript): void {
  if (observers.size === 0) return;
  const event = { scenario, transcript: transcript() };
  for (const observer of observers) observer.callStarted?.(event);
}

/**
 * Tells the observers about the answer just given. The scorecard is a function so that the normal
 * game, with nobody listening, never scores a call mid-way.
 */
export function reportChoice(
  scenario: Scenario,
  nodeId: string,
  transcript: () => Transcript,
  scorecard: () => Scorecard,
): void {
  if (observers.size === 0) return;
  const recorded = transcript();
  const turn = recorded.events.length - 1;
  const event = recorded.events[turn];
  if (!event) return;
  const choice =
    event.type === CallEventType.choose
      ? scenario.nodes[nodeId]?.choices.find((candidate) => candidate.id === event.choiceId)
      : undefined;
  const report: ChoiceMade = {
    scenario,
    turn,
    nodeId,
    event,
    choice,
    result: turnResult(scorecard(), turn),
    transcript: recorded,
  };
  for (const observer of observers) observer.choiceMade?.(report);
}

/** Tells the observers a live call ended with this scorecard. */
export function reportCallEnded(
  scenario: Scenario,
  transcript: Transcript,
  scorecard: Scorecard,
): void {
  for (const observer of observers) observer.callEnded?.({ scenario, transcript, scorecard });
}
