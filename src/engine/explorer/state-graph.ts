import { compileScenario } from '../compiler/compile-scenario.ts';
import { holds, initialContext, timeLimitMs } from '../compiler/effects.ts';
import type { ScenarioIndex } from '../compiler/index-scenario.ts';
import { transitionOf } from '../compiler/transition.ts';
import { CallEventType } from '../compiler/types.ts';
import type { CallContext, CallEvent } from '../compiler/types.ts';
import type { Condition } from '../conditions/index.ts';
import type { Scenario } from '../model/scenario.ts';
import type { TurnRecord } from '../replay/replay.ts';
import { MAX_TRANSCRIPT_EVENTS } from '../replay/transcript-format.ts';

/** Explorer answers take this share of the answer time: prompt, never hesitant. */
export const EXPLORER_ANSWER_SHARE = 0.25;
/** States searched at most: far beyond any trainer's file; past it the report says so. */
export const STATE_LIMIT = 3_000_000;

/** One answer from a state: the event, the state it leads to, and the turn as the scorer sees it. */
export interface GraphEdge {
  readonly event: CallEvent;
  readonly to: number;
  readonly turn: TurnRecord;
}

/**
 * A settled state of the call: the node (or ending) and everything that can change what follows
 * — meters, flags, compensation spent, and the turn count where a condition reads it.
 */
export interface GraphState {
  readonly id: number;
  readonly nodeId: string;
  readonly context: CallContext;
  readonly ending: boolean;
  readonly edges: GraphEdge[];
  /** No choice is on offer here (silence may still be). */
  readonly deadEnd: boolean;
}

/** Every state a call can reach, searched once; the explorer's facts and scores read it. */
export interface StateGraph {
  readonly states: readonly GraphState[];
  /** States in an order where every edge goes forward; null when the graph has a cycle. */
  readonly order: readonly number[] | null;
  /** The search stopped at `STATE_LIMIT`: facts are then lower bounds only. */
  readonly truncated: boolean;
}

function readsName(condition: Condition | null, name: 'turns' | 'cost'): boolean {
  if (condition === null) return false;
  switch (condition.kind) {
    case 'const':
    case 'flag':
      return false;
    case 'compare':
      return condition.name === name;
    case 'not':
      return readsName(condition.operand, name);
    case 'and':
    case 'or':
      return readsName(condition.left, name) || readsName(condition.right, name);
  }
}

/** Whether any condition of the scenario reads the turn count (then it is part of a state). */
function conditionsReadTurns(index: ScenarioIndex): boolean {
  for (const choice of index.choices.values()) {
    if (readsName(choice.when, 'turns')) return true;
    if (choice.routes.some((route) => readsName(route.condition, 'turns'))) return true;
  }
  for (const routes of index.silenceRoutes.values())
    if (routes.some((route) => readsName(route.condition, 'turns'))) return true;
  return false;
}

/** The key of a settled state: what decides everything that can follow (see `GraphState`). */
export function graphKey(nodeId: string, context: CallContext, withTurns: boolean): string {
  const { meters, flags } = context;
  const names = Object.keys(flags);
  let flagKey = '';
  if (names.length > 0) {
    names.sort();
    flagKey = names.map((flag) => (flags[flag] ? flag : `!${flag}`)).join(',');
  }
  const base = `${nodeId}|${String(meters.anger)},${String(meters.trust)},${String(meters.patience)}|${flagKey}|${String(context.cost)}`;
  return withTurns ? `${base}|${String(context.turns)}` : base;
}

/**
 * Breadth-first search over every state a call can reach — every choice on offer at every
 * state, and silence when timers are on — with answers given promptly. Exact: no path is
 * walked twice, and a state reached by many paths is one state.
 */
export function stateGraph(scenario: Scenario, timed: boolean, limit = STATE_LIMIT): StateGraph {
  const { index } = compileScenario(scenario);
  const withTurns = conditionsReadTurns(index);
  const states: GraphState[] = [];
  const ids = new Map<string, number>();
  const queue: number[] = [];
  let truncated = false;

  const stateOf = (nodeId: string, context: CallContext): number => {
    const ending = Object.hasOwn(scenario.endings, nodeId);
    const key = graphKey(nodeId, context, withTurns);
    const known = ids.get(key);
    if (known !== undefined) return known;
    const id = states.length;
    states.push({ id, nodeId, context, ending, edges: [], deadEnd: false });
    ids.set(key, id);
    if (!ending) queue.push(id);
    return id;
  };

  stateOf(scenario.start, initialContext(scenario, timed));
  for (let head = 0; head < queue.length; head += 1) {
    if (states.length > limit) {
      truncated = true;
      break;
    }
    const state = states[queue[head] ?? 0];
    if (!state) continue;
    const node = scenario.nodes[state.nodeId];
    // No call is longer than a transcript may be: a longer one could never be submitted.
    if (!node || state.context.turns >= MAX_TRANSCRIPT_EVENTS) continue;
    const limitMs = timeLimitMs(scenario, state.nodeId);
    const offered = node.choices
      .filter((choice) => holds(index.choices.get(choice.id)?.when ?? null, state.context))
      .map((choice) => choice.id);
    const events: CallEvent[] = offered.map((choiceId) => ({
      type: CallEventType.choose,
      choiceId,
      elapsedMs: Math.round(limitMs * EXPLORER_ANSWER_SHARE),
    }));
    if (timed) events.push({ type: CallEventType.silence, elapsedMs: limitMs });
    if (offered.length === 0) (state as { deadEnd: boolean }).deadEnd = true;
    for (const event of events) {
      const next = transitionOf(scenario, index, state.nodeId, state.context, event);
      if (!next) continue;
      const to = stateOf(next.to, next.context);
      state.edges.push({
        event,
        to,
        turn: {
          nodeId: state.nodeId,
          event,
          offered,
          timeLimitMs: limitMs,
          before: state.context,
          after: next.context,
          to: next.to,
        },
      });
    }
  }
  return { states, order: truncated ? null : topologicalOrder(states), truncated };
}

/** Kahn's algorithm: states with every edge pointing forward, or null when there is a cycle. */
function topologicalOrder(states: readonly GraphState[]): number[] | null {
  const incoming = new Array<number>(states.length).fill(0);
  for (const state of states)
    for (const edge of state.edges) incoming[edge.to] = (incoming[edge.to] ?? 0) + 1;
  const order: number[] = [];
  const ready = states.filter((state) => incoming[state.id] === 0).map((state) => state.id);
  while (ready.length > 0) {
    const id = ready.pop() ?? 0;
    order.push(id);
    for (const edge of states[id]?.edges ?? []) {
      const left = (incoming[edge.to] ?? 0) - 1;
      incoming[edge.to] = left;
      if (left === 0) ready.push(edge.to);
    }
  }
  return order.length === states.length ? order : null;
}
