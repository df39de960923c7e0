import { TIP_IDS, TipStatus } from '../engine/index.ts';
import type { TipId } from '../engine/index.ts';
import type { HistoryRecord } from './history-record.ts';

/** One call's result on one tip. */
export interface TipPoint {
  /** ISO 8601, the record's date. */
  readonly date: string;
  /** 0–100. */
  readonly percent: number;
}

/** One tip's results over time, oldest first. */
export interface TipSeries {
  readonly tip: TipId;
  readonly points: readonly TipPoint[];
}

/**
 * Progress on each of the ten tips, in the engine's tip order (every tip present, possibly with
 * no points). A call adds a point to a tip only when it assessed that tip: a tip the scenario
 * never tests, or one the call never reached, says nothing about the trainee.
 */
export function tipProgress(
  records: readonly Pick<HistoryRecord, 'date' | 'summary'>[],
): readonly TipSeries[] {
  const ordered = records
    .map((record, index) => ({ record, index, time: Date.parse(record.date) }))
    .sort((a, b) => a.time - b.time || a.index - b.index)
    .map((entry) => entry.record);
  return TIP_IDS.map((tip) => ({
    tip,
    points: ordered.flatMap(({ date, summary }): TipPoint[] => {
      const result = summary.tips[tip];
      return result.status === TipStatus.assessed && result.percent !== null
        ? [{ date, percent: result.percent }]
        : [];
    }),
  }));
}
