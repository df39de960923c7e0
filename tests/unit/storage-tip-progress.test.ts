import { describe, expect, it } from 'vitest';
import { TIP_IDS, TipStatus } from '../../src/engine/index.ts';
import type { TipId, TipResult } from '../../src/engine/index.ts';
import { tipProgress } from '../../src/storage/index.ts';
import type { HistorySummary } from '../../src/storage/index.ts';

const notAssessed: TipResult = { status: TipStatus.notAssessed, percent: null };
const noEvidence: TipResult = { status: TipStatus.noEvidence, percent: null };
const assessed = (percent: number): TipResult => ({ status: TipStatus.assessed, percent });

/** A record where only the listed tips have results; every other tip was not assessed. */
function call(date: string, tips: Partial<Record<TipId, TipResult>>) {
  const all = Object.fromEntries(TIP_IDS.map((tip) => [tip, tips[tip] ?? notAssessed]));
  const summary: HistorySummary = {
    scenarioId: 'mini-call',
    total: 50,
    grade: 'D',
    outcome: 'partial',
    tips: all as Record<TipId, TipResult>,
  };
  return { date, summary };
}

const seriesOf = (records: Parameters<typeof tipProgress>[0], tip: TipId) =>
  tipProgress(records).find((series) => series.tip === tip)?.points;

describe('tip progress', () => {
  it('has all ten tips in the engine’s order, empty without history', () => {
    const progress = tipProgress([]);
    expect(progress.map((series) => series.tip)).toEqual([...TIP_IDS]);
    expect(progress.every((series) => series.points.length === 0)).toBe(true);
  });

  it('gives each tip its assessed results, oldest first, whatever order the records come in', () => {
    const records = [
      call('2025-03-03T09:00:00.000Z', { tolerance: assessed(90), doMore: assessed(40) }),
      call('2025-03-01T09:00:00.000Z', { tolerance: assessed(20) }),
      call('2025-03-02T09:00:00.000Z', { tolerance: assessed(55), doMore: assessed(0) }),
    ];
    expect(seriesOf(records, 'tolerance')).toEqual([
      { date: '2025-03-01T09:00:00.000Z', percent: 20 },
      { date: '2025-03-02T09:00:00.000Z', percent: 55 },
      { date: '2025-03-03T09:00:00.000Z', percent: 90 },
    ]);
    expect(seriesOf(records, 'doMore')).toEqual([
      { date: '2025-03-02T09:00:00.000Z', percent: 0 },
      { date: '2025-03-03T09:00:00.000Z', percent: 40 },
    ]);
  });

  it('skips calls that did not assess a tip or reached no moment testing it', () => {
    const records = [
      call('2025-03-01T09:00:00.000Z', { smile: noEvidence }),
      call('2025-03-02T09:00:00.000Z', { smile: assessed(75) }),
      call('2025-03-03T09:00:00.000Z', {}),
    ];
    expect(seriesOf(records, 'smile')).toEqual([{ date: '2025-03-02T09:00:00.000Z', percent: 75 }]);
    expect(seriesOf(records, 'actFast')).toEqual([]);
  });

  it('orders dates written in other time zones by the moment they name', () => {
    const records = [
      call('2025-03-01T10:00:00+08:00', { efficiency: assessed(60) }), // 02:00 UTC
      call('2025-03-01T03:00:00.000Z', { efficiency: assessed(70) }),
      call('2025-03-01T01:00:00.000Z', { efficiency: assessed(50) }),
    ];
    expect(seriesOf(records, 'efficiency')?.map((point) => point.percent)).toEqual([50, 60, 70]);
  });
});
