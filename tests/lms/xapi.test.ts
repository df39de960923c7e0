import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { replay, scoreTranscript } from '../../src/engine/index.ts';
import type { Scenario, Transcript } from '../../src/engine/index.ts';
import { observeCalls, reportCallEnded, reportChoice } from '../../src/game/reporting.ts';
import { lrsClient, lrsSender } from '../../src/lms/xapi/lrs.ts';
import { StatementQueue, localStorageStore } from '../../src/lms/xapi/queue.ts';
import { XapiReporter } from '../../src/lms/xapi/reporter.ts';
import { Extension, activityIds } from '../../src/lms/xapi/statements.ts';
import type { IdentifiedStatement, StatementFrame } from '../../src/lms/xapi/statements.ts';
import { SCENARIO_DIR, TRANSCRIPT_DIR, loadShipped } from '../support/library.ts';

const COURSE = 'urn:service-dojo:course:test';
const AUTH = 'Basic dGVzdDp0ZXN0';
const SCENARIO_ID = 'charged-twice';

/** A capture LRS: keeps each statement once by id (as an LRS does), counts every POST. */
class CaptureLrs {
  readonly stored = new Map<string, IdentifiedStatement>();
  received = 0;
  authHeaders = new Set<string>();
  /** Store, then drop the connection: the client never learns the LRS has the batch. */
  loseNextAnswer = false;
  private server: Server | null = null;
  port = 0;

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      this.handle(request, response);
    });
    await new Promise<void>((resolve) => this.server?.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => {
      server.close(() => {
        resolve();
      });
    });
  }

  get endpoint(): string {
    return `http://127.0.0.1:${this.port}/xapi/`;
  }

  private handle(request: IncomingMessage, response: ServerResponse): void {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      if (request.method !== 'POST' || !request.url?.startsWith('/xapi/statements')) {
        response.writeHead(404).end();
        return;
      }
      this.authHeaders.add(String(request.headers.authorization));
      const parsed = JSON.parse(body) as IdentifiedStatement | IdentifiedStatement[];
      const statements = Array.isArray(parsed) ? parsed : [parsed];
      for (const statement of statements) {
        this.received += 1;
        if (!this.stored.has(statement.id)) this.stored.set(statement.id, statement);
      }
      if (this.loseNextAnswer) {
        this.loseNextAnswer = false;
        request.socket.destroy();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(statements.map((statement) => statement.id)));
    });
  }
}

/** A Storage stand-in: what `localStorage` keeps across a reload of the page. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => {
      items.clear();
    },
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => items.delete(key),
    setItem: (key, value) => items.set(key, value),
  };
}

const lrs = new CaptureLrs();
let scenario: Scenario;
let transcript: Transcript;
const stops: (() => void)[] = [];

beforeAll(async () => {
  await lrs.start();
  scenario = loadShipped(path.join(SCENARIO_DIR, `${SCENARIO_ID}.yaml`));
  transcript = (
    JSON.parse(readFileSync(path.join(TRANSCRIPT_DIR, SCENARIO_ID, 'mixed.json'), 'utf8')) as {
      transcript: Transcript;
    }
  ).transcript;
});

afterAll(async () => {
  await lrs.stop();
});

afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

function reporterWith(storage: Storage): XapiReporter {
  const frame: StatementFrame = {
    actor: { objectType: 'Agent', account: { homePage: 'https://lms.example', name: 'learner-1' } },
    courseId: COURSE,
    context: { registration: crypto.randomUUID() },
    masteryScore: 0.8,
    uuid: () => crypto.randomUUID(),
    now: () => new Date(),
  };
  const queue = new StatementQueue(
    lrsSender(lrsClient(lrs.endpoint, AUTH)),
    localStorageStore('queue', storage),
  );
  const reporter = new XapiReporter(frame, queue);
  const unobserve = observeCalls(reporter);
  stops.push(() => {
    unobserve();
    queue.stop();
  });
  return reporter;
}

/** Plays the recorded call through the game's reporting hook, as the call and debrief scenes do. */
function playCall(): void {
  const replayed = replay(scenario, transcript);
  if (!replayed.ok) throw new Error('the fixture does not replay');
  replayed.result.turns.forEach((turn, index) => {
    const sofar = { ...transcript, events: transcript.events.slice(0, index + 1) };
    reportChoice(
      scenario,
      turn.nodeId,
      () => sofar,
      () => {
        const scored = scoreTranscript(scenario, sofar);
        if (!scored.ok) throw new Error(scored.error.message);
        return scored.scorecard;
      },
    );
  });
  const scored = scoreTranscript(scenario, transcript);
  if (!scored.ok) throw new Error(scored.error.message);
  reportCallEnded(scenario, transcript, scored.scorecard);
}

const until = async (check: () => boolean) => {
  for (let tries = 0; tries < 200 && !check(); tries += 1)
    await new Promise((resolve) => setTimeout(resolve, 10));
};

describe('xAPI reporting to an LRS', () => {
  it('sends one "answered" per answer and one "completed" per call, with results', async () => {
    lrs.stored.clear();
    const reporter = reporterWith(memoryStorage());
    playCall();
    const expected = transcript.events.length + 1;
    await until(() => lrs.stored.size === expected && reporter.queue.size === 0);
    const statements = [...lrs.stored.values()];
    expect(statements).toHaveLength(expected);
    expect(lrs.authHeaders).toEqual(new Set([AUTH]));

    const answered = statements.filter((s) => s.verb.id.endsWith('/answered'));
    expect(answered).toHaveLength(transcript.events.length);
    answered.forEach((statement) => {
      expect(statement.id).toMatch(/^[0-9a-f-]{36}$/);
      const turn = statement.result?.extensions?.[Extension.turn] as number;
      const event = transcript.events[turn - 1];
      expect(statement.result?.response).toBe(
        event?.type === 'CHOOSE' ? event.choiceId : 'silence',
      );
      const result = statement.result?.extensions?.[Extension.choiceResult];
      expect(['correct', 'incorrect', 'neutral']).toContain(result);
      if (result !== 'neutral') expect(statement.result?.success).toBe(result === 'correct');
      expect(statement.result?.duration).toMatch(/^PT/);
      expect((statement.object as { id: string }).id).toMatch(
        new RegExp(`^${activityIds.scenario(COURSE, SCENARIO_ID)}/nodes/`),
      );
    });

    const [completed] = statements.filter((s) => s.verb.id.endsWith('/completed'));
    const scored = scoreTranscript(scenario, transcript);
    if (!scored.ok) throw new Error('unscorable');
    expect((completed?.object as { id: string }).id).toBe(
      activityIds.scenario(COURSE, SCENARIO_ID),
    );
    expect(completed?.result?.score?.scaled).toBe(scored.scorecard.total / 100);
    expect(completed?.result?.completion).toBe(true);
    expect(Object.keys(completed?.result?.extensions?.[Extension.tips] as object)).toHaveLength(10);
  });

  it('queues while the LRS is down, keeps the queue across a reload, and sends once it is up', async () => {
    lrs.stored.clear();
    lrs.received = 0;
    const storage = memoryStorage();
    await lrs.stop();
    const offline = reporterWith(storage);
    playCall();
    const expected = transcript.events.length + 1;
    await until(() => offline.queue.size === expected);
    await offline.queue.flush();
    expect(offline.queue.size).toBe(expected);
    expect(lrs.received).toBe(0);
    const queuedIds = (JSON.parse(storage.getItem('queue') ?? '[]') as IdentifiedStatement[]).map(
      (statement) => statement.id,
    );
    expect(new Set(queuedIds).size).toBe(expected);

    // The page is reloaded (a new queue from the same storage), and the LRS is back.
    for (const stop of stops.splice(0)) stop();
    await lrs.start();
    const reloaded = reporterWith(storage);
    expect(reloaded.queue.size).toBe(expected);
    // The first answer is lost on the way back: the LRS has the batch, the game does not know.
    lrs.loseNextAnswer = true;
    await reloaded.queue.flush();
    expect(reloaded.queue.size).toBe(expected);
    await reloaded.queue.flush();
    expect(reloaded.queue.size).toBe(0);
    // Sent twice, stored once: the retry carried the same ids, made when the statements were.
    expect(lrs.received).toBeGreaterThan(expected);
    expect([...lrs.stored.keys()].sort()).toEqual([...queuedIds].sort());
  });
});
