import { CRITICAL_CAP } from '../model/critical.ts';
import type { Outcome } from '../model/scenario.ts';
import { STEP_IDS, stepOrder } from '../model/steps.ts';
import type { StepId } from '../model/steps.ts';
import type { Meters } from '../compiler/types.ts';
import {
  OUTCOME_POINTS,
  SCORE_WEIGHTS,
  STEP_POINTS,
  WORD_OF_MOUTH_POINTS,
  WORD_OF_MOUTH_SCALE,
} from './scorecard.ts';
import type { ScoreComponent } from './scorecard.ts';

// The arithmetic of each part of the total, in one place: the scorecard (with its explanations)
// and the explorer's exact search (which only needs totals) both compute through these.

export const round2 = (value: number) => Math.round(value * 100) / 100;

/** The tips part: 40 × earned ÷ at stake, or all 40 when nothing was ever at stake. */
export function tipPoints(earned: number, stake: number): number {
  return stake > 0 ? earned * (SCORE_WEIGHTS.tips / stake) : SCORE_WEIGHTS.tips;
}

/** Steps in the order first performed: the inversions, and the first step that came too early. */
export function stepOrderOf(order: readonly StepId[]): {
  inversions: number;
  firstOutOfOrder: StepId | null;
  orderPoints: number;
} {
  let inversions = 0;
  let firstOutOfOrder: StepId | null = null;
  for (const [j, later] of order.entries()) {
    for (const earlier of order.slice(0, j)) {
      if (stepOrder(earlier) > stepOrder(later)) {
        inversions += 1;
        firstOutOfOrder ??= earlier;
      }
    }
  }
  const pairs = (order.length * (order.length - 1)) / 2;
  const orderPoints =
    STEP_POINTS.order * (order.length / STEP_IDS.length) * (pairs > 0 ? 1 - inversions / pairs : 1);
  return { inversions, firstOutOfOrder, orderPoints };
}

/** The steps part: 4 a step performed, plus the order points, within 0–25. */
export function stepPoints(order: readonly StepId[]): number {
  const points = STEP_POINTS.performed * order.length + stepOrderOf(order).orderPoints;
  return Math.max(0, Math.min(SCORE_WEIGHTS.steps, points));
}

/** Word of mouth's share of the outcome: −25 people told (or worse) earns none, +5 all of it. */
export function wordOfMouthPoints(wordOfMouth: number): number {
  const { worst, best } = WORD_OF_MOUTH_SCALE;
  const share = Math.max(0, Math.min(1, (wordOfMouth - worst) / (best - worst)));
  return WORD_OF_MOUTH_POINTS * share;
}

/** The outcome part: the ending's class and its word of mouth (nothing before an ending). */
export function outcomePoints(outcome: Outcome | null, wordOfMouth: number) {
  const classPoints = outcome === null ? 0 : OUTCOME_POINTS[outcome];
  const mouthPoints = outcome === null ? 0 : wordOfMouthPoints(wordOfMouth);
  return { classPoints, mouthPoints, points: classPoints + mouthPoints };
}

/** The compensation part: all of it when the customer was kept within the allowance. */
export function compensationPoints(outcome: Outcome | null, spent: number, allowance: number) {
  const kept = outcome === 'good' || outcome === 'partial';
  return kept && spent <= allowance ? SCORE_WEIGHTS.compensation : 0;
}

/** The final-meters part: 10 × ((100 − anger) + trust) / 200. */
export function meterPoints(meters: Meters): number {
  return (SCORE_WEIGHTS.meters * (100 - meters.anger + meters.trust)) / 200;
}

/** The total: the parts (each rounded to hundredths), less the penalties, within the cap. */
export function totalOf(
  components: Readonly<Record<ScoreComponent, number>>,
  penalties: number,
  critical: boolean,
): { total: number; uncapped: number; cap: number } {
  const cap = critical ? CRITICAL_CAP : 100;
  const uncapped = uncappedTotal(
    components.tips,
    components.steps,
    components.outcome,
    components.compensation,
    components.meters,
    penalties,
  );
  return { total: Math.min(cap, uncapped), uncapped, cap };
}

/**
 * The parts (rounded to hundredths) added in their own order, less the penalties, rounded and
 * never below 0: the arithmetic of every total, without allocating (the explorer scores
 * millions of calls here).
 */
export function uncappedTotal(
  tips: number,
  steps: number,
  outcome: number,
  compensation: number,
  meters: number,
  penalties: number,
): number {
  return Math.max(0, Math.round(tips + steps + outcome + compensation + meters - penalties));
}
