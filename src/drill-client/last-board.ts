import { boardResponseSchema } from '../protocol/index.ts';
import type { BoardResponse } from '../protocol/index.ts';
import type { KeyValueStore } from '../storage/index.ts';

const KEY_PREFIX = 'service-dojo:last-board:';

/**
 * The last board seen for each drill, so a player whose server is unreachable still sees the
 * ranking as it was (marked as reconnecting) instead of an empty table.
 */
export function lastBoards(store: KeyValueStore) {
  return {
    remember(board: BoardResponse): void {
      store.set(KEY_PREFIX + board.code, JSON.stringify(board));
    },
    /** The stored board, or null when there is none or it is unreadable. */
    recall(code: string): BoardResponse | null {
      const text = store.get(KEY_PREFIX + code);
      if (text === null) return null;
      try {
        const parsed = boardResponseSchema.safeParse(JSON.parse(text));
        return parsed.success && parsed.data.code === code ? parsed.data : null;
      } catch {
        return null;
      }
    },
  };
}
