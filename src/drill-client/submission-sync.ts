import { migrateTranscript } from '../engine/index.ts';
import type { Transcript } from '../engine/index.ts';
import { ApiErrorCode } from '../protocol/index.ts';
import type { ResultSummary } from '../protocol/index.ts';
import type {
  FlushReport,
  QueuedSubmission,
  SendOutcome,
  Sender,
  SubmissionQueue,
} from '../storage/index.ts';
import { FailureKind } from './api-client.ts';
import type { DrillApi } from './api-client.ts';

/** What the server made of an acknowledged submission (a duplicate carries the stored result). */
export interface Acknowledgement {
  readonly submission: QueuedSubmission;
  readonly result: ResultSummary;
  readonly duplicate: boolean;
}

/**
 * A sender for the queue: 200/201 (a duplicate too) acknowledges; no answer, 5xx, 429, a 409
 * `conflict` and an answer that does not match the protocol retry later; any other 4xx is final.
 */
export function submissionSender(
  api: DrillApi,
  onAcknowledged: (ack: Acknowledgement) => void = () => undefined,
): Sender {
  return async (submission): Promise<SendOutcome> => {
    const answer = await api.submit(submission.playerToken, {
      idempotencyKey: submission.key,
      // A result queued by an older game (format 1) goes in the current format: the server
      // then answers with its reason (a seedless call) instead of a bare schema error.
      transcript: migrateTranscript(submission.transcript) as Transcript,
    });
    if (answer.ok) {
      onAcknowledged({
        submission,
        result: answer.value.result,
        duplicate: answer.value.duplicate,
      });
      return { kind: 'acknowledged' };
    }
    // A conflict means other results raced this one on the server: sending it again is right.
    if (answer.kind === FailureKind.rejected && answer.code !== ApiErrorCode.conflict)
      return { kind: 'rejected', message: answer.message };
    return {
      kind: 'retry',
      message: answer.message,
      ...(answer.retryAfterS === null ? {} : { retryAfterMs: answer.retryAfterS * 1000 }),
    };
  };
}

/** The browser events and timers the sync uses, so tests can drive it. */
export interface SyncEnvironment {
  addEventListener(type: 'online', listener: () => void): void;
  removeEventListener(type: 'online', listener: () => void): void;
  setTimeout(handler: () => void, ms: number): number;
  clearTimeout(id: number): void;
  now(): number;
}

/** Never wait more than this for a timer: a sleeping laptop's timers come back late. */
const MAX_WAIT_MS = 60_000;

/**
 * Keeps the queue moving in one tab: flushes on start (page load), when the browser comes back
 * online (forced: backoff is skipped), after each call (`flushNow`), and when the next retry is
 * due. Listeners hear about every change so the lobby can show "2 results waiting to be sent".
 */
export class SubmissionSync {
  private readonly listeners = new Set<() => void>();
  private timer: number | null = null;
  private running: Promise<FlushReport> | null = null;
  /** A flush asked for while one ran: null for none, else whether it was forced. */
  private again: boolean | null = null;
  private stopped = false;
  readonly queue: SubmissionQueue;
  private readonly send: Sender;
  private readonly env: SyncEnvironment;
  private readonly online = () => {
    void this.flushNow(true);
  };

  constructor(queue: SubmissionQueue, send: Sender, env: SyncEnvironment = browserEnvironment()) {
    this.queue = queue;
    this.send = send;
    this.env = env;
  }

  start(): void {
    this.env.addEventListener('online', this.online);
    void this.flushNow();
  }

  stop(): void {
    this.stopped = true;
    this.env.removeEventListener('online', this.online);
    if (this.timer !== null) this.env.clearTimeout(this.timer);
    this.timer = null;
  }

  /** Calls `listener` after every enqueue and flush; returns the unsubscribe function. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Keeps a finished call and tries to send it at once. */
  async submit(entry: Parameters<SubmissionQueue['enqueue']>[0]): Promise<QueuedSubmission> {
    const item = await this.queue.enqueue(entry);
    this.changed();
    void this.flushNow();
    return item;
  }

  /** Flushes now (one flush at a time in this tab; a request during one runs once it ends). */
  async flushNow(force = false): Promise<void> {
    if (this.stopped) return;
    if (this.running) {
      this.again = (this.again ?? false) || force;
      await this.running;
      return;
    }
    this.running = this.queue.flush(this.send, { force });
    try {
      await this.running;
    } finally {
      this.running = null;
    }
    this.changed();
    if (this.again !== null) {
      const forced = this.again;
      this.again = null;
      await this.flushNow(forced);
      return;
    }
    await this.schedule();
  }

  private async schedule(): Promise<void> {
    if (this.stopped) return;
    if (this.timer !== null) this.env.clearTimeout(this.timer);
    this.timer = null;
    const due = await this.queue.nextDue().catch(() => null);
    // `stop()` may have run while the queue answered.
    if (due === null || !this.active()) return;
    const wait = Math.min(MAX_WAIT_MS, Math.max(0, due - this.env.now()));
    this.timer = this.env.setTimeout(() => {
      this.timer = null;
      void this.flushNow();
    }, wait);
  }

  /** A method, not the field, so the check after an await is not narrowed away. */
  private active(): boolean {
    return !this.stopped;
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}

function browserEnvironment(): SyncEnvironment {
  return {
    addEventListener: (type, listener) => {
      window.addEventListener(type, listener);
    },
    removeEventListener: (type, listener) => {
      window.removeEventListener(type, listener);
    },
    setTimeout: (handler, ms) => window.setTimeout(handler, ms),
    clearTimeout: (id) => {
      window.clearTimeout(id);
    },
    now: () => Date.now(),
  };
}
