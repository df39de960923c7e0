import { BoardEvent, boardResponseSchema } from '../protocol/index.ts';
import type { BoardResponse } from '../protocol/index.ts';

export const StreamState = {
  connecting: 'connecting',
  live: 'live',
  reconnecting: 'reconnecting',
} as const;
export type StreamState = (typeof StreamState)[keyof typeof StreamState];

export interface BoardListener {
  board(board: BoardResponse): void;
  state?(state: StreamState): void;
}

/** The part of `EventSource` used here (tests pass a fake). */
export type EventSourceFactory = (url: string) => Pick<
  EventSource,
  'addEventListener' | 'close' | 'readyState'
> & {
  onopen: ((event: Event) => void) | null;
  onerror: ((event: Event) => void) | null;
};

/**
 * Follows a drill's live board over server-sent events: each `board` event's data is checked
 * against the protocol (a malformed one is ignored, not shown). The browser reconnects on its
 * own; the listener hears when the board is live and when it is reconnecting.
 * Returns the function that stops following.
 */
export function followBoard(
  url: string,
  listener: BoardListener,
  open: EventSourceFactory = (target) => new EventSource(target),
): () => void {
  let source: ReturnType<EventSourceFactory>;
  try {
    source = open(url);
  } catch {
    listener.state?.(StreamState.reconnecting);
    return () => undefined;
  }
  listener.state?.(StreamState.connecting);
  source.onopen = () => listener.state?.(StreamState.live);
  source.onerror = () => listener.state?.(StreamState.reconnecting);
  source.addEventListener(BoardEvent.board, (event) => {
    let data: unknown;
    try {
      data = JSON.parse((event as MessageEvent<string>).data);
    } catch {
      return;
    }
    const parsed = boardResponseSchema.safeParse(data);
    if (parsed.success) {
      listener.state?.(StreamState.live);
      listener.board(parsed.data);
    }
  });
  return () => {
    source.close();
  };
}
