import { evaluateCondition } from '../conditions/index.ts';
import type { Condition, ConditionScope } from '../conditions/index.ts';
import type { Choice, MeterId, Scenario } from '../model/scenario.ts';
import { METER_IDS } from '../model/scenario.ts';
import type { CallContext, Meters } from './types.ts';

/** The answer-time fraction after which a reply counts as hesitant, unless the scenario says. */
export const DEFAULT_HESITATION_AFTER = 0.6;
/** What a hesitant answer costs, unless the scenario says. */
export const DEFAULT_HESITATION_METERS: Partial<Meters> = { patience: -5 };
/** What silence costs when a node has no onSilence. */
export const DEFAULT_SILENCE_METERS: Partial<Meters> = { patience: -15, anger: 10 };

const clamp = (value: number) => Math.max(0, Math.min(100, value));

export function applyDeltas(meters: Meters, ...deltas: (Partial<Meters> | undefined)[]): Meters {
  const next: Record<MeterId, number> = { ...meters };
  for (const delta of deltas) {
    if (!delta) continue;
    for (const meter of METER_IDS) next[meter] = clamp(next[meter] + (delta[meter] ?? 0));
  }
  return next;
}

/** Answer time of a node in milliseconds. */
export function timeLimitMs(scenario: Scenario, nodeId: string): number {
  return (scenario.nodes[nodeId]?.timeLimit ?? scenario.timeLimit) * 1000;
}

export function isHesitant(scenario: Scenario, nodeId: string, elapsedMs: number): boolean {
  const after = scenario.hesitation?.after ?? DEFAULT_HESITATION_AFTER;
  return elapsedMs > after * timeLimitMs(scenario, nodeId);
}

export function conditionScope(context: CallContext): ConditionScope {
  return {
    numbers: { ...context.meters, cost: context.cost, turns: context.turns },
    flags: context.flags,
  };
}

export function holds(condition: Condition | null, context: CallContext): boolean {
  return condition === null || evaluateCondition(condition, conditionScope(context));
}

/** The context after a choice: meters, hesitation, flags, compensation and the turn count. */
export function afterChoice(
  scenario: Scenario,
  context: CallContext,
  nodeId: string,
  choice: Choice,
  elapsedMs: number,
): CallContext {
  const hesitated = context.timed && isHesitant(scenario, nodeId, elapsedMs);
  const hesitation = hesitated
    ? (scenario.hesitation?.meters ?? DEFAULT_HESITATION_METERS)
    : undefined;
  return {
    ...context,
    meters: applyDeltas(context.meters, choice.meters, hesitation),
    flags: choice.set ? { ...context.flags, ...choice.set } : context.flags,
    cost: context.cost + (choice.cost ?? 0),
    turns: context.turns + 1,
    last: { nodeId, choiceId: choice.id, hesitated, metersBefore: context.meters },
  };
}

/** The context after the answer time ran out. */
export function afterSilence(
  scenario: Scenario,
  context: CallContext,
  nodeId: string,
): CallContext {
  const silence = scenario.nodes[nodeId]?.onSilence;
  return {
    ...context,
    meters: applyDeltas(context.meters, silence ? silence.meters : DEFAULT_SILENCE_METERS),
    turns: context.turns + 1,
    last: { nodeId, choiceId: null, hesitated: true, metersBefore: context.meters },
  };
}

export function initialContext(scenario: Scenario, timed: boolean): CallContext {
  return { meters: { ...scenario.meters }, flags: {}, turns: 0, cost: 0, timed, last: null };
}
