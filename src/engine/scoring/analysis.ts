import { CallEventType } from '../compiler/types.ts';
import { callGraph } from '../explorer/call-graph.ts';
import type { CallGraph } from '../explorer/call-graph.ts';
import type { Scenario } from '../model/scenario.ts';
import { stateOf } from '../replay/replay.ts';
import type { CallSnapshot } from '../replay/replay.ts';

/** What scoring needs to know about a scenario as a whole, found once by searching its states. */
export interface ScenarioAnalysis {
  /** Fewest answers that reach a good ending (null when none does). */
  readonly shortestGoodTurns: number | null;
  /** Least compensation spent on any path to a good ending. */
  readonly cheapestGoodCost: number | null;
  /** Whether the search stopped at its bound before exhausting the states. */
  readonly truncated: boolean;
}

/** Key of a settled state: where the call is and everything that can change what follows. */
export function stateKey(snapshot: CallSnapshot): string {
  const { meters, flags, cost } = snapshot.context;
  const flagKey = Object.keys(flags)
    .sort()
    .map((flag) => (flags[flag] ? flag : `!${flag}`))
    .join(',');
  return `${stateOf(snapshot)}|${meters.anger},${meters.trust},${meters.patience}|${flagKey}|${cost}`;
}

const analysisCache = new WeakMap<Scenario, ScenarioAnalysis>();

/**
 * The shortest and the cheapest good call (prompt answers, no silence), found exactly in the
 * scenario's state graph. Cached: the game, the server and the explorer score many calls of one
 * scenario against the same figures.
 */
export function analyseScenario(scenario: Scenario): ScenarioAnalysis {
  return analysisCache.get(scenario) ?? analysisFromGraph(scenario, callGraph(scenario, false));
}

/**
 * The same figures from a graph already searched (with or without silence): a breadth-first
 * walk of its answers only. Seeds the cache, so the explorer searches each scenario once.
 */
export function analysisFromGraph(scenario: Scenario, graph: CallGraph): ScenarioAnalysis {
  const cached = analysisCache.get(scenario);
  if (cached) return cached;
  const distance = new Int32Array(graph.size).fill(-1);
  distance[0] = 0;
  const queue = [0];
  let shortestGoodTurns: number | null = null;
  let cheapestGoodCost: number | null = null;
  for (const id of queue) {
    const at = graph.node[id] ?? 0;
    if (at >= graph.firstEnding) {
      if (scenario.endings[graph.ids[at] ?? '']?.outcome === 'good') {
        shortestGoodTurns ??= distance[id] ?? 0;
        cheapestGoodCost = Math.min(cheapestGoodCost ?? Infinity, graph.cost[id] ?? 0);
      }
      continue;
    }
    for (let edge = graph.edgeStart[id] ?? 0; edge < (graph.edgeStart[id + 1] ?? 0); edge += 1) {
      const to = graph.edgeTo[edge] ?? 0;
      if (graph.edgeEvent[edge]?.type !== CallEventType.choose || distance[to] !== -1) continue;
      distance[to] = (distance[id] ?? 0) + 1;
      queue.push(to);
    }
  }
  const analysis = { shortestGoodTurns, cheapestGoodCost, truncated: graph.truncated };
  analysisCache.set(scenario, analysis);
  return analysis;
}
