import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ApiRoute, apiPath } from '../../src/protocol/index.ts';
import type { DrillInfo, JoinResponse, MeResponse } from '../../src/protocol/index.ts';
import { call, startServerProcess } from '../support/server-process.ts';
import type { ServerProcess } from '../support/server-process.ts';
import { TEST_PASSPHRASE, recorded } from '../support/server.ts';

const PLAYERS = 12;
const EACH = 10;

describe('a server killed during a burst of submissions', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'dojo-crash-'));
  const running: ServerProcess[] = [];
  afterAll(async () => {
    await Promise.all(running.map((server) => server.stop('SIGKILL')));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('loses no acknowledged result (SIGKILL, then restart on the same data)', async () => {
    const first = await startServerProcess({ DATA_DIR: dataDir });
    running.push(first);
    const login = await call(first.url, 'POST', ApiRoute.trainerLogin, {
      body: { passphrase: TEST_PASSPHRASE },
    });
    const { trainerToken } = login.body as { trainerToken: string };
    const created = await call(first.url, 'POST', ApiRoute.drills, {
      token: trainerToken,
      body: { title: 'Crash', scenarioIds: ['charged-twice'], timers: true, attempts: 10 },
    });
    const drill = (created.body as { drill: DrillInfo }).drill;
    const players: JoinResponse[] = [];
    for (let index = 0; index < PLAYERS; index += 1) {
      const joined = await call(first.url, 'POST', apiPath(ApiRoute.join, drill.code), {
        body: { name: `Player ${String(index)}` },
      });
      players.push(joined.body as JoinResponse);
    }

    // Every player sends its results one after another; all players at once.
    const acknowledged: { token: string; key: string }[] = [];
    const transcript = recorded('charged-twice', 'mixed');
    let killed = false;
    const burst = players.map(async (player) => {
      for (let index = 0; index < EACH && !killed; index += 1) {
        const key = randomUUID();
        try {
          const response = await call(first.url, 'POST', ApiRoute.submissions, {
            token: player.playerToken,
            body: { idempotencyKey: key, transcript },
          });
          if (response.status === 201) acknowledged.push({ token: player.playerToken, key });
        } catch {
          return; // the connection died with the server
        }
      }
    });
    while (acknowledged.length < (PLAYERS * EACH) / 2)
      await new Promise((resolve) => setTimeout(resolve, 2));
    killed = true;
    await first.stop('SIGKILL');
    await Promise.all(burst);
    expect(acknowledged.length).toBeGreaterThanOrEqual((PLAYERS * EACH) / 2);

    const second = await startServerProcess({ DATA_DIR: dataDir });
    running.push(second);
    // Each acknowledged key is known: resending it is a duplicate, not a new result.
    for (const { token, key } of acknowledged) {
      const again = await call(second.url, 'POST', ApiRoute.submissions, {
        token,
        body: { idempotencyKey: key, transcript },
      });
      expect(again.status).toBe(200);
      expect((again.body as { duplicate: boolean }).duplicate).toBe(true);
    }
    let stored = 0;
    for (const player of players) {
      const me = await call(second.url, 'GET', ApiRoute.me, { token: player.playerToken });
      stored += (me.body as MeResponse).results.length;
    }
    expect(stored).toBeGreaterThanOrEqual(acknowledged.length);
  });
});
