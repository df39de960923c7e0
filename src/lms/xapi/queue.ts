import type { IdentifiedStatement } from './statements.ts';

/** Where queued statements wait: survives a reload, so nothing is lost while offline. */
export interface QueueStore {
  load(): IdentifiedStatement[];
  save(statements: readonly IdentifiedStatement[]): void;
}

/** Keeps the queue in `localStorage` under one key (a few KB: no need for IndexedDB's weight). */
export function localStorageStore(key: string, storage: Storage = localStorage): QueueStore {
  return {
    load() {
      try {
        const parsed: unknown = JSON.parse(storage.getItem(key) ?? '[]');
        return Array.isArray(parsed) ? (parsed as IdentifiedStatement[]) : [];
      } catch {
        return [];
      }
    },
    save(statements) {
      try {
        storage.setItem(key, JSON.stringify(statements));
      } catch {
        // Storage full or blocked: the statements stay in memory for this session.
      }
    },
  };
}

/** An in-memory store, for tests and browsers with storage blocked. */
export function memoryStore(): QueueStore {
  let kept: IdentifiedStatement[] = [];
  return {
    load: () => [...kept],
    save(statements) {
      kept = [...statements];
    },
  };
}

/** The LRS refused with this HTTP status (no status: the network failed). */
export class LrsError extends Error {
  readonly status: number | null;
  constructor(status: number | null, message: string) {
    super(message);
    this.status = status;
  }
}

/** Sends one batch; rejects with an `LrsError`. */
export type SendBatch = (statements: readonly IdentifiedStatement[]) => Promise<void>;

/** A batch the LRS can never accept (bad request, forbidden…) is dropped rather than retried forever. */
function permanent(error: unknown): boolean {
  return (
    error instanceof LrsError &&
    error.status !== null &&
    error.status >= 400 &&
    error.status < 500 &&
    error.status !== 408 &&
    error.status !== 429
  );
}

/** Statements per POST: LRSs accept batches, and a small one keeps a retry cheap. */
const BATCH = 25;
const RETRY_MS = [2_000, 5_000, 15_000, 60_000] as const;

/**
 * An outbox for xAPI statements. Each statement is stored with the UUID it was given when made
 * before any send, so a retry (after a lost answer, a crash, going offline) re-sends the same id
 * and the LRS keeps one statement. Sends in order, one batch at a time; a network failure or a
 * 5xx keeps the batch and retries later (and on the browser's `online` event).
 */
export class StatementQueue {
  private readonly send: SendBatch;
  private readonly store: QueueStore;
  private pending: IdentifiedStatement[];
  private flushing: Promise<void> | null = null;
  private failures = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(send: SendBatch, store: QueueStore) {
    this.send = send;
    this.store = store;
    this.pending = store.load();
  }

  /** Statements not yet accepted by the LRS. */
  get size(): number {
    return this.pending.length;
  }

  /** Queues a statement (stored at once), then tries to send. */
  add(statement: IdentifiedStatement): Promise<void> {
    if (!this.pending.some((queued) => queued.id === statement.id)) {
      this.pending = [...this.pending, statement];
      this.store.save(this.pending);
    }
    return this.flush();
  }

  /** Sends what is queued; resolves when the queue is empty or a send failed (retry scheduled). */
  flush(): Promise<void> {
    this.flushing ??= this.drain().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  /** Stops the retry timer (the page is going away, or a test ends). */
  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private async drain(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending.slice(0, BATCH);
      try {
        await this.send(batch);
      } catch (error) {
        if (!permanent(error)) {
          this.retryLater();
          return;
        }
        console.warn('xAPI: the LRS refused statements; they are dropped', error);
      }
      const sent = new Set(batch.map((statement) => statement.id));
      this.pending = this.pending.filter((statement) => !sent.has(statement.id));
      this.store.save(this.pending);
      this.failures = 0;
    }
  }

  private retryLater(): void {
    if (this.timer) return;
    const delay = RETRY_MS[Math.min(this.failures, RETRY_MS.length - 1)];
    this.failures += 1;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, delay);
  }
}
