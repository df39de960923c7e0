import { assign, setup } from 'xstate';
import type { Condition } from '../conditions/index.ts';
import type { Scenario } from '../model/scenario.ts';
import { afterChoice, afterSilence, holds, initialContext } from './effects.ts';
import type { Route, ScenarioIndex } from './index-scenario.ts';
import { CallEventType } from './types.ts';
import type { CallContext, CallEvent, CallInput } from './types.ts';

/** What a transition checks on the context as it will be after the answer. */
export type RouteCheck =
  | { readonly kind: 'angerLimit' }
  | { readonly kind: 'patienceLimit' }
  | { readonly kind: 'route'; readonly condition: Condition | null };

/**
 * Builds the XState machine of a scenario. One state per node (its value is the node id) and one
 * final state per ending. Guards and actions are named and implemented once in `setup()`; the
 * per-scenario structure is plain config whose params carry ids and parsed conditions.
 *
 * Each answer is a single transition: for every choice, the transitions are the meter limits
 * (anger, then patience) followed by the choice's routes in order, and each guard reads the
 * context as it will be after the answer. So the first that holds wins, exactly as the trainer
 * guide says, in one microstep. The machine has no timers: the view sends SILENCE.
 */
export function buildMachine(scenario: Scenario, index: ScenarioIndex) {
  const angerAt = scenario.limits.anger.at ?? 100;
  const patienceAt = scenario.limits.patience.at ?? 0;

  // The guards of one answer (limits, then routes) and its action all need the context after
  // that answer: compute it once per (context, event, choice). Pure, so caching is invisible.
  let memo: {
    context: CallContext;
    event: CallEvent;
    choiceId: string;
    after: CallContext;
  } | null = null;
  const after = (
    context: CallContext,
    event: CallEvent & { type: 'CHOOSE' },
    choiceId: string,
  ): CallContext | null => {
    if (memo?.context === context && memo.event === event && memo.choiceId === choiceId)
      return memo.after;
    const indexed = index.choices.get(choiceId);
    if (!indexed) return null;
    memo = {
      context,
      event,
      choiceId,
      after: afterChoice(scenario, context, indexed.nodeId, indexed.choice, event.elapsedMs),
    };
    return memo.after;
  };

  const passes = (after: CallContext, check: RouteCheck): boolean => {
    switch (check.kind) {
      case 'angerLimit':
        return after.meters.anger >= angerAt;
      case 'patienceLimit':
        return after.meters.patience <= patienceAt;
      case 'route':
        return holds(check.condition, after);
    }
  };

  const callSetup = setup({
    types: {
      context: {} as CallContext,
      events: {} as CallEvent,
      input: {} as CallInput,
    },
    guards: {
      /** This event picks this choice, it is on offer, and after it the check holds. */
      answerTakes: (
        { context, event },
        params: { choiceId: string; when: Condition | null; check: RouteCheck },
      ) => {
        if (event.type !== CallEventType.choose || event.choiceId !== params.choiceId) return false;
        if (!holds(params.when, context)) return false;
        const next = after(context, event, params.choiceId);
        return next !== null && passes(next, params.check);
      },
      /** Timers are on, and after this silence the check holds. */
      silenceTakes: ({ context }, params: { nodeId: string; check: RouteCheck }) =>
        context.timed && passes(afterSilence(scenario, context, params.nodeId), params.check),
    },
    actions: {
      applyChoice: assign(({ context, event }, params: { choiceId: string }) =>
        event.type === CallEventType.choose ? (after(context, event, params.choiceId) ?? {}) : {},
      ),
      applySilence: assign(({ context }, params: { nodeId: string }) =>
        afterSilence(scenario, context, params.nodeId),
      ),
    },
  });

  const checks = (routes: readonly Route[]): { check: RouteCheck; target: string }[] => [
    { check: { kind: 'angerLimit' }, target: scenario.limits.anger.ending },
    { check: { kind: 'patienceLimit' }, target: scenario.limits.patience.ending },
    ...routes.map((route) => ({
      check: { kind: 'route', condition: route.condition } as const,
      target: route.target,
    })),
  ];

  const states: Record<string, object> = {};
  for (const [nodeId, node] of Object.entries(scenario.nodes)) {
    states[nodeId] = {
      on: {
        [CallEventType.choose]: node.choices.flatMap((choice) => {
          const indexed = index.choices.get(choice.id);
          return checks(indexed?.routes ?? []).map(({ check, target }) => ({
            guard: {
              type: 'answerTakes',
              params: { choiceId: choice.id, when: indexed?.when ?? null, check },
            },
            target,
            actions: { type: 'applyChoice', params: { choiceId: choice.id } },
          }));
        }),
        [CallEventType.silence]: checks(index.silenceRoutes.get(nodeId) ?? []).map(
          ({ check, target }) => ({
            guard: { type: 'silenceTakes', params: { nodeId, check } },
            target,
            actions: { type: 'applySilence', params: { nodeId } },
          }),
        ),
      },
    };
  }
  for (const endingId of Object.keys(scenario.endings)) {
    states[endingId] = { type: 'final' };
  }

  return callSetup.createMachine({
    id: scenario.id,
    context: ({ input }) => initialContext(scenario, input.timed),
    initial: scenario.start,
    // Generated from data the loader checked; XState resolves every target when it builds.
    states: states as never,
  });
}

export type CallMachine = ReturnType<typeof buildMachine>;
