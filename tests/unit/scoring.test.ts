import { describe, expect, it } from 'vitest';
import {
  CRITICAL_CAP,
  PointReason,
  SCORE_WEIGHTS,
  TipStatus,
  analyseScenario,
  gradeOf,
  scoreTranscript,
} from '../../src/engine/index.ts';
import type { CallEvent, Scorecard } from '../../src/engine/index.ts';
import { miniCall } from '../support/fixtures.ts';
import { choose, silence, transcriptOf } from '../support/transcripts.ts';

function score(events: CallEvent[], timed = true): Scorecard {
  const scenario = miniCall();
  const result = scoreTranscript(scenario, transcriptOf(scenario, events, { timed }));
  if (!result.ok) throw new Error(result.error.message);
  return result.scorecard;
}

const best = [choose('listen'), choose('apologise'), choose('refund-today'), choose('call-back')];

describe('scoring', () => {
  it('gives the best call full marks, with every point explained', () => {
    const card = score(best);
    expect(card.total).toBe(100);
    expect(card.grade).toBe('A');
    expect(card.components).toEqual(SCORE_WEIGHTS);
    expect(card.penalties).toBe(0);
    expect(card.criticalErrors).toEqual([]);
    expect(card.cap).toBe(100);
    expect(card.outcome).toEqual({
      endingId: 'resolvedWithFollowUp',
      outcome: 'good',
      wordOfMouth: 5,
    });
    expect(card.steps).toEqual({
      firstPerformed: { vent: 0, apologise: 1, ask: 2, followUp: 3 },
      order: ['vent', 'apologise', 'ask', 'followUp'],
      inOrder: true,
      interruptions: [],
      deadAir: [],
    });
    const won = card.points.reduce((sum, point) => sum + point.won, 0);
    expect(won).toBeCloseTo(100, 1);
    expect(card.points.every((point) => point.lost === 0)).toBe(true);
  });

  it('shows tips never exercised as not assessed, not as 50%', () => {
    const card = score(best);
    expect(card.tips.flexibleMind).toEqual({ status: TipStatus.notAssessed, percent: null });
    expect(card.tips.lessTemper).toEqual({ status: TipStatus.notAssessed, percent: null });
    expect(card.tips.tolerance).toEqual({ status: TipStatus.assessed, percent: 100 });
  });

  it('marks actFast not assessed when timers are off', () => {
    const card = score(best, false);
    expect(card.tips.actFast.status).toBe(TipStatus.notAssessed);
    expect(card.total).toBe(100);
  });

  it('scores actFast from answer times', () => {
    const slow = [
      choose('listen', 19_000),
      choose('apologise', 19_000),
      choose('refund-today', 19_000),
      choose('call-back', 19_000),
    ];
    const card = score(slow);
    expect(card.tips.actFast.percent).toBeLessThan(50);
    expect(card.total).toBeLessThan(100);
    expect(
      card.points.some((point) => point.reason === PointReason.answerTime && point.lost > 0),
    ).toBe(true);
  });

  it('scores efficiency from turns against the shortest good path', () => {
    expect(analyseScenario(miniCall()).shortestGoodTurns).toBe(4);
    const withDetour = score([silence(), ...best]);
    expect(withDetour.turns).toBe(5);
    expect(withDetour.tips.efficiency.percent).toBeLessThan(100);
  });

  it('detects an interruption: explaining while the customer vents', () => {
    const card = score([choose('policy', 3000)]);
    expect(card.steps.interruptions).toEqual([0]);
    expect(card.outcome.outcome).toBe('bad');
    expect(card.outcome.wordOfMouth).toBe(-25);
    expect(card.total).toBeLessThanOrEqual(20);
    expect(card.grade).toBe('F');
    const interruption = card.points.find((point) => point.reason === PointReason.interruption);
    expect(interruption).toMatchObject({ choiceId: 'policy', principle: 'patience' });
  });

  it('costs compensation beyond what the customer lost, as a critical error (earn, else break even, else lose least)', () => {
    const card = score([
      choose('listen'),
      choose('apologise'),
      choose('voucher'),
      choose('call-back'),
    ]);
    expect(card.compensation).toEqual({ spent: 200, cheapestGood: 0, allowance: 0 });
    expect(card.components.compensation).toBe(0);
    const point = card.points.find((entry) => entry.reason === PointReason.compensation);
    expect(point).toMatchObject({ turn: 2, principle: 'earnBreakEven', lost: 5 });
    expect(card.criticalErrors).toEqual([
      {
        error: 'overCompensation',
        turn: 2,
        nodeId: 'offer',
        choiceId: 'voucher',
        principle: 'earnBreakEven',
      },
    ]);
    expect(card.total).toBeLessThanOrEqual(CRITICAL_CAP);
  });

  it('gives a partial outcome half the outcome points and cites following up', () => {
    const card = score([
      choose('listen'),
      choose('apologise'),
      choose('refund-today'),
      choose('goodbye'),
    ]);
    expect(card.outcome.outcome).toBe('partial');
    // 7 of the 14 for a partial ending, and 5 of the 6 for word of mouth 0 (−25 → 0, +5 → 6).
    expect(card.components.outcome).toBe(12);
    expect(card.steps.firstPerformed.followUp).toBeNull();
    expect(card.points.find((point) => point.reason === PointReason.stepMissing)).toMatchObject({
      step: 'followUp',
      lost: 4,
    });
  });

  it('scores an unfinished call with no outcome', () => {
    const card = score([choose('listen')]);
    expect(card.outcome).toEqual({ endingId: null, outcome: null, wordOfMouth: 0 });
    expect(card.components.outcome).toBe(0);
  });

  it('grades by total', () => {
    expect([95, 80, 65, 45, 10].map(gradeOf)).toEqual(['A', 'B', 'C', 'D', 'F']);
  });
});
