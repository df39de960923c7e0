import { CallEventType } from '../compiler/types.ts';
import type { CallEvent } from '../compiler/types.ts';
import { Locale } from '../model/locales.ts';
import type { Scenario } from '../model/scenario.ts';
import type { TipId } from '../model/tips.ts';
import { TIP_IDS } from '../model/tips.ts';
import { offeredChoices, startCall, stateOf, step } from '../replay/replay.ts';
import type { CallSnapshot, TurnRecord } from '../replay/replay.ts';
import { stateKey } from '../scoring/analysis.ts';
import { scoreCall } from '../scoring/score.ts';
import { createTurnCache } from '../scoring/turn-cache.ts';
import { tipsExercised } from '../scoring/score-tips.ts';
import { CRITICAL_CAP } from '../model/critical.ts';
import { bestAnswerLength, isClean, strategyResults } from './giveaways.ts';
import type { LengthRank, StrategyResult } from './giveaways.ts';

/** Paths explored at most per scenario; beyond it the report says it was truncated. */
export const DEFAULT_PATH_LIMIT = 100_000;
/** A call longer than this many turns is cut (it would be a loop in practice). */
export const DEFAULT_DEPTH_LIMIT = 60;
/** Explorer answers take this share of the answer time: prompt, never hesitant. */
export const EXPLORER_ANSWER_SHARE = 0.25;

export interface ExploredPath {
  readonly events: readonly CallEvent[];
  /** Node and ending ids, start first. */
  readonly states: readonly string[];
  readonly endingId: string;
  readonly total: number;
}

export interface DeadEnd {
  readonly nodeId: string;
  readonly events: readonly CallEvent[];
}

export interface ExploreReport {
  readonly scenarioId: string;
  readonly paths: number;
  readonly truncated: boolean;
  /** Paths that reached each ending. */
  readonly endings: Readonly<Record<string, number>>;
  readonly unreachableNodes: readonly string[];
  readonly unreachedEndings: readonly string[];
  readonly deadEnds: readonly DeadEnd[];
  readonly best: ExploredPath | null;
  readonly worst: ExploredPath | null;
  readonly shortestGood: ExploredPath | null;
  /** A path that reaches a good ending without the follow-up step, if any: the good ending should need it. */
  readonly goodWithoutFollowUp: ExploredPath | null;
  readonly tipsExercised: readonly TipId[];
  /** The give-away checks: what answering without judgment would score. */
  readonly giveaways: Giveaways;
}

/** What a trainee who does not think would score, and whether the rules hold on every path. */
export interface Giveaways {
  /** Always the same position, always the longest, always the politest-sounding answer. */
  readonly strategies: readonly StrategyResult[];
  /**
   * Pressing one fixed key at every turn while answers are shuffled: the expected total of a
   * uniformly random answer at every node (exact, over every path).
   */
  readonly shuffledKey: number | null;
  /** Per locale: at how many nodes the rubric's best answer is also the longest. */
  readonly bestIsLongest: readonly LengthRank[];
  /** The highest total of any path with a critical error (null when no path has one). */
  readonly bestWithCritical: ExploredPath | null;
  /** Paths on which every answer follows the articles, and the lowest-scoring of them. */
  readonly cleanPaths: number;
  readonly worstClean: ExploredPath | null;
}

export interface ExploreOptions {
  /** Include SILENCE at every node (answer timers on). Default true. */
  readonly timed?: boolean;
  readonly pathLimit?: number;
  readonly depthLimit?: number;
}

/**
 * Walks every path through a scenario's machine (every choice on offer, and silence when timed),
 * scoring each complete call. Cycles are cut where a path returns to a state it has been in
 * with the same meters and flags; the walk is bounded by path count and depth.
 *
 * @example
 * const report = explore(scenario);
 * console.log(report.best?.total, report.worst?.total, report.unreachableNodes);
 */
export function explore(scenario: Scenario, options: ExploreOptions = {}): ExploreReport {
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
    bestIsLongest: bestAnswerLength(scenario),
    bestWithCritical,
    cleanPaths,
    worstClean,
  };

  const exercised = tipsExercised(scenario, timed);
  return {
    scenarioId: scenario.id,
    paths,
    truncated,
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

/**
 * The bar every shipped scenario meets: the best path scores at least 95 and the worst at most
 * 20; answering without judgment (a fixed position, the longest or the politest-sounding answer,
 * a fixed key on shuffled answers) scores at most 60; the best answer is the longest at no more
 * than 40% of nodes; a call with a critical error stays within the cap; and a call that follows
 * the articles at every turn scores at least 80.
 */
export const QUALITY_BAR = {
  bestAtLeast: 95,
  worstAtMost: 20,
  strategyAtMost: 60,
  longestBestShareAtMost: 0.4,
  criticalAtMost: CRITICAL_CAP,
  cleanAtLeast: 80,
} as const;

export interface QualityCheck {
  readonly passed: boolean;
  readonly label: string;
}

/** The explorer's verdicts on a scenario, each as a line a trainer can act on. */
export function qualityChecks(report: ExploreReport): QualityCheck[] {
  const best = report.best?.total ?? 0;
  const worst = report.worst?.total ?? 100;
  return [
    {
      passed: report.unreachableNodes.length === 0,
      label:
        report.unreachableNodes.length === 0
          ? 'every node is reachable'
          : `unreachable nodes: ${report.unreachableNodes.join(', ')}`,
    },
    {
      passed: report.deadEnds.length === 0,
      label:
        report.deadEnds.length === 0
          ? 'no dead ends'
          : `dead ends (no choice on offer) at: ${[...new Set(report.deadEnds.map((dead) => dead.nodeId))].join(', ')}`,
    },
    {
      passed: report.unreachedEndings.length === 0,
      label:
        report.unreachedEndings.length === 0
          ? 'every ending is reached'
          : `endings never reached: ${report.unreachedEndings.join(', ')}`,
    },
    {
      passed: report.shortestGood !== null,
      label: report.shortestGood ? 'a good ending is reachable' : 'no path reaches a good ending',
    },
    {
      passed: report.goodWithoutFollowUp === null,
      label:
        report.goodWithoutFollowUp === null
          ? 'every good ending needs the follow-up step'
          : `a good ending is reached without following up: ${report.goodWithoutFollowUp.states.join(' → ')}`,
    },
    {
      passed: best >= QUALITY_BAR.bestAtLeast,
      label: `best path scores ${best} (needs ≥ ${QUALITY_BAR.bestAtLeast})`,
    },
    {
      passed: worst <= QUALITY_BAR.worstAtMost,
      label: `worst path scores ${worst} (needs ≤ ${QUALITY_BAR.worstAtMost})`,
    },
    ...giveawayChecks(report.giveaways),
    {
      passed: !report.truncated,
      label: report.truncated
        ? 'exploration was cut at its bound: some paths were not scored'
        : 'every path explored',
    },
  ];
}

const strategyName = (result: StrategyResult): string =>
  result.position !== null
    ? `always answer ${String(result.position)}`
    : `always the ${STRATEGY_WORDS[result.strategy]} answer (${result.locale ?? ''})`;

const STRATEGY_WORDS: Readonly<Record<StrategyResult['strategy'], string>> = {
  position: 'same-numbered',
  longest: 'longest',
  shortest: 'shortest',
  politest: 'politest-sounding',
  plainest: 'plainest-sounding',
};

/** The give-away checks as lines a trainer can act on. */
export function giveawayChecks(giveaways: Giveaways): QualityCheck[] {
  const limit = QUALITY_BAR.strategyAtMost;
  const checks: QualityCheck[] = giveaways.strategies.map((result) => ({
    passed: result.total <= limit,
    label: `${strategyName(result)} scores ${String(result.total)} (needs ≤ ${String(limit)})`,
  }));
  if (giveaways.shuffledKey !== null) {
    checks.push({
      passed: giveaways.shuffledKey <= limit,
      label: `one key pressed at every turn, answers shuffled, scores ${String(giveaways.shuffledKey)} on average (needs ≤ ${String(limit)})`,
    });
  }
  for (const rank of giveaways.bestIsLongest) {
    const share = rank.nodes === 0 ? 0 : rank.longest / rank.nodes;
    checks.push({
      passed: share <= QUALITY_BAR.longestBestShareAtMost,
      label: `the best answer is the longest at ${String(rank.longest)} of ${String(rank.nodes)} nodes in ${rank.locale}${rank.longest > 0 ? ` (${rank.nodeIds.join(', ')})` : ''} (needs ≤ ${String(Math.round(QUALITY_BAR.longestBestShareAtMost * 100))}%)`,
    });
  }
  const critical = giveaways.bestWithCritical;
  checks.push({
    passed: critical === null || critical.total <= QUALITY_BAR.criticalAtMost,
    label:
      critical === null
        ? 'no path commits a critical error'
        : `every path with a critical error scores ≤ ${String(QUALITY_BAR.criticalAtMost)} (highest: ${String(critical.total)})`,
  });
  const clean = giveaways.worstClean;
  checks.push({
    passed: clean !== null && clean.total >= QUALITY_BAR.cleanAtLeast,
    label:
      clean === null
        ? 'no path follows the articles at every turn (no answer without evidence against a tip)'
        : `every path that follows the articles scores ≥ ${String(QUALITY_BAR.cleanAtLeast)} (${String(giveaways.cleanPaths)} ${giveaways.cleanPaths === 1 ? 'path' : 'paths'}, lowest ${String(clean.total)}: ${clean.states.join(' → ')})`,
  });
  return checks;
}
