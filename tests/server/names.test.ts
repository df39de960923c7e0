import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorCode, ApiRoute, apiPath } from '../../src/protocol/index.ts';
import type { BoardResponse, DrillInfo, DrillStats } from '../../src/protocol/index.ts';
import { ApiClient, errorCode } from '../support/api-client.ts';
import { STORAGES, recorded, testApp } from '../support/server.ts';
import type { TestApp } from '../support/server.ts';

const messageOf = (response: LightMyRequestResponse) =>
  response.json<{ error: { message: string } }>().error.message;

describe.each(STORAGES)('names on the board and removed players, on %s', (storage) => {
  let server: TestApp;
  let api: ApiClient;
  let trainer: string;
  let drill: DrillInfo;

  beforeAll(async () => {
    server = await testApp(storage);
    api = new ApiClient(server.app);
    trainer = await api.trainerToken();
    drill = await api.createDrill(trainer);
  });
  afterAll(async () => {
    await server.close();
  });

  const join = (name: string, code = drill.code) =>
    api.request('POST', apiPath(ApiRoute.join, code), { body: { name } });
  const board = async () =>
    (await api.request('GET', apiPath(ApiRoute.board, drill.code))).json<BoardResponse>();
  const submit = (token: string) =>
    api.request('POST', ApiRoute.submissions, {
      token,
      body: { idempotencyKey: randomUUID(), transcript: recorded('charged-twice', 'best') },
    });
  const remove = (playerId: string, token: string | null = trainer, code = drill.code) =>
    api.request('DELETE', apiPath(ApiRoute.drillPlayer, code, playerId), {
      ...(token === null ? {} : { token }),
    });

  it('refuses a name that could pass for one already on the board, and names it', async () => {
    await api.join(drill.code, 'Ann');
    await api.join(drill.code, 'Bill');
    await api.join(drill.code, 'Emma');
    await api.join(drill.code, 'Mei');
    const cases: [string, string][] = [
      ['\u0391\u039d\u039d', 'Ann'], // Greek capitals
      ['ＡＮＮ', 'Ann'],
      ['BiIl', 'Bill'],
      ['Ernma', 'Emma'],
      ['\u039c\u0395\u0399', 'Mei'], // Greek capitals: the same as "MEI" only in capitals
    ];
    for (const [name, existing] of cases) {
      const response = await join(name);
      expect(response.statusCode, name).toBe(409);
      expect(errorCode(response)).toBe(ApiErrorCode.nameTaken);
      expect(messageOf(response)).toContain(`"${existing}"`);
    }
    expect(messageOf(await join('ANN'))).toContain('has already joined');
    expect(messageOf(await join('Ernma'))).toContain('looks like "Emma"');
    // Another drill's board is another namespace.
    const other = await api.createDrill(trainer);
    expect((await join('BiIl', other.code)).statusCode).toBe(201);
  });

  it('refuses invisible, stacked-accent and mixed-alphabet names, saying which rule', async () => {
    const cases: [string, string][] = [
      ['\u3164', 'U+3164'],
      ['\u3164\u3164 ', 'U+3164'],
      ['Mei\u200d', 'U+200D'],
      ['Mei\u0301\u0301', 'same accent'],
      ['M\u0435i', 'mixes two alphabets'], // Cyrillic е in a Latin word
      ['\u0410nn', 'mixes two alphabets'],
    ];
    for (const [name, said] of cases) {
      const response = await join(name);
      expect(response.statusCode, JSON.stringify(name)).toBe(400);
      expect(messageOf(response)).toContain(said);
    }
    expect((await board()).rows.map((row) => row.name)).not.toContain('\u3164');
  });

  it('lets the trainer remove a player: off the board, the stats and the export; their token stops', async () => {
    const troll = await api.join(drill.code, 'Troll');
    const kept = await api.join(drill.code, 'Kim');
    expect((await submit(troll.playerToken)).statusCode).toBe(201);
    expect((await submit(kept.playerToken)).statusCode).toBe(201);
    expect((await board()).rows.map((row) => row.name)).toContain('Troll');

    expect((await remove(troll.player.id, null)).statusCode).toBe(401);
    expect((await remove(troll.player.id, kept.playerToken)).statusCode).toBe(401);
    const removed = await remove(troll.player.id);
    expect(removed.statusCode).toBe(204);
    // A resent click is no error; an unknown or malformed id is.
    expect((await remove(troll.player.id)).statusCode).toBe(204);
    expect(errorCode(await remove(randomUUID()))).toBe(ApiErrorCode.notFound);
    expect((await remove('not-an-id')).statusCode).toBe(400);
    const other = await api.createDrill(trainer);
    expect((await remove(kept.player.id, trainer, other.code)).statusCode).toBe(404);

    const names = (await board()).rows.map((row) => row.name);
    expect(names).not.toContain('Troll');
    expect(names).toContain('Kim');

    const me = await api.request('GET', ApiRoute.me, { token: troll.playerToken });
    expect(me.statusCode).toBe(403);
    expect(errorCode(me)).toBe(ApiErrorCode.playerRemoved);
    expect(messageOf(me)).toContain('removed "Troll"');
    const late = await submit(troll.playerToken);
    expect(errorCode(late)).toBe(ApiErrorCode.playerRemoved);
    expect((await api.request('GET', ApiRoute.me, { token: kept.playerToken })).statusCode).toBe(
      200,
    );

    const csv = (
      await api.request('GET', apiPath(ApiRoute.drillExport, drill.code), { token: trainer })
    ).body;
    expect(csv).toContain('Kim');
    expect(csv).not.toContain('Troll');
    const stats = (
      await api.request('GET', apiPath(ApiRoute.drillStats, drill.code), { token: trainer })
    ).json<DrillStats>();
    expect(stats.players).toBe((await board()).rows.length);
    const listed = (await api.request('GET', ApiRoute.drills, { token: trainer })).json<{
      drills: (DrillInfo & { players: number })[];
    }>();
    expect(listed.drills.find((entry) => entry.code === drill.code)?.players).toBe(
      (await board()).rows.length,
    );

    // The name stays taken, so the removed player cannot come back under it or a look-alike.
    for (const name of ['Troll', 'TroII']) {
      const again = await join(name);
      expect(again.statusCode, name).toBe(409);
      expect(messageOf(again)).toContain('removed');
    }
  });
});
