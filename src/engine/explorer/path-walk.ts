import { CallEventType } from '../compiler/types.ts';
import type { CallEvent } from '../compiler/types.ts';
import { Locale } from '../model/locales.ts';
import type { Scenario } from '../model/scenario.ts';
import { TIP_IDS } from '../model/tips.ts';
import { offeredChoices, startCall, stateOf, step } from '../replay/replay.ts';
import type { CallSnapshot, TurnRecord } from '../replay/replay.ts';
import { stateKey } from '../scoring/analysis.ts';
import { scoreCall } from '../scoring/score.ts';
import { createTurnCache } from '../scoring/turn-cache.ts';
import { tipsExercised } from '../scoring/score-tips.ts';
import { bestAnswerLength, isClean, strategyResults } from './giveaways.ts';
import type { DeadEnd, ExploreReport, ExploredPath, Giveaways } from './report.ts';
import { EXPLORER_ANSWER_SHARE } from './call-graph.ts';

/** How far the walk goes. */
export interface WalkOptions {
  /** Include SILENCE at every node (answer timers on). Default true. */
  readonly timed?: boolean;
  readonly pathLimit?: number;
  readonly depthLimit?: number;
}

/** Paths explored at most per scenario; beyond it the report says it was truncated. */
export const DEFAULT_PATH_LIMIT = 100_000;
/** A call longer than this many turns is cut (it would be a loop in practice). */
export const DEFAULT_DEPTH_LIMIT = 60;

/**
 * The explorer as it was: a bounded depth-first walk of every path (cut where a path returns
 * to a state it has been in). Kept as the brute force the exact search is tested against.
 *
 * Walks every path through a scenario's machine (every choice on offer, and silence when timed),
 * scoring each complete call. Cycles are cut where a path returns to a state it has been in
 * with the same meters and flags; the walk is bounded by path count and depth.
 *
 * @example
 * const report = explore(scenario);
 * console.log(report.best?.total, report.worst?.total, report.unreachableNodes);
 */
export function walkPaths(scenario: Scenario, options: WalkOptions = {}): ExploreReport {
  const timed = options.timed ?? true;
  const pathLimit = options.pathLimit ?? DEFAULT_PATH_LIMIT;
  const depthLimit = options.depthLimit ?? DEFAULT_DEPTH_LIMIT;

  const endings: Record<string, number> = Object.fromEntries(
    Object.keys(scenario.endings).map((id) => [id, 0]),
  );
  const visited = new Set<string>([scenario.start]);
  const deadEnds: DeadEnd[] = [];
  const turns: TurnRecord[] = [];
  const events: CallEvent[] = [];
  const onPath = new Set<string>();
  const cache = createTurnCache();
  let paths = 0;
  let truncated = false;
  let best: ExploredPath | null = null;
  let worst: ExploredPath | null = null;
  let shortestGood: ExploredPath | null = null;
  let goodWithoutFollowUp: ExploredPath | null = null;
  let bestWithCritical: ExploredPath | null = null;
  let worstClean: ExploredPath | null = null;
  let cleanPaths = 0;
  let expectedSum = 0;
  let expectedMass = 0;
  // Along the current path: whether every answer so far was clean, and its probability under
  // uniformly random answers (silence has none).
  let clean = true;
  let probability = 1;

  const finish = (snapshot: CallSnapshot) => {
    paths += 1;
    const endingId = stateOf(snapshot);
    endings[endingId] = (endings[endingId] ?? 0) + 1;
    // Totals only: the explorer never shows the explanations, and building them doubled its time.
    const card = scoreCall(
      scenario,
      { turns, endingId, final: snapshot.context, timed, locale: Locale.en },
      { explain: false, cache },
    );
    const path = (): ExploredPath => ({
      events: [...events],
      states: [scenario.start, ...turns.map((turn) => turn.to)],
      endingId,
      total: card.total,
    });
    const shorter = (other: ExploredPath | null) =>
      other === null || events.length < other.events.length;
    if (best === null || card.total > best.total || (card.total === best.total && shorter(best)))
      best = path();
    if (
      worst === null ||
      card.total < worst.total ||
      (card.total === worst.total && shorter(worst))
    )
      worst = path();
    if (
      card.criticalErrors.length > 0 &&
      (bestWithCritical === null || card.total > bestWithCritical.total)
    )
      bestWithCritical = path();
    // A path that commits a critical error (over-compensation is found only on the whole call)
    // does not follow the articles, whatever its answers' tags say.
    if (clean && card.criticalErrors.length === 0) {
      cleanPaths += 1;
      if (worstClean === null || card.total < worstClean.total) worstClean = path();
    }
    expectedSum += probability * card.total;
    expectedMass += probability;
    if (scenario.endings[endingId]?.outcome === 'good') {
      const tiedBetter =
        shortestGood !== null &&
        events.length === shortestGood.events.length &&
        card.total > shortestGood.total;
      if (shorter(shortestGood) || tiedBetter) shortestGood = path();
      if (card.steps.firstPerformed.followUp === null && shorter(goodWithoutFollowUp))
        goodWithoutFollowUp = path();
    }
  };

  const walk = (snapshot: CallSnapshot): void => {
    if (truncated) return;
    if (snapshot.status === 'done') {
      finish(snapshot);
      if (paths >= pathLimit) truncated = true;
      return;
    }
    const nodeId = stateOf(snapshot);
    if (events.length >= depthLimit) {
      truncated = true;
      return;
    }
    const key = stateKey(snapshot);
    if (onPath.has(key)) return; // a loop that changed nothing: this path adds no new call
    onPath.add(key);
    const limit = (scenario.nodes[nodeId]?.timeLimit ?? scenario.timeLimit) * 1000;
    const candidates: CallEvent[] = offeredChoices(scenario, nodeId, snapshot.context).map(
      (choiceId) => ({
        type: CallEventType.choose,
        choiceId,
        elapsedMs: Math.round(limit * EXPLORER_ANSWER_SHARE),
      }),
    );
    if (candidates.length === 0) deadEnds.push({ nodeId, events: [...events] });
    if (timed) candidates.push({ type: CallEventType.silence, elapsedMs: limit });
    const answers = candidates.length - (timed ? 1 : 0);
    const node = scenario.nodes[nodeId];
    for (const event of candidates) {
      const stepped = step(scenario, snapshot, event);
      if (!stepped) continue;
      const choice =
        event.type === CallEventType.choose
          ? node?.choices.find((candidate) => candidate.id === event.choiceId)
          : undefined;
      const outer = { clean, probability };
      clean = clean && choice !== undefined && isClean(scenario, nodeId, choice);
      probability = choice ? probability / answers : 0;
      visited.add(stepped.turn.to);
      turns.push(stepped.turn);
      events.push(event);
      walk(stepped.next);
      turns.pop();
      events.pop();
      ({ clean, probability } = outer);
    }
    onPath.delete(key);
  };

  walk(startCall(scenario, timed));
  const promptly = (nodeId: string) =>
    Math.round(
      (scenario.nodes[nodeId]?.timeLimit ?? scenario.timeLimit) * 1000 * EXPLORER_ANSWER_SHARE,
    );
  const giveaways: Giveaways = {
    strategies: strategyResults(scenario, timed, promptly, depthLimit),
    shuffledKey: expectedMass > 0 ? Math.round((10 * expectedSum) / expectedMass) / 10 : null,
    shuffledKeyBounds: null,
    bestIsLongest: bestAnswerLength(scenario),
    bestWithCritical,
    cleanPaths,
    worstClean,
  };

  const exercised = tipsExercised(scenario, timed);
  return {
    scenarioId: scenario.id,
    paths,
    states: visited.size,
    truncated,
    longestCall: 0,
    endings,
    unreachableNodes: Object.keys(scenario.nodes).filter((id) => !visited.has(id)),
    unreachedEndings: Object.keys(scenario.endings).filter((id) => (endings[id] ?? 0) === 0),
    deadEnds,
    best,
    worst,
    shortestGood,
    goodWithoutFollowUp,
    tipsExercised: TIP_IDS.filter((tip) => exercised.has(tip)),
    giveaways,
  };
}
