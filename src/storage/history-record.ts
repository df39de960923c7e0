import type { Grade, Outcome, Scorecard, TipId, TipResult, Transcript } from '../engine/index.ts';

/** What the history keeps of a scorecard: enough for lists, best scores and the tip chart. */
export interface HistorySummary {
  readonly scenarioId: string;
  /** 0–100, as the engine computed it. */
  readonly total: number;
  readonly grade: Grade;
  /** null when the call stopped before an ending. */
  readonly outcome: Outcome | null;
  /** Each tip's status and percentage, exactly as on the scorecard. */
  readonly tips: Readonly<Record<TipId, TipResult>>;
}

/** One finished call in the history. */
export interface HistoryRecord {
  readonly id: string;
  /** When the call ended, ISO 8601 (e.g. `2025-03-01T09:30:00.000Z`). */
  readonly date: string;
  /** The call itself: replaying it gives back the summary, so the summary can always be checked. */
  readonly transcript: Transcript;
  readonly summary: HistorySummary;
}

/** The summary of a scorecard (tip results copied, so the record owns plain data). */
export function summaryOf(card: Scorecard): HistorySummary {
  return {
    scenarioId: card.scenarioId,
    total: card.total,
    grade: card.grade,
    outcome: card.outcome.outcome,
    tips: { ...card.tips },
  };
}

/**
 * A history record from a call and its scorecard. Pure: the id and date come in, so tests and
 * imports never depend on the clock.
 */
export function historyRecord(
  transcript: Transcript,
  card: Scorecard,
  stamp: { readonly id: string; readonly date: string },
): HistoryRecord {
  return { id: stamp.id, date: stamp.date, transcript, summary: summaryOf(card) };
}
