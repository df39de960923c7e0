import { openHistory } from './history-store.ts';
import type { HistoryStore } from './history-store.ts';

let opening: Promise<HistoryStore> | null = null;

/**
 * The game's one history connection, opened on first use and shared by every scene. A failed
 * open is forgotten, so the next call tries again (the player may have re-enabled storage).
 */
export function sharedHistory(): Promise<HistoryStore> {
  if (opening) return opening;
  const attempt = openHistory();
  opening = attempt;
  attempt.catch(() => {
    if (opening === attempt) opening = null;
  });
  return attempt;
}
