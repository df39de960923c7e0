import { CallEventType } from '../compiler/types.ts';
import type { CallEvent } from '../compiler/types.ts';
import { replayEvents } from '../replay/replay.ts';
import { Locale } from '../model/locales.ts';
import type { Scenario } from '../model/scenario.ts';
import { TIP_IDS } from '../model/tips.ts';
import { Step } from '../model/steps.ts';
import { analysisFromGraph } from '../scoring/analysis.ts';
import { scoreCall } from '../scoring/score.ts';
import { tipsExercised } from '../scoring/score-tips.ts';
import { exactScores } from './exact-search.ts';
import type { SearchedCall } from './exact-search.ts';
import { expectedRandomTotal } from './expected-total.ts';
import { bestAnswerLength, isClean, strategyResults } from './giveaways.ts';
import type { DeadEnd, ExploreOptions, ExploreReport } from './report.ts';
import { EXPLORER_ANSWER_SHARE, STATE_LIMIT, callGraph } from './call-graph.ts';
import type { CallGraph } from './call-graph.ts';

/** A call the search reports, checked against the machine and the scorecard: they agree. */
function verified(scenario: Scenario, call: SearchedCall | null, timed: boolean) {
  if (call === null) return null;
  const replayed = replayEvents(scenario, timed, call.events);
  if (!replayed.ok)
    throw new Error(
      `explorer: a reported call of "${scenario.id}" does not replay: ${replayed.error.message}`,
    );
  const { turns, endingId, final } = replayed.result;
  const card = scoreCall(
    scenario,
    { turns, endingId, final: final.context, timed, locale: Locale.en },
    { explain: false },
  );
  if (endingId !== call.endingId || card.total !== call.total)
    throw new Error(
      `explorer: "${scenario.id}" searched ${String(call.total)} but scores ${String(card.total)} on ${call.states.join(' → ')}`,
    );
  return call;
}

/** Complete calls through each state (edges counted, so a number past 2⁵³ is approximate). */
function countPaths(graph: CallGraph, keep: (edge: number) => boolean = () => true): Float64Array {
  const counts = new Float64Array(graph.size);
  counts[0] = 1;
  for (const id of graph.order ?? []) {
    const here = counts[id] ?? 0;
    if (here === 0) continue;
    for (let edge = graph.edgeStart[id] ?? 0; edge < (graph.edgeStart[id + 1] ?? 0); edge += 1)
      if (keep(edge))
        counts[graph.edgeTo[edge] ?? 0] = (counts[graph.edgeTo[edge] ?? 0] ?? 0) + here;
  }
  return counts;
}

/** The edge that first reached each state, breadth first (a shortest way there), or −1. */
function firstWays(graph: CallGraph): { edge: Int32Array; from: Int32Array } {
  const edge = new Int32Array(graph.size).fill(-1);
  const from = new Int32Array(graph.size).fill(-1);
  from[0] = 0;
  const queue = [0];
  for (const id of queue) {
    for (let at = graph.edgeStart[id] ?? 0; at < (graph.edgeStart[id + 1] ?? 0); at += 1) {
      const to = graph.edgeTo[at] ?? 0;
      if (from[to] !== -1) continue;
      from[to] = id;
      edge[to] = at;
      queue.push(to);
    }
  }
  return { edge, from };
}

/**
 * The shortest call that reaches a good ending without ever performing the follow-up step, if
 * there is one: breadth first over (state, followed up yet).
 */
function goodWithoutFollowUp(scenario: Scenario, graph: CallGraph, timed: boolean) {
  const followsUp = (edge: number) => {
    const event = graph.edgeEvent[edge];
    return (
      event?.type === CallEventType.choose &&
      scenario.nodes[graph.ids[graph.node[sourceOf(graph, edge)] ?? 0] ?? '']?.choices.find(
        (choice) => choice.id === event.choiceId,
      )?.step === Step.followUp
    );
  };
  // Only calls that have not followed up matter: the others are never what this looks for.
  const parent = new Int32Array(graph.size).fill(-1);
  const seen = new Uint8Array(graph.size);
  seen[0] = 1;
  const queue = [0];
  for (const state of queue) {
    const at = graph.node[state] ?? 0;
    if (at >= graph.firstEnding) {
      if (scenario.endings[graph.ids[at] ?? '']?.outcome !== 'good') continue;
      const events: CallEvent[] = [];
      for (let back = state; back > 0; back = sourceOf(graph, parent[back] ?? 0)) {
        const event = graph.edgeEvent[parent[back] ?? 0];
        if (event) events.unshift(event);
      }
      return scoredCall(scenario, events, timed);
    }
    for (
      let edge = graph.edgeStart[state] ?? 0;
      edge < (graph.edgeStart[state + 1] ?? 0);
      edge += 1
    ) {
      const to = graph.edgeTo[edge] ?? 0;
      if (seen[to] || followsUp(edge)) continue;
      seen[to] = 1;
      parent[to] = edge;
      queue.push(to);
    }
  }
  return null;
}

/** The state an edge leaves (edges are stored state by state). */
function sourceOf(graph: CallGraph, edge: number): number {
  let low = 0;
  let high = graph.size - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((graph.edgeStart[middle] ?? 0) <= edge) low = middle;
    else high = middle - 1;
  }
  // Endings have no edges: step back to the state that owns this one.
  while (low > 0 && (graph.edgeStart[low + 1] ?? 0) <= edge) low += 1;
  return low;
}

/** A call given as events, with the states it passes and its total, as the scorecard has it. */
function scoredCall(scenario: Scenario, events: readonly CallEvent[], timed: boolean) {
  const replayed = replayEvents(scenario, timed, events);
  if (!replayed.ok || replayed.result.endingId === null) return null;
  const { turns, endingId, final } = replayed.result;
  const card = scoreCall(
    scenario,
    { turns, endingId, final: final.context, timed, locale: Locale.en },
    { explain: false },
  );
  return {
    events,
    states: [scenario.start, ...replayed.result.states],
    endingId,
    total: card.total,
  };
}

/**
 * Explores a scenario exactly: every state a call can reach is searched once (breadth first over
 * node, meters, flags and compensation, and the turn count where a condition reads it or the
 * call can loop), so reachability, dead ends and endings are facts, not samples; best and worst
 * totals come from a search that merges calls reaching the same state and drops the dominated
 * ones (see `exactScores`), and each reported call is re-scored by `scoreCall`. The give-away
 * checks of the judgment rules come from the same search.
 *
 * @example
 * const report = explore(scenario);
 * console.log(report.best?.total, report.worst?.total, report.unreachableNodes);
 */
export function explore(scenario: Scenario, options: ExploreOptions = {}): ExploreReport {
  const timed = options.timed ?? true;
  const limit = options.stateLimit ?? STATE_LIMIT;
  let graph = callGraph(scenario, timed, { limit });
  // A call that can come back to a state it was in: count turns too (a transcript has at most
  // 200), so every call the engine accepts is searched and the graph has no cycle.
  if (graph.order === null && !graph.truncated)
    graph = callGraph(scenario, timed, { limit, withTurns: true });
  const analysis = analysisFromGraph(scenario, graph);
  const isEnding = (state: number) => (graph.node[state] ?? 0) >= graph.firstEnding;

  const seenAt = new Uint8Array(graph.ids.length);
  for (const at of graph.node) seenAt[at] = 1;
  const reached = new Set(graph.ids.filter((_, at) => seenAt[at] === 1));
  const counts = countPaths(graph);
  const endings: Record<string, number> = Object.fromEntries(
    Object.keys(scenario.endings).map((id) => [id, 0]),
  );
  let paths = 0;
  for (let state = 0; state < graph.size; state += 1) {
    if (!isEnding(state)) continue;
    const id = graph.ids[graph.node[state] ?? 0] ?? '';
    const count = counts[state] ?? 0;
    endings[id] = (endings[id] ?? 0) + count;
    paths += count;
  }

  // The longest call: the most edges to any ending (the graph has no cycle).
  const depth = new Int32Array(graph.size);
  let longestCall = 0;
  for (const state of graph.order ?? []) {
    const here = depth[state] ?? 0;
    if (isEnding(state)) longestCall = Math.max(longestCall, here);
    for (
      let edge = graph.edgeStart[state] ?? 0;
      edge < (graph.edgeStart[state + 1] ?? 0);
      edge += 1
    ) {
      const to = graph.edgeTo[edge] ?? 0;
      if (here + 1 > (depth[to] ?? 0)) depth[to] = here + 1;
    }
  }

  const ways = firstWays(graph);
  const eventsTo = (state: number) => {
    const events: CallEvent[] = [];
    for (let at = state; at > 0; at = ways.from[at] ?? 0) {
      const event = graph.edgeEvent[ways.edge[at] ?? -1];
      if (event) events.unshift(event);
    }
    return events;
  };
  const deadEnds: DeadEnd[] = [];
  for (let state = 0; state < graph.size; state += 1)
    if (graph.deadEnd[state] === 1)
      deadEnds.push({ nodeId: graph.ids[graph.node[state] ?? 0] ?? '', events: eventsTo(state) });

  const scores = exactScores(scenario, graph, analysis, timed);
  // Clean answers, by kind (node, offer, answer): no evidence against a tip, no interruption.
  const cleanKind = graph.kinds.map((kind) => {
    const event = kind.event;
    if (event.type !== CallEventType.choose) return false;
    const nodeId = graph.ids[kind.node] ?? '';
    const choice = scenario.nodes[nodeId]?.choices.find(
      (candidate) => candidate.id === event.choiceId,
    );
    return choice !== undefined && isClean(scenario, nodeId, choice);
  });
  const cleanEdge = (edge: number) =>
    graph.edgeCritical[edge] !== 1 && cleanKind[graph.edgeKind[edge] ?? 0] === true;
  const cleanCounts = countPaths(graph, cleanEdge);
  let cleanPaths = 0;
  for (let state = 0; state < graph.size; state += 1)
    if (isEnding(state)) cleanPaths += cleanCounts[state] ?? 0;
  const expected = expectedRandomTotal(scenario, graph, analysis, timed);
  const promptly = (nodeId: string) =>
    Math.round(
      (scenario.nodes[nodeId]?.timeLimit ?? scenario.timeLimit) * 1000 * EXPLORER_ANSWER_SHARE,
    );

  const best = verified(scenario, scores.best, timed);
  const worst = verified(scenario, scores.worst, timed);
  const exercised = tipsExercised(scenario, timed);
  return {
    scenarioId: scenario.id,
    paths,
    states: graph.size,
    truncated: graph.truncated,
    longestCall,
    endings,
    unreachableNodes: Object.keys(scenario.nodes).filter((id) => !reached.has(id)),
    unreachedEndings: Object.keys(scenario.endings).filter((id) => !reached.has(id)),
    deadEnds,
    best,
    worst,
    shortestGood: verified(scenario, scores.shortestGood, timed),
    goodWithoutFollowUp: goodWithoutFollowUp(scenario, graph, timed),
    tipsExercised: TIP_IDS.filter((tip) => exercised.has(tip)),
    giveaways: {
      strategies: strategyResults(scenario, timed, promptly, Number.POSITIVE_INFINITY),
      shuffledKey: expected.exact ? expected.value : null,
      shuffledKeyBounds: expected.exact ? null : [worst?.total ?? 0, best?.total ?? 100],
      bestIsLongest: bestAnswerLength(scenario),
      bestWithCritical: verified(scenario, scores.bestWithCritical, timed),
      cleanPaths,
      worstClean: verified(scenario, scores.worstClean, timed),
    },
  };
}
