import { compileScenario } from '../compiler/compile-scenario.ts';
import {
  DEFAULT_HESITATION_AFTER,
  DEFAULT_HESITATION_METERS,
  DEFAULT_SILENCE_METERS,
  timeLimitMs,
} from '../compiler/effects.ts';
import type { Route } from '../compiler/index-scenario.ts';
import { CallEventType } from '../compiler/types.ts';
import type { CallContext, CallEvent, Meters } from '../compiler/types.ts';
import type { Condition } from '../conditions/index.ts';
import type { Scenario } from '../model/scenario.ts';
import type { TurnRecord } from '../replay/replay.ts';
import { MAX_TRANSCRIPT_EVENTS } from '../replay/transcript-format.ts';

/** Explorer answers take this share of the answer time: prompt, never hesitant by default. */
export const EXPLORER_ANSWER_SHARE = 0.25;
/** States searched at most: far beyond any trainer's file; past it the report says so. */
export const STATE_LIMIT = 4_000_000;

/** The numbers a condition reads, in this order. */
type Reader = (
  anger: number,
  trust: number,
  patience: number,
  cost: number,
  turns: number,
  flags: number,
) => boolean;

/** One answer (or silence) of a node, in numbers: what it does to a state. */
interface Move {
  readonly event: CallEvent;
  /** Offered while this holds (null: always). */
  readonly when: Reader | null;
  /** Meter changes in the order the engine applies them (the answer, then any hesitation). */
  readonly deltas: readonly (readonly [number, number, number])[];
  readonly setOn: number;
  readonly setOff: number;
  readonly cost: number;
  readonly routes: readonly { readonly test: Reader | null; readonly to: number }[];
  /** A critical error the answer is tagged with. */
  readonly tagged: boolean;
}

/**
 * Every state a call can reach, in numbers: for state `s`, the node (or ending) index `node[s]`,
 * its meters, flags (a bit per flag set true), compensation spent and turns; its answers are
 * the edges `edgeStart[s]` to `edgeStart[s + 1]`. Node indexes run over the scenario's nodes,
 * then its endings. Events are shared objects: one per node, answers on offer and answer.
 */
export interface CallGraph {
  readonly ids: readonly string[];
  /** Index of the first ending in `ids`. */
  readonly firstEnding: number;
  readonly size: number;
  readonly node: readonly number[];
  readonly anger: readonly number[];
  readonly trust: readonly number[];
  readonly patience: readonly number[];
  readonly flags: readonly number[];
  readonly cost: readonly number[];
  readonly turns: readonly number[];
  /** No choice is on offer in this state (silence may still be). */
  readonly deadEnd: Uint8Array;
  readonly edgeStart: readonly number[];
  readonly edgeTo: readonly number[];
  readonly edgeEvent: readonly CallEvent[];
  /** The answers on offer where the edge was taken (shared per node and offer). */
  readonly edgeOffered: readonly (readonly string[])[];
  /**
   * What kind of answer the edge is: one kind per node, answers on offer and answer. Everything
   * the scorer adds for an answer but a critical error of spending depends on its kind only.
   */
  readonly edgeKind: Int32Array;
  /** Each kind's node index, answers on offer and event. */
  readonly kinds: readonly {
    readonly node: number;
    readonly offered: readonly string[];
    readonly event: CallEvent;
  }[];
  /** The answer commits a critical error: its tag, or compensation crossing the allowance. */
  readonly edgeCritical: Uint8Array;
  /** States in an order where every edge goes forward; null when the graph has a cycle. */
  readonly order: readonly number[] | null;
  /** The search stopped at its state limit: facts are then lower bounds only. */
  readonly truncated: boolean;
  /** Whether the turn count is part of each state. */
  readonly withTurns: boolean;
  /** The flag names, by bit. */
  readonly flagNames: readonly string[];
}

function reader(condition: Condition | null, bit: (flag: string) => number): Reader | null {
  if (condition === null) return null;
  const compile = (node: Condition): Reader => {
    switch (node.kind) {
      case 'const': {
        const value = node.value;
        return () => value;
      }
      case 'flag': {
        const mask = bit(node.name);
        return (_a, _t, _p, _c, _n, flags) => (flags & mask) !== 0;
      }
      case 'not': {
        const operand = compile(node.operand);
        return (a, t, p, c, n, f) => !operand(a, t, p, c, n, f);
      }
      case 'and': {
        const left = compile(node.left);
        const right = compile(node.right);
        return (a, t, p, c, n, f) => left(a, t, p, c, n, f) && right(a, t, p, c, n, f);
      }
      case 'or': {
        const left = compile(node.left);
        const right = compile(node.right);
        return (a, t, p, c, n, f) => left(a, t, p, c, n, f) || right(a, t, p, c, n, f);
      }
      case 'compare': {
        const pick = ['anger', 'trust', 'patience', 'cost', 'turns'].indexOf(node.name);
        const value = node.value;
        const read = (a: number, t: number, p: number, c: number, n: number) =>
          pick === 0 ? a : pick === 1 ? t : pick === 2 ? p : pick === 3 ? c : n;
        switch (node.op) {
          case '<':
            return (a, t, p, c, n) => read(a, t, p, c, n) < value;
          case '<=':
            return (a, t, p, c, n) => read(a, t, p, c, n) <= value;
          case '>':
            return (a, t, p, c, n) => read(a, t, p, c, n) > value;
          case '>=':
            return (a, t, p, c, n) => read(a, t, p, c, n) >= value;
          case '==':
            return (a, t, p, c, n) => read(a, t, p, c, n) === value;
          case '!=':
            return (a, t, p, c, n) => read(a, t, p, c, n) !== value;
        }
      }
    }
  };
  return compile(condition);
}

function readsName(condition: Condition | null, name: 'turns'): boolean {
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

const deltaOf = (delta: Partial<Meters> | undefined): [number, number, number] => [
  delta?.anger ?? 0,
  delta?.trust ?? 0,
  delta?.patience ?? 0,
];

/**
 * Breadth-first search over every state a call can reach — every choice on offer at every
 * state, and silence when timers are on — with answers given promptly. Exact: a state reached
 * by many calls is one state, and every state is searched once. The moves are the compiled
 * machine's own effects in numbers (a property test proves they agree with the machine).
 */
export function callGraph(
  scenario: Scenario,
  timed: boolean,
  options: { limit?: number; withTurns?: boolean } = {},
): CallGraph {
  const limit = options.limit ?? STATE_LIMIT;
  const { index } = compileScenario(scenario);
  const nodeIds = Object.keys(scenario.nodes);
  const ids = [...nodeIds, ...Object.keys(scenario.endings)];
  const indexOf = new Map(ids.map((id, at) => [id, at]));
  const flagNames: string[] = [];
  const bit = (flag: string) => {
    let at = flagNames.indexOf(flag);
    if (at < 0) at = flagNames.push(flag) - 1;
    return 2 ** at;
  };
  for (const node of Object.values(scenario.nodes))
    for (const choice of node.choices) for (const flag of Object.keys(choice.set ?? {})) bit(flag);

  const routeMoves = (routes: readonly Route[]) =>
    routes.map((route) => ({
      test: reader(route.condition, bit),
      to: indexOf.get(route.target) ?? -1,
    }));
  let readsTurns = false;
  const moves: Move[][] = nodeIds.map((nodeId) => {
    const node = scenario.nodes[nodeId];
    if (!node) return [];
    const limitMs = timeLimitMs(scenario, nodeId);
    const elapsedMs = Math.round(limitMs * EXPLORER_ANSWER_SHARE);
    const hesitant =
      timed && elapsedMs > (scenario.hesitation?.after ?? DEFAULT_HESITATION_AFTER) * limitMs;
    const hesitation = scenario.hesitation?.meters ?? DEFAULT_HESITATION_METERS;
    const list: Move[] = node.choices.map((choice) => {
      const indexed = index.choices.get(choice.id);
      readsTurns ||=
        readsName(indexed?.when ?? null, 'turns') ||
        (indexed?.routes ?? []).some((route) => readsName(route.condition, 'turns'));
      let setOn = 0;
      let setOff = 0;
      for (const [flag, value] of Object.entries(choice.set ?? {})) {
        if (value) setOn |= bit(flag);
        else setOff |= bit(flag);
      }
      return {
        event: { type: CallEventType.choose, choiceId: choice.id, elapsedMs },
        when: reader(indexed?.when ?? null, bit),
        deltas: hesitant ? [deltaOf(choice.meters), deltaOf(hesitation)] : [deltaOf(choice.meters)],
        setOn,
        setOff,
        cost: choice.cost ?? 0,
        routes: routeMoves(indexed?.routes ?? []),
        tagged: choice.critical !== undefined,
      };
    });
    if (timed) {
      const silenceRoutes = index.silenceRoutes.get(nodeId) ?? [];
      readsTurns ||= silenceRoutes.some((route) => readsName(route.condition, 'turns'));
      list.push({
        event: { type: CallEventType.silence, elapsedMs: limitMs },
        when: null,
        deltas: [deltaOf(node.onSilence ? node.onSilence.meters : DEFAULT_SILENCE_METERS)],
        setOn: 0,
        setOff: 0,
        cost: 0,
        routes: routeMoves(silenceRoutes),
        tagged: false,
      });
    }
    return list;
  });
  const withTurns = options.withTurns === true || readsTurns;
  const angerAt = scenario.limits.anger.at ?? 100;
  const patienceAt = scenario.limits.patience.at ?? 0;
  const angerEnding = indexOf.get(scenario.limits.anger.ending) ?? -1;
  const patienceEnding = indexOf.get(scenario.limits.patience.ending) ?? -1;
  const firstEnding = nodeIds.length;
  const allowance =
    scenario.loss === undefined
      ? Number.POSITIVE_INFINITY
      : scenario.loss + (scenario.goodwill ?? 0);

  const node: number[] = [];
  const anger: number[] = [];
  const trust: number[] = [];
  const patience: number[] = [];
  const flags: number[] = [];
  const cost: number[] = [];
  const turns: number[] = [];
  const edgeStart: number[] = [];
  const edgeTo: number[] = [];
  const edgeEvent: CallEvent[] = [];
  const edgeOffered: (readonly string[])[] = [];
  const critical: number[] = [];
  const deadEnds: number[] = [];
  // One table per node, keyed by a small integer (meters, flags, spend, turns) while that stays a
  // small integer, which maps hash fastest; by text otherwise (very many flags or costs).
  const costIds = new Map<number, number>([[0, 0]]);
  const flagSpace = 2 ** flagNames.length;
  const turnSpace = withTurns ? MAX_TRANSCRIPT_EVENTS + 1 : 1;
  const costSpace = 64;
  const small = 101 ** 3 * flagSpace * costSpace * turnSpace < 2 ** 30;
  const known = ids.map(() => new Map<number | string, number>());
  const keyOf = (a: number, t: number, p: number, f: number, c: number, n: number) => {
    let costId = c === 0 ? 0 : costIds.get(c);
    if (costId === undefined) {
      costId = costIds.size;
      costIds.set(c, costId);
    }
    if (!small || costId >= costSpace)
      return `${String(a)},${String(t)},${String(p)}|${String(f)}|${String(c)}|${withTurns ? String(n) : ''}`;
    const key = (((a * 101 + t) * 101 + p) * flagSpace + f) * costSpace + costId;
    return withTurns ? key * turnSpace + n : key;
  };
  const stateOf = (
    at: number,
    a: number,
    t: number,
    p: number,
    f: number,
    c: number,
    n: number,
  ) => {
    const table = known[at] as Map<number | string, number>;
    const key = keyOf(a, t, p, f, c, n);
    const found = table.get(key);
    if (found !== undefined) return found;
    const id = node.length;
    node.push(at);
    anger.push(a);
    trust.push(t);
    patience.push(p);
    flags.push(f);
    cost.push(c);
    turns.push(n);
    table.set(key, id);
    return id;
  };

  const start = scenario.meters;
  stateOf(indexOf.get(scenario.start) ?? 0, start.anger, start.trust, start.patience, 0, 0, 0);
  const offerCache = new Map<string, string[]>();
  const kindsOf = new Map<readonly string[], number[]>();
  const kinds: { node: number; offered: readonly string[]; event: CallEvent }[] = [];
  const edgeKind: number[] = [];
  let truncated = false;
  let head = 0;
  for (; head < node.length; head += 1) {
    edgeStart.push(edgeTo.length);
    if (node.length > limit) {
      truncated = true;
      break;
    }
    const at = node[head] ?? 0;
    if (at >= firstEnding) continue;
    const a = anger[head] ?? 0;
    const t = trust[head] ?? 0;
    const p = patience[head] ?? 0;
    const f = flags[head] ?? 0;
    const c = cost[head] ?? 0;
    const n = turns[head] ?? 0;
    // Where the turn count is part of a state (the call can loop), the search stops at the
    // longest transcript the engine accepts; elsewhere the graph is finite without it.
    if (withTurns && n >= MAX_TRANSCRIPT_EVENTS) continue;
    const list = moves[at] ?? [];
    let offerKey = '';
    for (const move of list)
      if (
        move.event.type === CallEventType.choose &&
        (move.when === null || move.when(a, t, p, c, n, f))
      )
        offerKey += `${move.event.choiceId},`;
    let offered = offerCache.get(`${String(at)}|${offerKey}`);
    if (!offered) {
      offered = offerKey.split(',').filter((id) => id !== '');
      offerCache.set(`${String(at)}|${offerKey}`, offered);
    }
    if (offered.length === 0) deadEnds.push(head);
    let kindIds = kindsOf.get(offered);
    if (!kindIds) {
      const known = offered;
      kindIds = list.map((move) => kinds.push({ node: at, offered: known, event: move.event }) - 1);
      kindsOf.set(offered, kindIds);
    }
    for (let moveIndex = 0; moveIndex < list.length; moveIndex += 1) {
      const move = list[moveIndex] as Move;
      if (move.when !== null && !move.when(a, t, p, c, n, f)) continue;
      let na = a;
      let nt = t;
      let np = p;
      for (const delta of move.deltas) {
        na = Math.max(0, Math.min(100, na + delta[0]));
        nt = Math.max(0, Math.min(100, nt + delta[1]));
        np = Math.max(0, Math.min(100, np + delta[2]));
      }
      const nf = (f | move.setOn) & ~move.setOff;
      const nc = c + move.cost;
      const nn = n + 1;
      let to = -1;
      if (na >= angerAt) to = angerEnding;
      else if (np <= patienceAt) to = patienceEnding;
      else {
        for (const route of move.routes) {
          if (route.test === null || route.test(na, nt, np, nc, nn, nf)) {
            to = route.to;
            break;
          }
        }
      }
      if (to < 0) continue;
      edgeTo.push(stateOf(to, na, nt, np, nf, nc, nn));
      edgeEvent.push(move.event);
      edgeOffered.push(offered);
      edgeKind.push(kindIds[moveIndex] ?? 0);
      critical.push(move.tagged || (c <= allowance && nc > allowance) ? 1 : 0);
    }
  }
  for (; edgeStart.length <= node.length;) edgeStart.push(edgeTo.length);
  const deadEnd = new Uint8Array(node.length);
  for (const id of deadEnds) deadEnd[id] = 1;
  const graph = {
    ids,
    firstEnding,
    size: node.length,
    node,
    anger,
    trust,
    patience,
    flags,
    cost,
    turns,
    deadEnd,
    edgeStart,
    edgeTo,
    edgeEvent,
    edgeOffered,
    edgeKind: Int32Array.from(edgeKind),
    kinds,
    edgeCritical: Uint8Array.from(critical),
    truncated,
    withTurns,
    flagNames,
  };
  return { ...graph, order: truncated ? null : topologicalOrder(graph) };
}

/** Kahn's algorithm: states with every edge pointing forward, or null when there is a cycle. */
function topologicalOrder(graph: Omit<CallGraph, 'order'>): number[] | null {
  const incoming = new Int32Array(graph.size);
  for (const to of graph.edgeTo) incoming[to] = (incoming[to] ?? 0) + 1;
  const order: number[] = [];
  const ready: number[] = [];
  for (let id = 0; id < graph.size; id += 1) if (incoming[id] === 0) ready.push(id);
  while (ready.length > 0) {
    const id = ready.pop() ?? 0;
    order.push(id);
    for (let edge = graph.edgeStart[id] ?? 0; edge < (graph.edgeStart[id + 1] ?? 0); edge += 1) {
      const to = graph.edgeTo[edge] ?? 0;
      const left = (incoming[to] ?? 0) - 1;
      incoming[to] = left;
      if (left === 0) ready.push(to);
    }
  }
  return order.length === graph.size ? order : null;
}

/** The context of a state, as the engine keeps it (for the scorer's checks and reports). */
export function contextOf(graph: CallGraph, state: number, timed: boolean): CallContext {
  const mask = graph.flags[state] ?? 0;
  const flags: Record<string, boolean> = {};
  graph.flagNames.forEach((flag, at) => {
    if ((mask & (2 ** at)) !== 0) flags[flag] = true;
  });
  return {
    meters: {
      anger: graph.anger[state] ?? 0,
      trust: graph.trust[state] ?? 0,
      patience: graph.patience[state] ?? 0,
    },
    flags,
    turns: graph.turns[state] ?? 0,
    cost: graph.cost[state] ?? 0,
    timed,
    last: null,
  };
}

/** The turn an edge stands for, enough for the scorer's per-turn evidence (node, offer, answer). */
export function edgeTurn(
  graph: CallGraph,
  scenario: Scenario,
  from: number,
  edge: number,
  timed: boolean,
): TurnRecord {
  const nodeId = graph.ids[graph.node[from] ?? 0] ?? '';
  const to = graph.edgeTo[edge] ?? 0;
  return {
    nodeId,
    event: graph.edgeEvent[edge] as CallEvent,
    offered: graph.edgeOffered[edge] ?? [],
    timeLimitMs: timeLimitMs(scenario, nodeId),
    before: contextOf(graph, from, timed),
    after: contextOf(graph, to, timed),
    to: graph.ids[graph.node[to] ?? 0] ?? '',
  };
}
