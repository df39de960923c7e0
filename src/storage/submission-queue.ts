import { openDB } from 'idb';
import type { DBSchema } from 'idb';
import type { Transcript } from '../engine/index.ts';

/** The drill submissions waiting to be sent: their own database, so history upgrades never block it. */
export const SUBMISSION_DB = {
  name: 'service-dojo-submissions',
  version: 1,
  store: 'submissions',
  /** Web Locks name: one tab flushes at a time where the browser has them. */
  lock: 'service-dojo-submissions-flush',
} as const;

export const SubmissionState = { pending: 'pending', rejected: 'rejected' } as const;
export type SubmissionState = (typeof SubmissionState)[keyof typeof SubmissionState];

/** One finished drill call, kept until the server acknowledges it. */
export interface QueuedSubmission {
  /** The idempotency key: made once when the call ended, sent with every try. */
  readonly key: string;
  readonly drillCode: string;
  readonly playerToken: string;
  readonly transcript: Transcript;
  /** When the call ended (epoch ms): the queue sends oldest first. */
  readonly queuedAt: number;
  readonly state: SubmissionState;
  /** Tries so far that got no acknowledgement. */
  readonly tries: number;
  /** Not tried again before this (epoch ms), unless a flush is forced (back online). */
  readonly nextTryAt: number;
  /** Why the last try failed, or the server's reason for a rejection. */
  readonly lastError: string | null;
  /** The tab sending it now, until `until` (a lease: a tab closed mid-send frees it). */
  readonly claim: { readonly by: string; readonly until: number } | null;
}

/** What the sender learnt from one try. */
export type SendOutcome =
  | { readonly kind: 'acknowledged' }
  | { readonly kind: 'retry'; readonly message: string; readonly retryAfterMs?: number }
  | { readonly kind: 'rejected'; readonly message: string };

export type Sender = (submission: QueuedSubmission) => Promise<SendOutcome>;

export interface FlushReport {
  readonly acknowledged: readonly QueuedSubmission[];
  readonly retrying: readonly QueuedSubmission[];
  readonly rejected: readonly QueuedSubmission[];
}

export interface SubmissionQueue {
  /** Keeps a finished call; the key is made now unless given (tests). */
  enqueue(entry: {
    drillCode: string;
    playerToken: string;
    transcript: Transcript;
    key?: string;
  }): Promise<QueuedSubmission>;
  /**
   * Sends every submission that is due (all pending ones when `force`), one at a time, oldest
   * first, each claimed in an IndexedDB transaction first so two tabs never send the same one
   * at once. Never rejects: a throwing sender counts as "retry".
   */
  flush(send: Sender, options?: { force?: boolean }): Promise<FlushReport>;
  /** Everything kept (pending and rejected), oldest first; one drill's when `drillCode` is given. */
  list(drillCode?: string): Promise<readonly QueuedSubmission[]>;
  /** The earliest time a pending submission is due, or null when none waits. */
  nextDue(): Promise<number | null>;
  /** Forgets a submission (a rejected one the player has read about). */
  remove(key: string): Promise<void>;
  close(): void;
}

export interface SubmissionQueueOptions {
  readonly name?: string;
  readonly now?: () => number;
  /** 0–1, for the backoff's jitter. */
  readonly random?: () => number;
  /** Who claims: one id per tab (made at random unless given). */
  readonly owner?: string;
  /** How long a claim holds a submission before another tab may take it over. */
  readonly leaseMs?: number;
  /** Web Locks, when the platform has them; null to rely on claims alone. */
  readonly locks?: Pick<LockManager, 'request'> | null;
}

/** Backoff after the n-th failed try: 2 s, 4 s, 8 s … capped at 5 minutes, with jitter. */
export const BACKOFF = { baseMs: 2000, maxMs: 5 * 60_000 } as const;
const LEASE_MS = 30_000;

interface QueueDb extends DBSchema {
  [SUBMISSION_DB.store]: { key: string; value: QueuedSubmission };
}

/**
 * A v4 UUID for the idempotency key. `crypto.randomUUID` exists only in secure contexts, and a
 * drill server on a trainer's laptop is often plain http on the local network: there the same
 * UUID is made from `getRandomValues`, which every context has.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The delay before try number `tries + 1`, given `random` in 0–1 (half to full length). */
export function backoffMs(tries: number, random: number): number {
  const full = Math.min(BACKOFF.maxMs, BACKOFF.baseMs * 2 ** Math.max(0, tries - 1));
  return Math.round(full * (0.5 + random / 2));
}

/**
 * Opens the queue of drill submissions. Rejects where IndexedDB is unavailable; the caller then
 * sends directly and says that results cannot wait offline.
 */
export async function openSubmissionQueue(
  options: SubmissionQueueOptions = {},
): Promise<SubmissionQueue> {
  const db = await openDB<QueueDb>(options.name ?? SUBMISSION_DB.name, SUBMISSION_DB.version, {
    upgrade(database, oldVersion) {
      if (oldVersion < 1) database.createObjectStore(SUBMISSION_DB.store, { keyPath: 'key' });
    },
    blocking() {
      db.close();
    },
  });
  const now = options.now ?? (() => Date.now());
  const random = options.random ?? (() => Math.random());
  const owner = options.owner ?? newIdempotencyKey();
  const leaseMs = options.leaseMs ?? LEASE_MS;
  const locks =
    options.locks === undefined
      ? typeof navigator === 'undefined'
        ? null
        : ((navigator.locks as LockManager | undefined) ?? null)
      : options.locks;
  const { store } = SUBMISSION_DB;

  const all = async () =>
    (await db.getAll(store)).sort((a, b) => a.queuedAt - b.queuedAt || (a.key < b.key ? -1 : 1));

  /** Claims the oldest due submission nobody else holds; one transaction, so claims never race. */
  async function claimNext(force: boolean, skip: ReadonlySet<string>) {
    const tx = db.transaction(store, 'readwrite');
    const time = now();
    const candidates = (await tx.store.getAll()).sort((a, b) => a.queuedAt - b.queuedAt);
    const due = candidates.find(
      (item) =>
        item.state === SubmissionState.pending &&
        !skip.has(item.key) &&
        (force || item.nextTryAt <= time) &&
        (item.claim === null || item.claim.until <= time || item.claim.by === owner),
    );
    let claimed: QueuedSubmission | null = null;
    if (due) {
      claimed = { ...due, claim: { by: owner, until: time + leaseMs } };
      await tx.store.put(claimed);
    }
    await tx.done;
    return claimed;
  }

  /** Records a try's outcome, unless another tab took the submission over meanwhile. */
  async function settle(item: QueuedSubmission, outcome: SendOutcome) {
    const tx = db.transaction(store, 'readwrite');
    const current = await tx.store.get(item.key);
    let settled: QueuedSubmission | null = null;
    if (current) {
      if (outcome.kind === 'acknowledged') {
        await tx.store.delete(item.key);
        settled = current;
      } else if (current.claim?.by === owner) {
        const tries = current.tries + 1;
        settled =
          outcome.kind === 'rejected'
            ? {
                ...current,
                state: SubmissionState.rejected,
                tries,
                lastError: outcome.message,
                claim: null,
              }
            : {
                ...current,
                tries,
                nextTryAt: now() + Math.max(outcome.retryAfterMs ?? 0, backoffMs(tries, random())),
                lastError: outcome.message,
                claim: null,
              };
        await tx.store.put(settled);
      }
    }
    await tx.done;
    return settled;
  }

  async function drain(send: Sender, force: boolean): Promise<FlushReport> {
    const report = { acknowledged: [], retrying: [], rejected: [] } as {
      acknowledged: QueuedSubmission[];
      retrying: QueuedSubmission[];
      rejected: QueuedSubmission[];
    };
    const tried = new Set<string>();
    for (;;) {
      const item = await claimNext(force, tried);
      if (!item) return report;
      tried.add(item.key);
      let outcome: SendOutcome;
      try {
        outcome = await send(item);
      } catch (error) {
        outcome = { kind: 'retry', message: error instanceof Error ? error.message : 'failed' };
      }
      const settled = await settle(item, outcome);
      if (!settled) continue;
      if (outcome.kind === 'acknowledged') report.acknowledged.push(settled);
      else if (outcome.kind === 'rejected') report.rejected.push(settled);
      else report.retrying.push(settled);
    }
  }

  const empty: FlushReport = { acknowledged: [], retrying: [], rejected: [] };
  return {
    async enqueue(entry) {
      const item: QueuedSubmission = {
        key: entry.key ?? newIdempotencyKey(),
        drillCode: entry.drillCode,
        playerToken: entry.playerToken,
        transcript: entry.transcript,
        queuedAt: now(),
        state: SubmissionState.pending,
        tries: 0,
        nextTryAt: 0,
        lastError: null,
        claim: null,
      };
      await db.put(store, item);
      return item;
    },
    async flush(send, flushOptions = {}) {
      const force = flushOptions.force === true;
      try {
        // Web Locks make a second tab wait for the first rather than both walking the queue;
        // the claims keep it safe without them (and against a tab that dies mid-send).
        return locks
          ? await locks.request(SUBMISSION_DB.lock, () => drain(send, force))
          : await drain(send, force);
      } catch {
        return empty;
      }
    },
    async list(drillCode) {
      const items = await all();
      return drillCode === undefined ? items : items.filter((item) => item.drillCode === drillCode);
    },
    async nextDue() {
      const pending = (await all()).filter((item) => item.state === SubmissionState.pending);
      return pending.length === 0 ? null : Math.min(...pending.map((item) => item.nextTryAt));
    },
    async remove(key) {
      await db.delete(store, key);
    },
    close() {
      db.close();
    },
  };
}
