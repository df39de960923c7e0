import type { Scenario } from '../model/scenario.ts';
import { afterChoice, afterSilence, holds } from './effects.ts';
import type { Route, ScenarioIndex } from './index-scenario.ts';
import { CallEventType } from './types.ts';
import type { CallContext, CallEvent } from './types.ts';

/** Where one answer takes the call: the context after it and the node or ending it leads to. */
export interface Transition {
  readonly context: CallContext;
  readonly to: string;
}

/**
 * The transition the compiled machine takes for an event at a node, computed from the same
 * effects and in the same order (the meter limits, then the routes in order, each read on the
 * context after the answer) — without building a snapshot. The explorer searches millions of
 * these; a property test proves it agrees with the machine on every shipped scenario. Null when
 * the machine would not accept the event.
 */
export function transitionOf(
  scenario: Scenario,
  index: ScenarioIndex,
  nodeId: string,
  context: CallContext,
  event: CallEvent,
): Transition | null {
  let after: CallContext;
  let routes: readonly Route[];
  if (event.type === CallEventType.choose) {
    const indexed = index.choices.get(event.choiceId);
    if (indexed?.nodeId !== nodeId || !holds(indexed.when, context)) return null;
    after = afterChoice(scenario, context, nodeId, indexed.choice, event.elapsedMs);
    routes = indexed.routes;
  } else {
    if (!context.timed || !Object.hasOwn(scenario.nodes, nodeId)) return null;
    after = afterSilence(scenario, context, nodeId);
    routes = index.silenceRoutes.get(nodeId) ?? [];
  }
  if (after.meters.anger >= (scenario.limits.anger.at ?? 100))
    return { context: after, to: scenario.limits.anger.ending };
  if (after.meters.patience <= (scenario.limits.patience.at ?? 0))
    return { context: after, to: scenario.limits.patience.ending };
  const route = routes.find((candidate) => holds(candidate.condition, after));
  return route ? { context: after, to: route.target } : null;
}
