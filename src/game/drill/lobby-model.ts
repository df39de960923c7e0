import type { DrillInfo, ResultSummary, ScenarioRef } from '../../protocol/index.ts';

/** One scenario of the drill as the lobby lists it. */
export interface LobbyEntry {
  readonly ref: ScenarioRef;
  /** Verified results the server holds for it. */
  readonly attemptsUsed: number;
  /** Finished calls still waiting in the queue (they will use attempts too). */
  readonly waiting: number;
  /** The best verified total, or null before the first one. */
  readonly best: number | null;
  /** The player may still play it for the drill (open drill, attempts left). */
  readonly playable: boolean;
}

export interface LobbyModel {
  readonly entries: readonly LobbyEntry[];
  /** The index of the scenario "play next" starts, or null when nothing is left to play. */
  readonly next: number | null;
  readonly closed: boolean;
}

/**
 * What the lobby shows: each scenario in the drill's order with its marks, and the next one to
 * play — the first not played yet, else the first with attempts left. Pure: results and the
 * queue's waiting calls come in.
 */
export function lobbyModel(
  drill: DrillInfo,
  results: readonly ResultSummary[],
  waitingByScenario: ReadonlyMap<string, number>,
): LobbyModel {
  const closed = drill.status === 'closed';
  const entries = drill.scenarios.map((ref): LobbyEntry => {
    const mine = results.filter((result) => result.scenarioId === ref.id);
    const waiting = waitingByScenario.get(ref.id) ?? 0;
    return {
      ref,
      attemptsUsed: mine.length,
      waiting,
      best: mine.length === 0 ? null : Math.max(...mine.map((result) => result.total)),
      playable: !closed && mine.length + waiting < drill.attempts,
    };
  });
  const fresh = entries.findIndex(
    (entry) => entry.playable && entry.attemptsUsed + entry.waiting === 0,
  );
  const again = entries.findIndex((entry) => entry.playable);
  const next = fresh >= 0 ? fresh : again >= 0 ? again : null;
  return { entries, next, closed };
}
