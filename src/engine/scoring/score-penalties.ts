import { CallEventType } from '../compiler/types.ts';
import { CRITICAL_ERRORS, CriticalError } from '../model/critical.ts';
import type { CriticalErrorId } from '../model/critical.ts';
import type { Scenario } from '../model/scenario.ts';
import { Step } from '../model/steps.ts';
import type { TurnRecord } from '../replay/replay.ts';
import type { ScenarioAnalysis } from './analysis.ts';
import { PENALTY_POINTS, PointReason } from './scorecard.ts';
import type { CriticalErrorHit, Scorecard, ScorePoint } from './scorecard.ts';

/**
 * The most a call may spend on compensation: what the customer lost plus the goodwill the rules
 * allow (001 §五 3: earn, else break even, else lose as little as possible). A scenario that
 * offers no compensation at all states no loss, and the cheapest good path is the measure.
 */
export function compensationAllowance(scenario: Scenario, analysis: ScenarioAnalysis): number {
  return scenario.loss === undefined
    ? (analysis.cheapestGoodCost ?? 0)
    : scenario.loss + (scenario.goodwill ?? 0);
}

/**
 * Critical errors in call order: those an answer is tagged with, and over-compensation at the
 * turn where the money given first went beyond the allowance.
 */
export function criticalErrorsOf(
  scenario: Scenario,
  turns: readonly TurnRecord[],
  allowance: number,
): CriticalErrorHit[] {
  const hits: CriticalErrorHit[] = [];
  turns.forEach((turn, index) => {
    const event = turn.event;
    if (event.type !== CallEventType.choose) return;
    for (const error of turnCriticalErrors(scenario, turn, allowance)) {
      hits.push({
        error,
        turn: index,
        nodeId: turn.nodeId,
        choiceId: event.choiceId,
        principle: CRITICAL_ERRORS[error].principle,
      });
    }
  });
  return hits;
}

/** The critical errors one turn commits: its answer's tag, and crossing the allowance. */
export function turnCriticalErrors(
  scenario: Scenario,
  turn: TurnRecord,
  allowance: number,
): CriticalErrorId[] {
  const event = turn.event;
  if (event.type !== CallEventType.choose) return [];
  const choice = scenario.nodes[turn.nodeId]?.choices.find(
    (candidate) => candidate.id === event.choiceId,
  );
  const overspent =
    scenario.loss !== undefined && turn.after.cost > allowance && turn.before.cost <= allowance;
  const errors = new Set<CriticalErrorId>();
  if (choice?.critical) errors.add(choice.critical);
  if (overspent) errors.add(CriticalError.overCompensation);
  return [...errors];
}

/**
 * The fixed deductions: each interruption of a venting customer, each silence that left dead
 * air, and a finished call without the apology step. The same mistake costs the same wherever it
 * falls.
 */
export function scorePenalties(
  scenario: Scenario,
  turns: readonly TurnRecord[],
  steps: Scorecard['steps'],
  ended: boolean,
  explain: boolean,
): { points: number; details: ScorePoint[] } {
  const details: ScorePoint[] = [];
  const choiceIdAt = (turn: number) => {
    const event = turns[turn]?.event;
    return event?.type === CallEventType.choose ? event.choiceId : null;
  };
  const skipped = ended && steps.firstPerformed.apologise === null;
  const points =
    steps.interruptions.length * PENALTY_POINTS.interruption +
    steps.deadAir.length * PENALTY_POINTS.deadAir +
    (skipped ? PENALTY_POINTS.skippedApology : 0);
  if (!explain) return { points, details };
  for (const turn of steps.interruptions) {
    details.push({
      component: 'penalty',
      reason: PointReason.interruption,
      turn,
      nodeId: turns[turn]?.nodeId ?? null,
      choiceId: choiceIdAt(turn),
      step: Step.vent,
      won: 0,
      lost: PENALTY_POINTS.interruption,
      principle: 'patience',
    });
  }
  for (const turn of steps.deadAir) {
    const nodeId = turns[turn]?.nodeId ?? null;
    const venting = nodeId !== null && scenario.nodes[nodeId]?.step === Step.vent;
    details.push({
      component: 'penalty',
      reason: PointReason.deadAir,
      turn,
      nodeId,
      choiceId: null,
      won: 0,
      lost: PENALTY_POINTS.deadAir,
      principle: venting ? 'ventBalloon' : 'sameDay',
    });
  }
  if (skipped) {
    details.push({
      component: 'penalty',
      reason: PointReason.skippedApology,
      turn: null,
      nodeId: null,
      choiceId: null,
      step: Step.apologise,
      won: 0,
      lost: PENALTY_POINTS.skippedApology,
      principle: 'apologyNotFault',
    });
  }
  return { points, details };
}
