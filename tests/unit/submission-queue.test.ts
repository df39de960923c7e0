import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DrillApi, SubmissionSync, submissionSender } from '../../src/drill-client/index.ts';
import type { Acknowledgement, FetchLike, SyncEnvironment } from '../../src/drill-client/index.ts';
import type { SubmissionRequest } from '../../src/protocol/index.ts';
import {
  BACKOFF,
  SubmissionState,
  backoffMs,
  newIdempotencyKey,
  openSubmissionQueue,
} from '../../src/storage/index.ts';
import type { SubmissionQueue, SubmissionQueueOptions } from '../../src/storage/index.ts';
import { miniCall } from '../support/fixtures.ts';
import { choose, transcriptOf } from '../support/transcripts.ts';

const transcript = transcriptOf(miniCall(), [choose('listen'), choose('apologise')]);
const TOKEN = 'player-token-0123456789abcdef';

let databases = 0;
const opened: SubmissionQueue[] = [];
afterEach(() => {
  for (const queue of opened.splice(0)) queue.close();
});

/** A fresh database per test; `tabs` queues share it, like tabs of one browser. */
async function queues(tabs: number, options: SubmissionQueueOptions = {}) {
  databases += 1;
  const name = `submissions-test-${String(databases)}`;
  const made: SubmissionQueue[] = [];
  for (let tab = 0; tab < tabs; tab += 1) {
    const queue = await openSubmissionQueue({
      name,
      owner: `tab-${String(tab)}`,
      random: () => 0,
      locks: null,
      ...options,
    });
    opened.push(queue);
    made.push(queue);
  }
  return made;
}

async function queue(options: SubmissionQueueOptions = {}) {
  const [made] = await queues(1, options);
  if (!made) throw new Error('no queue');
  return made;
}

const RESULT = {
  scenarioId: 'mini-call',
  attempt: 1,
  total: 72,
  grade: 'B',
  outcome: 'good',
  submittedAt: '2026-01-01T10:00:00.000Z',
};

/**
 * A fake drill server behind `fetch`: it stores each idempotency key once (as the real one does),
 * answers `duplicate: true` for a key it has, and can be down or answer with a chosen status.
 */
function fakeServer() {
  const stored = new Map<string, SubmissionRequest>();
  const server = {
    up: true,
    posts: 0,
    /** Answer every submission with this status and error code instead (e.g. 503, 409). */
    fail: null as null | { status: number; code: string; message: string; retryAfter?: string },
    /** Milliseconds each answer takes: lets two tabs overlap. */
    delayMs: 0,
    stored,
    fetch: (async (_url, init) => {
      if (!server.up) throw new TypeError('Failed to fetch');
      server.posts += 1;
      if (server.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, server.delayMs));
      if (server.fail) {
        return Response.json(
          { error: { code: server.fail.code, message: server.fail.message } },
          {
            status: server.fail.status,
            headers: server.fail.retryAfter ? { 'retry-after': server.fail.retryAfter } : {},
          },
        );
      }
      const body = JSON.parse(init?.body as string) as SubmissionRequest;
      const duplicate = stored.has(body.idempotencyKey);
      if (!duplicate) stored.set(body.idempotencyKey, body);
      return Response.json({ duplicate, result: RESULT }, { status: duplicate ? 200 : 201 });
    }) as FetchLike,
  };
  return server;
}

function sender(server: ReturnType<typeof fakeServer>, acks: Acknowledgement[] = []) {
  return submissionSender(new DrillApi({ fetch: server.fetch }), (ack) => acks.push(ack));
}

describe('the submission queue', () => {
  it('keeps a result while the server is down and sends it once when it is back', async () => {
    let now = 1_000_000;
    const q = await queue({ now: () => now });
    const server = fakeServer();
    server.up = false;
    const item = await q.enqueue({ drillCode: 'K7MQ2X', playerToken: TOKEN, transcript });
    expect(item.key).toMatch(/^[0-9a-f-]{36}$/);

    const down = await q.flush(sender(server));
    expect(down.retrying).toHaveLength(1);
    const [waiting] = await q.list();
    expect(waiting).toMatchObject({ state: SubmissionState.pending, tries: 1 });
    expect(waiting?.nextTryAt).toBe(now + backoffMs(1, 0));
    expect(waiting?.lastError).toContain('Failed to fetch');

    // Back up, but the retry is not due yet: nothing is sent before the backoff ends…
    server.up = true;
    expect((await q.flush(sender(server))).acknowledged).toHaveLength(0);
    expect(server.posts).toBe(0);
    // …unless the browser says it is online again (a forced flush), or the time comes.
    now += BACKOFF.baseMs;
    const acks: Acknowledgement[] = [];
    const up = await q.flush(sender(server, acks));
    expect(up.acknowledged.map((sent) => sent.key)).toEqual([item.key]);
    expect(acks[0]?.result.total).toBe(72);
    expect(await q.list()).toEqual([]);
    expect([...server.stored.keys()]).toEqual([item.key]);
    expect(server.stored.get(item.key)?.transcript).toEqual(transcript);

    expect((await q.flush(sender(server), { force: true })).acknowledged).toHaveLength(0);
    expect(server.posts).toBe(1);
  });

  it('removes a submission the server already had (a duplicate acknowledgement)', async () => {
    const q = await queue();
    const server = fakeServer();
    const item = await q.enqueue({ drillCode: 'K7MQ2X', playerToken: TOKEN, transcript });
    server.stored.set(item.key, { idempotencyKey: item.key, transcript });
    const acks: Acknowledgement[] = [];
    const report = await q.flush(sender(server, acks));
    expect(report.acknowledged).toHaveLength(1);
    expect(acks[0]?.duplicate).toBe(true);
    expect(await q.list()).toEqual([]);
    expect(server.stored.size).toBe(1);
  });

  it('marks a submission the server refuses as rejected, with its reason, and stops sending it', async () => {
    const q = await queue();
    const server = fakeServer();
    server.fail = { status: 409, code: 'attemptsUsed', message: 'You have used your 1 attempt.' };
    await q.enqueue({ drillCode: 'K7MQ2X', playerToken: TOKEN, transcript });
    const report = await q.flush(sender(server));
    expect(report.rejected).toHaveLength(1);
    const [kept] = await q.list('K7MQ2X');
    expect(kept).toMatchObject({
      state: SubmissionState.rejected,
      lastError: 'You have used your 1 attempt.',
    });
    await q.flush(sender(server), { force: true });
    expect(server.posts).toBe(1);
    expect(await q.nextDue()).toBeNull();
    await q.remove(kept?.key ?? '');
    expect(await q.list()).toEqual([]);
  });

  it.each([
    [503, 'tooManyRequests', undefined],
    [500, 'badRequest', undefined],
    [429, 'tooManyRequests', '120'],
    [409, 'conflict', undefined],
  ])('keeps and retries later on %i %s', async (status, code, retryAfter) => {
    const now = 5_000;
    const q = await queue({ now: () => now });
    const server = fakeServer();
    server.fail = { status, code, message: 'busy', ...(retryAfter ? { retryAfter } : {}) };
    await q.enqueue({ drillCode: 'K7MQ2X', playerToken: TOKEN, transcript });
    await q.flush(sender(server));
    const [kept] = await q.list();
    expect(kept?.state).toBe(SubmissionState.pending);
    expect(kept?.nextTryAt).toBe(now + (retryAfter ? 120_000 : backoffMs(1, 0)));
  });

  it('backs off exponentially with jitter, up to a cap', () => {
    expect(backoffMs(1, 1)).toBe(BACKOFF.baseMs);
    expect(backoffMs(2, 1)).toBe(BACKOFF.baseMs * 2);
    expect(backoffMs(3, 0)).toBe(BACKOFF.baseMs * 2);
    expect(backoffMs(40, 1)).toBe(BACKOFF.maxMs);
  });

  it('sends oldest first and treats a throwing sender as "retry"', async () => {
    let now = 10;
    const q = await queue({ now: () => now });
    const first = await q.enqueue({ drillCode: 'AAAAAA', playerToken: TOKEN, transcript });
    now += 1;
    await q.enqueue({ drillCode: 'BBBBBB', playerToken: TOKEN, transcript });
    const seen: string[] = [];
    const report = await q.flush((item) => {
      seen.push(item.drillCode);
      if (item.key === first.key) return Promise.reject(new Error('boom'));
      return Promise.resolve({ kind: 'acknowledged' });
    });
    expect(seen).toEqual(['AAAAAA', 'BBBBBB']);
    expect(report.retrying.map((item) => item.lastError)).toEqual(['boom']);
    expect((await q.list()).map((item) => item.drillCode)).toEqual(['AAAAAA']);
  });
});

describe('two tabs flushing at once', () => {
  it.each([
    ['IndexedDB claims alone', null],
    ['Web Locks', globalThis.navigator.locks],
  ])('never send the same submission twice (%s)', async (_label, locks) => {
    const [tabA, tabB] = await queues(2, { locks });
    if (!tabA || !tabB) throw new Error('no tabs');
    const server = fakeServer();
    server.delayMs = 20;
    const keys: string[] = [];
    for (let index = 0; index < 4; index += 1) {
      keys.push(
        (
          await tabA.enqueue({
            drillCode: 'K7MQ2X',
            playerToken: TOKEN,
            transcript,
            key: undefined,
          })
        ).key,
      );
    }
    const [a, b] = await Promise.all([tabA.flush(sender(server)), tabB.flush(sender(server))]);
    expect(server.posts).toBe(4);
    expect([...a.acknowledged, ...b.acknowledged].map((item) => item.key).sort()).toEqual(
      [...keys].sort(),
    );
    expect(await tabB.list()).toEqual([]);
  });

  it('takes over a submission claimed by a tab that closed mid-send, once its lease ends', async () => {
    let now = 0;
    const [dead, alive] = await queues(2, { now: () => now, leaseMs: 1000 });
    if (!dead || !alive) throw new Error('no tabs');
    const server = fakeServer();
    await dead.enqueue({ drillCode: 'K7MQ2X', playerToken: TOKEN, transcript });
    // The first tab claims it and never comes back (the sender never settles).
    void dead.flush(() => new Promise(() => undefined));
    await vi.waitFor(async () => {
      expect((await alive.list())[0]?.claim?.by).toBe('tab-0');
    });
    expect((await alive.flush(sender(server))).acknowledged).toHaveLength(0);
    now += 1001;
    expect((await alive.flush(sender(server))).acknowledged).toHaveLength(1);
    expect(server.stored.size).toBe(1);
  });
});

describe('the submission sync', () => {
  function environment() {
    const listeners = new Set<() => void>();
    const timers: { handler: () => void; ms: number }[] = [];
    const env: SyncEnvironment = {
      addEventListener: (_type, listener) => listeners.add(listener),
      removeEventListener: (_type, listener) => listeners.delete(listener),
      setTimeout: (handler, ms) => timers.push({ handler, ms }),
      clearTimeout: () => undefined,
      now: () => 0,
    };
    return { env, listeners, timers };
  }

  it('sends after each call, again when the browser is back online, and reports changes', async () => {
    const q = await queue({ now: () => 0 });
    const server = fakeServer();
    server.up = false;
    const { env, listeners, timers } = environment();
    const sync = new SubmissionSync(q, sender(server), env);
    const changes = vi.fn();
    sync.onChange(changes);
    sync.start();
    await sync.submit({ drillCode: 'K7MQ2X', playerToken: TOKEN, transcript });
    await vi.waitFor(async () => {
      expect((await q.list())[0]?.tries).toBe(1);
    });
    await vi.waitFor(() => {
      expect(timers.at(-1)?.ms).toBe(backoffMs(1, 0));
    });
    server.up = true;
    for (const listener of listeners) listener();
    await vi.waitFor(async () => {
      expect(await q.list()).toEqual([]);
    });
    expect(server.stored.size).toBe(1);
    expect(changes).toHaveBeenCalled();
    sync.stop();
    expect(listeners.size).toBe(0);
  });
});

describe('idempotency keys', () => {
  it('are v4 UUIDs the protocol accepts, even without crypto.randomUUID (plain http)', async () => {
    const { submissionRequestSchema } = await import('../../src/protocol/index.ts');
    const original = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(crypto), 'randomUUID');
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      const keys = new Set(Array.from({ length: 50 }, () => newIdempotencyKey()));
      expect(keys.size).toBe(50);
      for (const key of keys) {
        expect(submissionRequestSchema.shape.idempotencyKey.safeParse(key).success, key).toBe(true);
        expect(key).toMatch(
          /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
        );
      }
    } finally {
      // The own property shadowed the prototype's method: deleting it brings the method back.
      Reflect.deleteProperty(crypto, 'randomUUID');
    }
    expect(original).toBeDefined();
    expect(typeof crypto.randomUUID).toBe('function');
  });
});
