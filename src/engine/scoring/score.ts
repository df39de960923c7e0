import type { CallContext } from '../compiler/types.ts';
import type { LocaleId } from '../model/locales.ts';
import type { Scenario } from '../model/scenario.ts';
import type { TurnRecord } from '../replay/replay.ts';
import { replay } from '../replay/replay.ts';
import type { ReplayError } from '../replay/replay.ts';
import type { Transcript } from '../replay/transcript.ts';
import { analyseScenario } from './analysis.ts';
import type { TurnCache } from './turn-cache.ts';
import {
  OUTCOME_POINTS,
  PointReason,
  SCORE_WEIGHTS,
  WORD_OF_MOUTH_POINTS,
  gradeOf,
} from './scorecard.ts';
import { compensationPoints, meterPoints, outcomePoints, round2, totalOf } from './parts.ts';
import type { Scorecard, ScorePoint, ScoreComponent } from './scorecard.ts';
import { compensationAllowance, criticalErrorsOf, scorePenalties } from './score-penalties.ts';
import { scoreSteps } from './score-steps.ts';
import { scoreTips } from './score-tips.ts';

/** What a finished (or stopped) call looked like: enough to score it. */
export interface CallRecord {
  readonly turns: readonly TurnRecord[];
  readonly endingId: string | null;
  readonly final: CallContext;
  readonly timed: boolean;
  readonly locale: LocaleId;
}

export { wordOfMouthPoints } from './parts.ts';

/**
 * Scores a call against the ten tips, the four steps, the outcome (word of mouth included), the
 * cost of compensation and the final meters; deducts the fixed penalties; and caps a call with a
 * critical error at `CRITICAL_CAP`. Pure: the same scenario and record always give the same
 * scorecard.
 */
export function scoreCall(
  scenario: Scenario,
  record: CallRecord,
  options: { explain?: boolean; cache?: TurnCache } = {},
): Scorecard {
  const explain = options.explain ?? true;
  const parts = { explain, cache: options.cache };
  const analysis = analyseScenario(scenario);
  const ending = record.endingId === null ? undefined : scenario.endings[record.endingId];
  const outcome = ending?.outcome ?? null;
  const tips = scoreTips(scenario, analysis, record.turns, outcome, record.timed, parts);
  const steps = scoreSteps(scenario, record.turns, parts);

  const lastTurn = record.turns.length > 0 ? record.turns.length - 1 : null;
  const whole = (
    component: ScoreComponent,
    reason: PointReason,
    won: number,
    principle: ScorePoint['principle'],
    turn: number | null = null,
  ): ScorePoint => ({
    component,
    reason,
    turn,
    nodeId: turn === null ? null : (record.turns[turn]?.nodeId ?? null),
    choiceId: null,
    won,
    lost: SCORE_WEIGHTS[component] - won,
    principle,
  });

  const wordOfMouth = ending?.wordOfMouth ?? 0;
  const { classPoints, mouthPoints, points: outcomeTotal } = outcomePoints(outcome, wordOfMouth);
  const followedUp = steps.steps.firstPerformed.followUp !== null;
  const outcomePrinciple =
    outcome === 'good'
      ? 'followUp'
      : outcome === 'partial' && !followedUp
        ? 'trackUntilSatisfied'
        : 'wordOfMouth';

  const spent = record.final.cost;
  const allowance = compensationAllowance(scenario, analysis);
  const kept = outcome === 'good' || outcome === 'partial';
  const compensation = compensationPoints(outcome, spent, allowance);
  const costlyTurn = record.turns.findLastIndex((turn) => turn.after.cost > turn.before.cost);
  const meters = meterPoints(record.final.meters);

  const components: Record<ScoreComponent, number> = {
    tips: round2(tips.points),
    steps: round2(steps.points),
    outcome: round2(outcomeTotal),
    compensation: round2(compensation),
    meters: round2(meters),
  };
  const penalties = scorePenalties(scenario, record.turns, steps.steps, outcome !== null, explain);
  const criticalErrors = criticalErrorsOf(scenario, record.turns, allowance);
  const { total, uncapped, cap } = totalOf(components, penalties.points, criticalErrors.length > 0);

  const criticalPoints: ScorePoint[] = criticalErrors.map((hit, index) => ({
    component: 'penalty',
    reason: PointReason.criticalError,
    turn: hit.turn,
    nodeId: hit.nodeId,
    choiceId: hit.choiceId,
    critical: hit.error,
    won: 0,
    // The cap's deduction sits on the first error; later ones are named, at no further cost.
    lost: index === 0 ? uncapped - total : 0,
    principle: hit.principle,
  }));
  const points: ScorePoint[] = !explain
    ? []
    : [
        ...criticalPoints,
        ...tips.details,
        ...steps.details,
        ...penalties.details,
        {
          ...whole('outcome', PointReason.outcome, classPoints, outcomePrinciple, lastTurn),
          lost: OUTCOME_POINTS.good - classPoints,
        },
        {
          ...whole('outcome', PointReason.wordOfMouth, mouthPoints, 'wordOfMouth', lastTurn),
          lost: WORD_OF_MOUTH_POINTS - mouthPoints,
        },
        whole(
          'compensation',
          PointReason.compensation,
          compensation,
          kept ? 'earnBreakEven' : 'wordOfMouth',
          costlyTurn >= 0 ? costlyTurn : null,
        ),
        whole('meters', PointReason.finalMeters, meters, 'targetNotCause', lastTurn),
      ].map((point) => ({ ...point, won: round2(point.won), lost: round2(point.lost) }));

  return {
    scenarioId: scenario.id,
    scenarioVersion: scenario.version,
    scenarioHash: scenario.hash,
    locale: record.locale,
    timed: record.timed,
    total,
    grade: gradeOf(total),
    components,
    penalties: round2(penalties.points),
    criticalErrors,
    cap,
    tips: tips.tips,
    steps: steps.steps,
    outcome: { endingId: record.endingId, outcome, wordOfMouth },
    compensation: { spent, cheapestGood: analysis.cheapestGoodCost, allowance },
    finalMeters: record.final.meters,
    turns: record.turns.length,
    shortestGoodTurns: analysis.shortestGoodTurns,
    points,
  };
}

export type ScoreOutcome = { ok: true; scorecard: Scorecard } | { ok: false; error: ReplayError };

/**
 * Replays a transcript and scores it: the function the game, the server and the CLI share.
 *
 * @example
 * const result = scoreTranscript(scenario, transcript);
 * if (result.ok) console.log(result.scorecard.total, result.scorecard.grade);
 */
export function scoreTranscript(
  scenario: Scenario,
  transcript: Transcript,
  options: { explain?: boolean } = {},
): ScoreOutcome {
  const replayed = replay(scenario, transcript);
  if (!replayed.ok) return replayed;
  const { turns, endingId, final } = replayed.result;
  return {
    ok: true,
    scorecard: scoreCall(
      scenario,
      {
        turns,
        endingId,
        final: final.context,
        timed: transcript.timed,
        locale: transcript.locale,
      },
      options,
    ),
  };
}
