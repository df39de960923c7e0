import { CallEventType } from '../compiler/types.ts';
import type { Scenario } from '../model/scenario.ts';
import { STEP_PRINCIPLE } from '../model/principles.ts';
import { STEP_IDS, Step } from '../model/steps.ts';
import type { StepId } from '../model/steps.ts';
import type { TurnRecord } from '../replay/replay.ts';
import { PointReason, STEP_POINTS } from './scorecard.ts';
import type { Scorecard, ScorePoint } from './scorecard.ts';
import type { TurnCache } from './turn-cache.ts';
import { stepOrderOf, stepPoints } from './parts.ts';

/**
 * What one turn means for the steps: the step it performed, whether it interrupted a vent, and
 * whether it left dead air.
 */
export interface TurnSteps {
  readonly step: StepId | undefined;
  readonly interrupts: boolean;
  readonly deadAir: boolean;
}
/** What a turn does for the steps (the explorer's search scores turns one at a time). */
export function turnSteps(scenario: Scenario, turn: TurnRecord): TurnSteps {
  return stepsOf(scenario, turn, undefined);
}

/** What a turn does for the steps, from the caller's cache when it keeps one. */
function stepsOf(scenario: Scenario, turn: TurnRecord, cache: TurnCache | undefined): TurnSteps {
  const cached = cache?.steps.get(turn);
  if (cached) return cached;
  const event = turn.event;
  const choice =
    event.type === CallEventType.choose
      ? scenario.nodes[turn.nodeId]?.choices.find((candidate) => candidate.id === event.choiceId)
      : undefined;
  const node = scenario.nodes[turn.nodeId];
  // While the customer vents, the only right move is to listen: an explanation, a question, a
  // data request, "please calm down" or an early solution all cut the venting short (001 §三 1).
  const venting = node?.step === Step.vent;
  const result: TurnSteps = choice
    ? { step: choice.step, interrupts: venting && choice.step !== Step.vent, deadAir: false }
    : { step: undefined, interrupts: false, deadAir: node?.onSilence?.deadAir !== false };
  cache?.steps.set(turn, result);
  return result;
}

/**
 * The steps component (seed 001 §四): each step performed and the steps in order. It also finds
 * the interruptions and the dead air, which the penalties deduct at a fixed rate.
 */
export function scoreSteps(
  scenario: Scenario,
  turns: readonly TurnRecord[],
  options: { explain: boolean; cache?: TurnCache | undefined } = { explain: true },
): { points: number; steps: Scorecard['steps']; details: ScorePoint[] } {
  const { explain } = options;
  const firstPerformed: Record<StepId, number | null> = {
    vent: null,
    apologise: null,
    ask: null,
    followUp: null,
  };
  const interruptions: number[] = [];
  const deadAir: number[] = [];
  turns.forEach((turn, index) => {
    const { step, interrupts, deadAir: silent } = stepsOf(scenario, turn, options.cache);
    if (step && firstPerformed[step] === null) firstPerformed[step] = index;
    if (interrupts) interruptions.push(index);
    if (silent) deadAir.push(index);
  });

  const details: ScorePoint[] = [];
  // Built only when explaining: the explorer scores thousands of calls and reads none of it.
  const item = (build: () => Omit<ScorePoint, 'component'>) => {
    if (explain) details.push({ component: 'steps', ...build() });
  };
  const choiceAt = (turn: number | null) => {
    const record = turn === null ? undefined : turns[turn];
    return {
      nodeId: record?.nodeId ?? null,
      choiceId: record?.event.type === CallEventType.choose ? record.event.choiceId : null,
    };
  };

  for (const step of STEP_IDS) {
    const turn = firstPerformed[step];
    const done = turn !== null;
    item(() => ({
      reason: done ? PointReason.stepPerformed : PointReason.stepMissing,
      turn,
      ...choiceAt(turn),
      step,
      won: done ? STEP_POINTS.performed : 0,
      lost: done ? 0 : STEP_POINTS.performed,
      principle: STEP_PRINCIPLE[step],
    }));
  }

  const order = STEP_IDS.filter((step) => firstPerformed[step] !== null).sort(
    (a, b) => (firstPerformed[a] ?? 0) - (firstPerformed[b] ?? 0),
  );
  const { inversions, firstOutOfOrder, orderPoints } = stepOrderOf(order);
  const blamed: StepId = firstOutOfOrder ?? Step.vent;
  const blamedTurn = firstOutOfOrder === null ? null : firstPerformed[firstOutOfOrder];
  item(() => ({
    reason: PointReason.stepOrder,
    turn: blamedTurn,
    ...choiceAt(blamedTurn),
    step: blamed,
    won: orderPoints,
    lost: STEP_POINTS.order - orderPoints,
    principle: STEP_PRINCIPLE[blamed],
  }));

  const steps = { firstPerformed, order, inOrder: inversions === 0, interruptions, deadAir };
  return { points: stepPoints(order), steps, details };
}
