import { compileScenario } from '../compiler/compile-scenario.ts';
import { CallEventType } from '../compiler/types.ts';
import type { Scenario } from '../model/scenario.ts';
import { offeredChoices, startCall, stateOf, step } from '../replay/replay.ts';
import type { CallSnapshot } from '../replay/replay.ts';

/** What scoring needs to know about a scenario as a whole, found once by searching its states. */
export interface ScenarioAnalysis {
  /** Fewest answers that reach a good ending (null when none does within the search bound). */
  readonly shortestGoodTurns: number | null;
  /** Least compensation spent on any path to a good ending. */
  readonly cheapestGoodCost: number | null;
  /** Whether the search stopped at its bound before exhausting the states. */
  readonly truncated: boolean;
}

/** States searched per scenario at most; scenarios are small, this only guards against loops. */
export const ANALYSIS_STATE_LIMIT = 20_000;

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
 * Breadth-first search over answers (prompt answers, no silence): the first good ending found
 * is the shortest; the cheapest cost among good endings is tracked over all states seen.
 */
export function analyseScenario(scenario: Scenario): ScenarioAnalysis {
  const cached = analysisCache.get(scenario);
  if (cached) return cached;
  compileScenario(scenario);
  let shortestGoodTurns: number | null = null;
  let cheapestGoodCost: number | null = null;
  const seen = new Set<string>();
  let frontier: CallSnapshot[] = [startCall(scenario, false)];
  let truncated = false;
  while (frontier.length > 0 && !truncated) {
    const next: CallSnapshot[] = [];
    for (const snapshot of frontier) {
      const nodeId = stateOf(snapshot);
      for (const choiceId of offeredChoices(scenario, nodeId, snapshot.context)) {
        const stepped = step(scenario, snapshot, {
          type: CallEventType.choose,
          choiceId,
          elapsedMs: 0,
        });
        if (!stepped) continue;
        const reached = stepped.next;
        if (reached.status === 'done') {
          if (scenario.endings[stateOf(reached)]?.outcome === 'good') {
            shortestGoodTurns ??= reached.context.turns;
            cheapestGoodCost = Math.min(cheapestGoodCost ?? Infinity, reached.context.cost);
          }
          continue;
        }
        const key = stateKey(reached);
        if (seen.has(key)) continue;
        seen.add(key);
        if (seen.size > ANALYSIS_STATE_LIMIT) truncated = true;
        next.push(reached);
      }
    }
    frontier = next;
  }
  const analysis = { shortestGoodTurns, cheapestGoodCost, truncated };
  analysisCache.set(scenario, analysis);
  return analysis;
}
