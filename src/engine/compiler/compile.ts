import { assign, setup } from 'xstate';
import type { Condition } from '../conditions/index.ts';
import { evaluateCondition } from '../conditions/index.ts';
import type { Scenario } from '../model/scenario.ts';
import { afterChoice, afterSilence, conditionScope, holds, initialContext } from './effects.ts';
import type { Route, ScenarioIndex } from './index-scenario.ts';
import { CallEventType, ROUTE_SEPARATOR, SILENCE_ROUTE } from './types.ts';
import type { CallContext, CallEvent, CallInput } from './types.ts';

export const routeStateId = (nodeId: string, choiceId: string | null) =>
  `${nodeId}${ROUTE_SEPARATOR}${choiceId ?? SILENCE_ROUTE}`;

/**
 * Builds the XState machine of a scenario. Guards and actions are named and implemented once in
 * `setup()`; the per-scenario structure is plain config whose params carry ids and parsed
 * conditions. The machine has no timers: the view sends SILENCE when the answer time runs out.
 *
 * States: one per node (value = node id), one final state per ending (value = ending id), and a
 * transient routing state per choice (`node~choice`) whose eventless transitions check the meter
 * limits first, then the choice's routes in order.
 */
export function buildMachine(scenario: Scenario, index: ScenarioIndex) {
  const anger = scenario.limits.anger;
  const patience = scenario.limits.patience;
  const angerAt = anger.at ?? 100;
  const patienceAt = patience.at ?? 0;

  const callSetup = setup({
    types: {
      context: {} as CallContext,
      events: {} as CallEvent,
      input: {} as CallInput,
    },
    guards: {
      /** The event picks this choice, and the choice is on offer right now. */
      offered: ({ context, event }, params: { choiceId: string; when: Condition | null }) =>
        event.type === CallEventType.choose &&
        event.choiceId === params.choiceId &&
        holds(params.when, context),
      timersOn: ({ context }) => context.timed,
      angerAtLimit: ({ context }) => context.meters.anger >= angerAt,
      patienceExhausted: ({ context }) => context.meters.patience <= patienceAt,
      condition: ({ context }, params: { condition: Condition }) =>
        evaluateCondition(params.condition, conditionScope(context)),
    },
    actions: {
      applyChoice: assign(({ context, event }, params: { choiceId: string }) => {
        const indexed = index.choices.get(params.choiceId);
        if (!indexed || event.type !== CallEventType.choose) return {};
        return afterChoice(scenario, context, indexed.nodeId, indexed.choice, event.elapsedMs);
      }),
      applySilence: assign(({ context }, params: { nodeId: string }) =>
        afterSilence(scenario, context, params.nodeId),
      ),
    },
  });

  interface Transition {
    guard?:
      | { type: 'condition'; params: { condition: Condition } }
      | 'angerAtLimit'
      | 'patienceExhausted';
    target: string;
  }
  const routing = (routes: readonly Route[]): { always: Transition[] } => ({
    always: [
      { guard: 'angerAtLimit', target: anger.ending },
      { guard: 'patienceExhausted', target: patience.ending },
      ...routes.map((route): Transition =>
        route.condition
          ? {
              guard: { type: 'condition', params: { condition: route.condition } },
              target: route.target,
            }
          : { target: route.target },
      ),
    ],
  });

  const states: Record<string, object> = {};
  for (const [nodeId, node] of Object.entries(scenario.nodes)) {
    states[nodeId] = {
      on: {
        [CallEventType.choose]: node.choices.map((choice) => ({
          guard: {
            type: 'offered',
            params: { choiceId: choice.id, when: index.choices.get(choice.id)?.when ?? null },
          },
          target: routeStateId(nodeId, choice.id),
          actions: { type: 'applyChoice', params: { choiceId: choice.id } },
        })),
        [CallEventType.silence]: {
          guard: 'timersOn',
          target: routeStateId(nodeId, null),
          actions: { type: 'applySilence', params: { nodeId } },
        },
      },
    };
    for (const choice of node.choices) {
      states[routeStateId(nodeId, choice.id)] = routing(index.choices.get(choice.id)?.routes ?? []);
    }
    states[routeStateId(nodeId, null)] = routing(index.silenceRoutes.get(nodeId) ?? []);
  }
  for (const endingId of Object.keys(scenario.endings)) {
    states[endingId] = { type: 'final' };
  }

  return callSetup.createMachine({
    id: scenario.id,
    context: ({ input }) => initialContext(scenario, input.timed),
    initial: scenario.start,
    // The config is generated from data the loader checked; XState validates targets when it builds.
    states: states as never,
  });
}

export type CallMachine = ReturnType<typeof buildMachine>;
