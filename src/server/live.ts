import type { ServerResponse } from 'node:http';
import pg from 'pg';
import { BoardEvent } from '../protocol/index.ts';
import type { BoardResponse } from '../protocol/index.ts';

/** The PostgreSQL channel every server process listens on; the payload is the drill's code. */
export const NOTIFY_CHANNEL = 'service_dojo_board';

/**
 * Tells every server process that a drill's board changed. In-process for SQLite (one server);
 * PostgreSQL LISTEN/NOTIFY for several servers on one database (no broker of our own).
 */
export interface Notifier {
  publish(code: string): Promise<void>;
  onChange(handler: (code: string) => void): void;
  /**
   * Changes may have been missed (the connection that hears them dropped and came back): every
   * board a process shows must be sent again.
   */
  onResync?(handler: () => void): void;
  close(): Promise<void>;
}

export function localNotifier(): Notifier {
  const handlers: ((code: string) => void)[] = [];
  return {
    publish(code) {
      for (const handler of handlers) handler(code);
      return Promise.resolve();
    },
    onChange(handler) {
      handlers.push(handler);
    },
    close: () => Promise.resolve(),
  };
}

/** How long a board change waits to travel to other processes, gathering others meanwhile. */
const PUBLISH_COALESCE_MS = 50;

/**
 * The same notifier, sending at most one change per drill per 50 ms to the other processes:
 * boards gather changes for 100 ms when they arrive anyway, so a burst of results costs one
 * message (a NOTIFY, an IPC message) instead of one each.
 */
export function coalescedPublish(notifier: Notifier): Notifier {
  const pending = new Set<string>();
  return {
    ...notifier,
    publish(code) {
      if (pending.has(code)) return Promise.resolve();
      pending.add(code);
      setTimeout(() => {
        pending.delete(code);
        notifier.publish(code).catch(() => undefined);
      }, PUBLISH_COALESCE_MS).unref();
      return Promise.resolve();
    },
  };
}

/** The first wait before listening again after the connection dropped; it doubles up to the cap. */
export const RELISTEN_FIRST_MS = 250;
export const RELISTEN_MAX_MS = 5000;

/**
 * LISTEN on a dedicated connection, NOTIFY through the pool. A process hears its own
 * notifications too, so it never pushes to its viewers twice. The listening connection is
 * watched: an error, an end or a failed reconnect schedules another try (the wait doubling up to
 * `RELISTEN_MAX_MS`) until it listens again — and then every board is resynced, since
 * notifications sent while nobody listened are lost.
 */
export function postgresNotifier(url: string, pool: pg.Pool): Notifier {
  const handlers: ((code: string) => void)[] = [];
  const resyncs: (() => void)[] = [];
  let client: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  let wait = RELISTEN_FIRST_MS;
  let listenedBefore = false;

  const dropped = (which: pg.Client) => {
    if (client === which) client = null;
    void which.end().catch(() => undefined);
    schedule();
  };
  const schedule = () => {
    if (closed || retry !== undefined || client !== null) return;
    retry = setTimeout(() => {
      retry = undefined;
      void listen();
    }, wait);
    retry.unref();
    wait = Math.min(RELISTEN_MAX_MS, wait * 2);
  };
  const listen = async (): Promise<void> => {
    if (closed) return;
    const next = new pg.Client({ connectionString: url });
    let gone = false;
    const stale = (): boolean => gone || closed;
    const lost = () => {
      if (gone) return;
      gone = true;
      dropped(next);
    };
    next.on('notification', (message) => {
      if (message.channel !== NOTIFY_CHANNEL || message.payload === undefined) return;
      for (const handler of handlers) handler(message.payload);
    });
    next.on('error', lost);
    next.on('end', lost);
    try {
      await next.connect();
      await next.query(`LISTEN ${NOTIFY_CHANNEL}`);
    } catch {
      // A refused connect rejects without an 'error' event: this try failed, schedule the next.
      lost();
      return;
    }
    // Read through a function: the connection may have dropped, or the notifier closed, while
    // it was connecting.
    if (stale()) {
      void next.end().catch(() => undefined);
      return;
    }
    client = next;
    wait = RELISTEN_FIRST_MS;
    if (listenedBefore) for (const resync of resyncs) resync();
    listenedBefore = true;
  };
  const ready = listen();
  return coalescedPublish({
    async publish(code) {
      // Sent through the pool: a process whose own listening dropped still tells the others.
      await pool.query('SELECT pg_notify($1, $2)', [NOTIFY_CHANNEL, code]);
    },
    onChange(handler) {
      handlers.push(handler);
    },
    onResync(handler) {
      resyncs.push(handler);
    },
    async close() {
      closed = true;
      clearTimeout(retry);
      await ready;
      await client?.end().catch(() => undefined);
    },
  });
}

/** How long a board waits to gather a burst of results into one push (a busy drill's rate). */
const COALESCE_MS = 100;
/** A comment line keeps proxies from closing an idle stream. */
const HEARTBEAT_MS = 20_000;

/**
 * Server-sent event streams of live boards. A change (heard from the notifier) is pushed to every
 * viewer of that drill on this process, at most once per {@link COALESCE_MS}: 1,000 results in a
 * second cost ten board queries, not a thousand.
 */
export class BoardStreams {
  private readonly viewers = new Map<string, Set<ServerResponse>>();
  private readonly pending = new Set<string>();
  private readonly heartbeat: NodeJS.Timeout;
  private readonly boardOf: (code: string) => Promise<BoardResponse | null>;

  constructor(notifier: Notifier, boardOf: (code: string) => Promise<BoardResponse | null>) {
    this.boardOf = boardOf;
    notifier.onChange((code) => {
      this.changed(code);
    });
    notifier.onResync?.(() => {
      for (const code of this.viewers.keys()) this.changed(code);
    });
    this.heartbeat = setInterval(() => {
      for (const set of this.viewers.values()) for (const viewer of set) viewer.write(': ping\n\n');
    }, HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  get viewerCount(): number {
    let count = 0;
    for (const set of this.viewers.values()) count += set.size;
    return count;
  }

  /** Starts a stream on `response` with the board as it is now. */
  open(code: string, response: ServerResponse, board: BoardResponse): void {
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
      'x-content-type-options': 'nosniff',
    });
    response.write(`retry: 2000\n\n`);
    response.write(frame(board));
    let set = this.viewers.get(code);
    if (!set) this.viewers.set(code, (set = new Set()));
    set.add(response);
    response.on('close', () => {
      set.delete(response);
      if (set.size === 0) this.viewers.delete(code);
    });
  }

  private changed(code: string): void {
    if (!this.viewers.has(code) || this.pending.has(code)) return;
    this.pending.add(code);
    setTimeout(() => {
      this.pending.delete(code);
      void this.push(code);
    }, COALESCE_MS);
  }

  private async push(code: string): Promise<void> {
    const set = this.viewers.get(code);
    if (!set) return;
    const board = await this.boardOf(code).catch(() => null);
    if (!board) return;
    const data = frame(board);
    for (const viewer of set) viewer.write(data);
  }

  /** Ends every stream (shutdown), so the server can close. */
  close(): void {
    clearInterval(this.heartbeat);
    for (const set of this.viewers.values()) for (const viewer of set) viewer.end();
    this.viewers.clear();
  }
}

function frame(board: BoardResponse): string {
  return `event: ${BoardEvent.board}\ndata: ${JSON.stringify(board)}\n\n`;
}
