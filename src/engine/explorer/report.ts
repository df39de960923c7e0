import type { CallEvent } from '../compiler/types.ts';
import { CRITICAL_CAP } from '../model/critical.ts';
import { MAX_TRANSCRIPT_EVENTS } from '../replay/transcript-format.ts';
import type { TipId } from '../model/tips.ts';
import type { LengthRank, StrategyResult } from './giveaways.ts';

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
  /** Complete calls (distinct answer sequences): counted, not walked one by one. */
  readonly paths: number;
  /** Distinct states of the call searched. */
  readonly states: number;
  /** The search stopped at its state limit: then the figures are bounds, not exact. */
  readonly truncated: boolean;
  /** The most answers any call takes: a transcript holds at most `MAX_TRANSCRIPT_EVENTS`. */
  readonly longestCall: number;
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
  /**
   * When the expectation has too many distinct partial calls to keep, a proven interval for it
   * (the worst and best totals) instead, and `shuffledKey` is null.
   */
  readonly shuffledKeyBounds: readonly [number, number] | null;
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
  /** States searched at most (default `STATE_LIMIT`); past it the report is not exact. */
  readonly stateLimit?: number;
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
    {
      passed: report.longestCall <= MAX_TRANSCRIPT_EVENTS,
      label:
        report.longestCall <= MAX_TRANSCRIPT_EVENTS
          ? `every call fits in a transcript (the longest takes ${String(report.longestCall)} answers)`
          : `the longest call takes ${String(report.longestCall)} answers, more than a transcript holds (${String(MAX_TRANSCRIPT_EVENTS)}): such a call could not be scored`,
    },
    ...giveawayChecks(report.giveaways),
    {
      passed: !report.truncated,
      label: report.truncated
        ? `the search stopped at ${String(report.states)} states: these figures are not exact (best and worst could be anywhere from 0 to 100)`
        : `every state explored (${String(report.states)}): the figures are exact`,
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
