import { describe, expect, it } from 'vitest';
import {
  CRITICAL_CAP,
  PENALTY_POINTS,
  PointReason,
  SCORE_WEIGHTS,
  scoreTranscript,
  wordOfMouthPoints,
} from '../../src/engine/index.ts';
import type { CallEvent, Scorecard } from '../../src/engine/index.ts';
import { judgmentCall } from '../support/fixtures.ts';
import { choose, silence, transcriptOf } from '../support/transcripts.ts';

function score(events: CallEvent[]): Scorecard {
  const scenario = judgmentCall();
  const result = scoreTranscript(scenario, transcriptOf(scenario, events));
  if (!result.ok) throw new Error(result.error.message);
  return result.scorecard;
}

/** The best call, with one answer swapped at a turn. */
const BEST = ['listen', 'listen-more', 'apologise', 'fix', 'callback'];
const swap = (turn: number, answer: CallEvent) =>
  BEST.map((id, index) => (index === turn ? answer : choose(id)));

describe('absolute, consistent penalties', () => {
  it('gives the best call full marks, goodwill within the rules included', () => {
    const card = score(BEST.map((id) => choose(id)));
    expect(card.total).toBe(100);
    expect(card.compensation).toEqual({ spent: 50, cheapestGood: 0, allowance: 50 });
    expect(card.components.compensation).toBe(SCORE_WEIGHTS.compensation);
  });

  it('counts any answer but listening at a vent node as an interruption, at the same fixed cost wherever it falls', () => {
    // "Please calm down first" carries no `explains` tag: it interrupts all the same.
    const early = score(swap(0, choose('calm-down')));
    const late = score(swap(1, choose('explain')));
    expect(early.steps.interruptions).toEqual([0]);
    expect(late.steps.interruptions).toEqual([1]);
    expect(early.penalties).toBe(PENALTY_POINTS.interruption);
    expect(late.penalties).toBe(PENALTY_POINTS.interruption);
    for (const [card, turn] of [
      [early, 0],
      [late, 1],
    ] as const) {
      expect(card.points.find((point) => point.reason === PointReason.interruption)).toMatchObject({
        component: 'penalty',
        turn,
        lost: PENALTY_POINTS.interruption,
        principle: 'patience',
      });
    }
  });

  it('treats silence as dead air: a fixed penalty, nothing earned on any tip, never better than the worst answer', () => {
    const silent = score([silence(), ...BEST.slice(1).map((id) => choose(id))]);
    const mildlyWrong = score(swap(0, choose('calm-down')));
    expect(silent.steps.deadAir).toEqual([0]);
    expect(silent.penalties).toBe(PENALTY_POINTS.deadAir);
    const tipsAtSilence = silent.points.filter(
      (point) => point.turn === 0 && point.component === 'tips',
    );
    expect(tipsAtSilence.length).toBeGreaterThan(0);
    expect(tipsAtSilence.every((point) => point.won === 0)).toBe(true);
    expect(silent.total).toBeLessThan(mildlyWrong.total);
    expect(silent.total).toBeLessThan(score(BEST.map((id) => choose(id))).total - 5);
  });

  it('costs a skipped apology clearly more than a missing step', () => {
    const card = score(swap(2, choose('skip')));
    expect(card.steps.firstPerformed.apologise).toBeNull();
    expect(card.penalties).toBe(PENALTY_POINTS.skippedApology);
    expect(card.points.find((point) => point.reason === PointReason.skippedApology)).toMatchObject({
      lost: PENALTY_POINTS.skippedApology,
      principle: 'apologyNotFault',
    });
    expect(100 - card.total).toBeGreaterThanOrEqual(PENALTY_POINTS.skippedApology + 4);
  });

  it('counts word of mouth toward the outcome (5 told vs 25 told)', () => {
    expect(wordOfMouthPoints(5)).toBe(6);
    expect(wordOfMouthPoints(-25)).toBe(0);
    expect(wordOfMouthPoints(-100)).toBe(0);
    const grudging = score(swap(4, choose('bye')));
    expect(grudging.outcome.wordOfMouth).toBe(-5);
    expect(grudging.components.outcome).toBeCloseTo(7 + 6 * (20 / 30), 2);
    expect(grudging.points.find((point) => point.reason === PointReason.wordOfMouth)).toMatchObject(
      {
        principle: 'wordOfMouth',
      },
    );
  });
});

describe('critical errors cap the grade', () => {
  it('caps a call with a needless data demand and names the error first, with the article’s line', () => {
    const card = score(swap(0, choose('data')));
    expect(card.criticalErrors.map((hit) => hit.error)).toEqual(['needlessData']);
    expect(card.cap).toBe(CRITICAL_CAP);
    expect(card.total).toBeLessThanOrEqual(CRITICAL_CAP);
    expect(card.grade).toBe('C');
    expect(card.points[0]).toMatchObject({
      reason: PointReason.criticalError,
      critical: 'needlessData',
      turn: 0,
      principle: 'noNeedlessData',
    });
  });

  it('explains the cap: the points won less the points lost are the total', () => {
    const card = score(swap(3, choose('promise')));
    expect(card.criticalErrors.map((hit) => hit.error)).toEqual(['unkeepablePromise']);
    const won = card.points.reduce((sum, point) => sum + point.won, 0);
    const lostToCap = card.points
      .filter((point) => point.reason === PointReason.criticalError)
      .reduce((sum, point) => sum + point.lost, 0);
    const penalties = card.penalties;
    expect(Math.round(won - penalties - lostToCap)).toBe(card.total);
  });

  it('measures compensation against the customer’s loss, not the largest option on offer', () => {
    const card = score(swap(3, choose('overpay')));
    expect(card.compensation.allowance).toBe(50);
    expect(card.criticalErrors).toMatchObject([{ error: 'overCompensation', turn: 3 }]);
    expect(card.components.compensation).toBe(0);
    expect(card.total).toBeLessThanOrEqual(CRITICAL_CAP);
  });
});
