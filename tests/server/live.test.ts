import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ApiRoute, apiPath } from '../../src/protocol/index.ts';
import type { BoardResponse, DrillInfo, JoinResponse } from '../../src/protocol/index.ts';
import pg from 'pg';
import { startServer } from '../../src/server/index.ts';
import { RELISTEN_FIRST_MS, RELISTEN_MAX_MS } from '../../src/server/live.ts';
import { EventStreamReader } from '../support/event-stream.ts';
import { call, startServerProcess } from '../support/server-process.ts';
import type { ServerProcess } from '../support/server-process.ts';
import {
  POSTGRES_URL,
  TEST_PASSPHRASE,
  freshPostgres,
  recorded,
  recordedTotal,
  testCatalogue,
} from '../support/server.ts';

async function openDrill(base: string): Promise<DrillInfo> {
  const login = await call(base, 'POST', ApiRoute.trainerLogin, {
    body: { passphrase: TEST_PASSPHRASE },
  });
  const { trainerToken } = login.body as { trainerToken: string };
  const created = await call(base, 'POST', ApiRoute.drills, {
    token: trainerToken,
    body: {
      title: 'Live',
      scenarioIds: ['tutorial-first-call', 'charged-twice'],
      timers: true,
      attempts: 10,
    },
  });
  return (created.body as { drill: DrillInfo }).drill;
}

async function join(base: string, code: string, name: string): Promise<JoinResponse> {
  const joined = await call(base, 'POST', apiPath(ApiRoute.join, code), { body: { name } });
  expect(joined.status).toBe(201);
  return joined.body as JoinResponse;
}

const submit = (base: string, token: string, scenario: string, kind: 'best' | 'worst' | 'mixed') =>
  call(base, 'POST', ApiRoute.submissions, {
    token,
    body: { idempotencyKey: randomUUID(), transcript: recorded(scenario, kind) },
  });

const totalOf = (board: BoardResponse, name: string) =>
  board.rows.find((row) => row.name === name)?.total;

describe('live board over server-sent events', () => {
  it('pushes the new ranking to every viewer when a verified result arrives', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'dojo-live-'));
    const server = await startServer({
      dataDir,
      trainerPassphrase: TEST_PASSPHRASE,
      catalogue: testCatalogue(),
    });
    const drill = await openDrill(server.url);
    const viewers = [1, 2, 3].map(
      () => new EventStreamReader(server.url + apiPath(ApiRoute.events, drill.code)),
    );
    try {
      for (const viewer of viewers)
        await viewer.next<BoardResponse>((board) => board.code === drill.code);
      const ann = await join(server.url, drill.code, 'Ann');
      const bo = await join(server.url, drill.code, 'Bo');
      expect(
        (await submit(server.url, ann.playerToken, 'tutorial-first-call', 'worst')).status,
      ).toBe(201);
      expect((await submit(server.url, bo.playerToken, 'tutorial-first-call', 'best')).status).toBe(
        201,
      );
      const best = recordedTotal('tutorial-first-call', 'best');
      for (const viewer of viewers) {
        const board = await viewer.next<BoardResponse>(
          (seen) => totalOf(seen, 'Bo') === best,
          2000,
        );
        expect(board.rows[0]?.name).toBe('Bo');
        expect(totalOf(board, 'Ann')).toBe(recordedTotal('tutorial-first-call', 'worst'));
      }
    } finally {
      for (const viewer of viewers) viewer.close();
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('a removed player on the live board', () => {
  it("leaves every viewer's board at once when the trainer removes them", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'dojo-live-'));
    const server = await startServer({
      dataDir,
      trainerPassphrase: TEST_PASSPHRASE,
      catalogue: testCatalogue(),
    });
    const login = await call(server.url, 'POST', ApiRoute.trainerLogin, {
      body: { passphrase: TEST_PASSPHRASE },
    });
    const { trainerToken } = login.body as { trainerToken: string };
    const drill = await openDrill(server.url);
    const viewer = new EventStreamReader(server.url + apiPath(ApiRoute.events, drill.code));
    try {
      const troll = await join(server.url, drill.code, 'Troll');
      await join(server.url, drill.code, 'Kim');
      await viewer.next<BoardResponse>((board) => board.rows.length === 2);
      const removed = await call(
        server.url,
        'DELETE',
        apiPath(ApiRoute.drillPlayer, drill.code, troll.player.id),
        { token: trainerToken },
      );
      expect(removed.status).toBe(204);
      const board = await viewer.next<BoardResponse>((seen) => seen.rows.length === 1, 2000);
      expect(board.rows.map((row) => row.name)).toEqual(['Kim']);
    } finally {
      viewer.close();
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe.runIf(POSTGRES_URL !== undefined)('two server processes on one PostgreSQL', () => {
  const running: ServerProcess[] = [];
  let drop: (() => Promise<void>) | null = null;
  afterAll(async () => {
    await Promise.all(running.map((server) => server.stop()));
    await drop?.();
  });

  it('fans a result out through LISTEN/NOTIFY to viewers on the other process', async () => {
    const database = await freshPostgres();
    drop = () => database.drop();
    const first = await startServerProcess({ DATABASE_URL: database.url });
    running.push(first);
    const second = await startServerProcess({ DATABASE_URL: database.url });
    running.push(second);

    const drill = await openDrill(first.url);
    const onSecond = new EventStreamReader(second.url + apiPath(ApiRoute.events, drill.code));
    const onFirst = new EventStreamReader(first.url + apiPath(ApiRoute.events, drill.code));
    try {
      await onSecond.next<BoardResponse>((board) => board.code === drill.code);
      await onFirst.next<BoardResponse>((board) => board.code === drill.code);
      const ann = await join(first.url, drill.code, 'Ann');
      const started = Date.now();
      expect((await submit(first.url, ann.playerToken, 'charged-twice', 'best')).status).toBe(201);
      const best = recordedTotal('charged-twice', 'best');
      await onSecond.next<BoardResponse>((board) => totalOf(board, 'Ann') === best, 1000);
      expect(Date.now() - started).toBeLessThan(1000);

      // The player goes on through the other server with the same token: every point kept.
      const me = await call(second.url, 'GET', ApiRoute.me, { token: ann.playerToken });
      expect((me.body as { results: unknown[] }).results).toHaveLength(1);
      expect(
        (await submit(second.url, ann.playerToken, 'tutorial-first-call', 'best')).status,
      ).toBe(201);
      const both = best + recordedTotal('tutorial-first-call', 'best');
      await onFirst.next<BoardResponse>((board) => totalOf(board, 'Ann') === both, 1000);
    } finally {
      onFirst.close();
      onSecond.close();
    }
  });
});

describe.runIf(POSTGRES_URL !== undefined)('a PostgreSQL outage', () => {
  it('listens again once the database is back, and sends every watched board again (changes in the gap were lost)', async () => {
    const database = await freshPostgres();
    const name = new URL(database.url).pathname.slice(1);
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    const server = await startServer({
      databaseUrl: database.url,
      trainerPassphrase: TEST_PASSPHRASE,
      catalogue: testCatalogue(),
    });
    const drill = await openDrill(server.url);
    const viewer = new EventStreamReader(server.url + apiPath(ApiRoute.events, drill.code));
    try {
      await viewer.next<BoardResponse>((board) => board.code === drill.code);
      const ann = await join(server.url, drill.code, 'Ann');
      // The outage: no new connection is accepted, and the listening one is cut.
      await admin.query(`ALTER DATABASE ${name} CONNECTION LIMIT 0`);
      await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query ILIKE 'LISTEN%'`,
      );
      // Longer than the first retries: each reconnect is refused.
      await new Promise((resolve) => setTimeout(resolve, 4 * RELISTEN_FIRST_MS + 500));
      // A result arrives through a connection the pool already had: its NOTIFY has no listener.
      expect((await submit(server.url, ann.playerToken, 'charged-twice', 'best')).status).toBe(201);
      await admin.query(`ALTER DATABASE ${name} CONNECTION LIMIT -1`);
      const best = recordedTotal('charged-twice', 'best');
      const board = await viewer.next<BoardResponse>(
        (seen) => totalOf(seen, 'Ann') === best,
        RELISTEN_MAX_MS + 3000,
      );
      expect(board.rows[0]?.name).toBe('Ann');
      const listening = await admin.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND query ILIKE 'LISTEN%'`,
      );
      expect((listening.rows[0] as { n: number }).n).toBe(1);
      // And the next result travels as usual.
      const bo = await join(server.url, drill.code, 'Bo');
      expect((await submit(server.url, bo.playerToken, 'tutorial-first-call', 'best')).status).toBe(
        201,
      );
      await viewer.next<BoardResponse>((seen) => totalOf(seen, 'Bo') !== undefined, 2000);
    } finally {
      viewer.close();
      await server.close();
      await admin.query(`ALTER DATABASE ${name} CONNECTION LIMIT -1`).catch(() => undefined);
      await admin.end();
      await database.drop();
    }
  }, 30_000);
});

describe('several worker processes on one SQLite file (WORKERS=2)', () => {
  it('shows every viewer, whichever worker serves it, a result sent to any worker', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'dojo-workers-'));
    const server = await startServerProcess({ DATA_DIR: dataDir, WORKERS: '2' });
    const viewers: EventStreamReader[] = [];
    try {
      const drill = await openDrill(server.url);
      // The primary hands connections to the workers in turn: six viewers land on both.
      for (let index = 0; index < 6; index += 1)
        viewers.push(new EventStreamReader(server.url + apiPath(ApiRoute.events, drill.code)));
      for (const viewer of viewers)
        await viewer.next<BoardResponse>((board) => board.code === drill.code);
      const players = await Promise.all(
        ['Ann', 'Bo', 'Cy'].map((name) => join(server.url, drill.code, name)),
      );
      for (const player of players)
        expect(
          (await submit(server.url, player.playerToken, 'charged-twice', 'worst')).status,
        ).toBe(201);
      const worst = recordedTotal('charged-twice', 'worst');
      for (const viewer of viewers) {
        await viewer.next<BoardResponse>(
          (board) => board.rows.length === 3 && board.rows.every((row) => row.total === worst),
          2000,
        );
      }
    } finally {
      for (const viewer of viewers) viewer.close();
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
