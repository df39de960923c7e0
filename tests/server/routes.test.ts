import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { AnswerOrder, callSeed } from '../../src/engine/index.ts';
import { SCENARIO_DIR, loadShipped } from '../support/library.ts';
import { transcriptOf } from '../support/transcripts.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorCode, ApiRoute, apiPath } from '../../src/protocol/index.ts';
import type { BoardResponse, DrillInfo, MeResponse } from '../../src/protocol/index.ts';
import { csvField } from '../../src/server/csv.ts';
import { ApiClient, errorCode } from '../support/api-client.ts';
import {
  STORAGES,
  TEST_PASSPHRASE,
  recorded,
  recordedTotal,
  testApp,
  testCatalogue,
} from '../support/server.ts';
import { buildApp, openStorage, prepareTrainer } from '../../src/server/index.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { TestApp } from '../support/server.ts';

describe.each(STORAGES)('drill routes on %s', (storage) => {
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

  const submit = (token: string, transcript: object, idempotencyKey: string = randomUUID()) =>
    api.request('POST', ApiRoute.submissions, { token, body: { idempotencyKey, transcript } });

  it('runs a whole drill: join, submit transcripts, verified scores ranked on the board', async () => {
    expect(drill.code).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
    expect(drill.scenarios.map((scenario) => scenario.id)).toEqual([
      'tutorial-first-call',
      'charged-twice',
    ]);
    const ann = await api.join(drill.code, 'Ann');
    const bo = await api.join(drill.code.toLowerCase(), '  Bo  ');
    expect(bo.player.name).toBe('Bo');

    const first = await submit(ann.playerToken, recorded('tutorial-first-call', 'best'));
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      duplicate: false,
      result: {
        scenarioId: 'tutorial-first-call',
        attempt: 1,
        total: recordedTotal('tutorial-first-call', 'best'),
      },
    });
    expect(
      (await submit(bo.playerToken, recorded('tutorial-first-call', 'worst'))).statusCode,
    ).toBe(201);
    expect((await submit(bo.playerToken, recorded('charged-twice', 'mixed'))).statusCode).toBe(201);

    const board = (
      await api.request('GET', apiPath(ApiRoute.board, drill.code))
    ).json<BoardResponse>();
    const annTotal = recordedTotal('tutorial-first-call', 'best');
    const boTotal =
      recordedTotal('tutorial-first-call', 'worst') + recordedTotal('charged-twice', 'mixed');
    expect(board.rows.map((row) => [row.name, row.total, row.completed])).toEqual(
      [
        ['Ann', annTotal, 1],
        ['Bo', boTotal, 2],
      ].sort((a, b) => Number(b[1]) - Number(a[1])),
    );
    expect(board.rows[0]?.rank).toBe(1);
  });

  it('keeps the best attempt and refuses attempts beyond the limit', async () => {
    const cy = await api.join(drill.code, 'Cy');
    const worst = recordedTotal('charged-twice', 'worst');
    const best = recordedTotal('charged-twice', 'best');
    expect((await submit(cy.playerToken, recorded('charged-twice', 'best'))).statusCode).toBe(201);
    const second = await submit(cy.playerToken, recorded('charged-twice', 'worst'));
    expect(second.json()).toMatchObject({ result: { attempt: 2, total: worst } });
    const third = await submit(cy.playerToken, recorded('charged-twice', 'best'));
    expect(third.statusCode).toBe(409);
    expect(errorCode(third)).toBe(ApiErrorCode.attemptsUsed);
    const board = (
      await api.request('GET', apiPath(ApiRoute.board, drill.code))
    ).json<BoardResponse>();
    expect(board.rows.find((row) => row.name === 'Cy')?.total).toBe(best);
  });

  it('counts a resent submission once (idempotency key) and rejoins with every point', async () => {
    const di = await api.join(drill.code, 'Di');
    const key = randomUUID();
    const transcript = recorded('tutorial-first-call', 'mixed');
    const responses = await Promise.all(
      [1, 2, 3].map(() => submit(di.playerToken, transcript, key)),
    );
    expect(responses.map((response) => response.statusCode).sort()).toEqual([200, 200, 201]);
    expect(
      responses.filter((response) => response.json<{ duplicate: boolean }>().duplicate),
    ).toHaveLength(2);
    const again = await submit(di.playerToken, transcript, key);
    expect(again.statusCode).toBe(200);

    const me = await api.request('GET', ApiRoute.me, { token: di.playerToken });
    expect(me.statusCode).toBe(200);
    const body = me.json<MeResponse>();
    expect(body.player.name).toBe('Di');
    expect(body.results).toHaveLength(1);
    expect(body.results[0]?.total).toBe(recordedTotal('tutorial-first-call', 'mixed'));
  });

  it('refuses transcripts that were forged, unfinished, off-drill, of another version or timing', async () => {
    const eve = await api.join(drill.code, 'Eve');
    const good = recorded('tutorial-first-call', 'best');
    const cases: [object, number, string][] = [
      [
        {
          ...good,
          events: good.events.map((event, index) =>
            index === 1 ? { ...event, choiceId: 'no-such-choice' } : event,
          ),
        },
        422,
        ApiErrorCode.transcriptRejected,
      ],
      [{ ...good, events: good.events.slice(0, 2) }, 422, ApiErrorCode.transcriptRejected],
      [{ ...good, events: [...good.events, good.events[0]] }, 422, ApiErrorCode.transcriptRejected],
      [recorded('damaged-delivery', 'best'), 422, ApiErrorCode.unknownScenario],
      [{ ...good, scenarioVersion: 99 }, 409, ApiErrorCode.scenarioMismatch],
      [{ ...good, scenarioHash: '0123456789abcdef' }, 409, ApiErrorCode.scenarioMismatch],
      [{ ...good, timed: false }, 422, ApiErrorCode.transcriptRejected],
      [{ ...good, format: 'something-else' }, 400, ApiErrorCode.badRequest],
      [{ ...good, events: 'lots' }, 400, ApiErrorCode.badRequest],
    ];
    for (const [transcript, status, code] of cases) {
      const response = await submit(eve.playerToken, transcript);
      expect(response.statusCode, response.body).toBe(status);
      expect(errorCode(response)).toBe(code);
      expect(response.json<{ error: { message: string } }>().error.message.length).toBeGreaterThan(
        10,
      );
    }
    const me = (
      await api.request('GET', ApiRoute.me, { token: eve.playerToken })
    ).json<MeResponse>();
    expect(me.results).toEqual([]);
  });

  it('refuses a transcript whose recorded answer order does not match its seed, and one with no seed', async () => {
    const gil = await api.join(drill.code, 'Gil');
    const good = recorded('tutorial-first-call', 'best');
    const [first, ...rest] = good.events;
    if (!first) throw new Error('no events');
    const reordered = {
      ...good,
      events: [{ ...first, shown: [...first.shown].reverse() }, ...rest],
    };
    const reseeded = { ...good, seed: (good.seed ?? 0) + 1 };
    const seedless = {
      ...good,
      seed: null,
      events: good.events.map((event) => ({ ...event, shown: [] })),
    };
    for (const [transcript, words] of [
      [reordered, 'were recorded in the order'],
      [reseeded, 'were recorded in the order'],
      [seedless, 'before answers were shuffled'],
    ] as const) {
      const response = await submit(gil.playerToken, transcript);
      expect(response.statusCode, response.body).toBe(422);
      expect(errorCode(response)).toBe(ApiErrorCode.transcriptRejected);
      expect(response.json<{ error: { message: string } }>().error.message).toContain(words);
    }
    expect((await submit(gil.playerToken, good)).statusCode).toBe(201);
  });

  it('gives a team drill one answer seed, and takes only calls played with it', async () => {
    const team = await api.createDrill(trainer, {
      title: 'Same order for all',
      scenarioIds: ['tutorial-first-call'],
      timers: true,
      attempts: 3,
      answerOrder: AnswerOrder.team,
    });
    expect(team).toMatchObject({ answerOrder: AnswerOrder.team });
    expect(team.answerSeed).toEqual(expect.any(Number));
    expect(drill).toMatchObject({ answerOrder: AnswerOrder.player, answerSeed: null });
    const hal = await api.join(team.code, 'Hal');
    const scenario = loadShipped(path.join(SCENARIO_DIR, 'tutorial-first-call.yaml'));
    const events = recorded('tutorial-first-call', 'best').events;
    const ownSeed = transcriptOf(scenario, events, { seed: 5 });
    const refused = await submit(hal.playerToken, ownSeed);
    expect(refused.statusCode).toBe(422);
    expect(refused.json<{ error: { message: string } }>().error.message).toContain('one order');
    const teamSeed = transcriptOf(scenario, events, {
      seed: callSeed(team.answerSeed ?? 0, 'tutorial-first-call'),
    });
    expect((await submit(hal.playerToken, teamSeed)).statusCode).toBe(201);
    const listed = (await api.request('GET', apiPath(ApiRoute.drill, team.code))).json<{
      drill: DrillInfo;
    }>();
    expect(listed.drill.answerSeed).toBe(team.answerSeed);
  });

  it("refuses a scored result: the score is always the server's own", async () => {
    const fay = await api.join(drill.code, 'Fay');
    const response = await api.request('POST', ApiRoute.submissions, {
      token: fay.playerToken,
      body: {
        idempotencyKey: randomUUID(),
        transcript: recorded('tutorial-first-call', 'worst'),
        total: 100,
      },
    });
    expect(response.statusCode).toBe(400);
    const worst = await submit(fay.playerToken, {
      ...recorded('tutorial-first-call', 'worst'),
      total: 100,
    });
    expect(worst.statusCode).toBe(400);
  });

  it('guards names, codes and tokens', async () => {
    const join = (code: string, name: unknown) =>
      api.request('POST', apiPath(ApiRoute.join, code), { body: { name } });
    expect((await join(drill.code, 'Ann')).statusCode).toBe(409);
    expect(errorCode(await join(drill.code, 'ANN'))).toBe(ApiErrorCode.nameTaken);
    for (const name of [
      '',
      '   ',
      'x'.repeat(25),
      '<script>alert(1)</script>',
      '=HYPERLINK("x")',
      42,
      null,
    ]) {
      const response = await join(drill.code, name);
      expect(response.statusCode, String(name)).toBe(400);
    }
    expect((await join(drill.code, '王小明')).statusCode).toBe(201);
    expect((await join('ABC', 'Gil')).statusCode).toBe(400);
    expect((await join('ABCDE0', 'Gil')).statusCode).toBe(400);
    expect(errorCode(await join('ZZZZZZ', 'Gil'))).toBe(ApiErrorCode.notFound);
    expect((await api.request('GET', ApiRoute.me)).statusCode).toBe(401);
    expect((await api.request('GET', ApiRoute.me, { token: 'x'.repeat(43) })).statusCode).toBe(401);
    expect(
      (await api.request('GET', ApiRoute.me, { headers: { authorization: 'Basic abc' } }))
        .statusCode,
    ).toBe(401);
  });

  it('keeps trainer routes for the trainer', async () => {
    const player = await api.join(drill.code, 'Hal');
    for (const [method, url] of [
      ['GET', ApiRoute.drills],
      ['POST', apiPath(ApiRoute.drillClose, drill.code)],
      ['GET', apiPath(ApiRoute.drillExport, drill.code)],
      ['GET', apiPath(ApiRoute.drillStats, drill.code)],
    ] as const) {
      expect((await api.request(method, url)).statusCode, url).toBe(401);
      expect((await api.request(method, url, { token: player.playerToken })).statusCode, url).toBe(
        401,
      );
    }
    const created = await api.request('POST', ApiRoute.drills, {
      body: { title: 'x', scenarioIds: ['tutorial-first-call'] },
      token: player.playerToken,
    });
    expect(created.statusCode).toBe(401);
    const wrong = await api.request('POST', ApiRoute.trainerLogin, {
      body: { passphrase: 'not the passphrase' },
    });
    expect(wrong.statusCode).toBe(401);
    const unknown = await api.request('POST', ApiRoute.drills, {
      body: { title: 'x', scenarioIds: ['no-such-scenario'] },
      token: trainer,
    });
    expect(errorCode(unknown)).toBe(ApiErrorCode.unknownScenario);
    const fromFile = await api.createDrill(trainer, { drillId: 'new-hire-week-one' });
    const list = await api.request('GET', ApiRoute.drills, { token: trainer });
    const listed = list.json<{ drills: { code: string; joinUrl: string; players: number }[] }>();
    expect(listed.drills.find((entry) => entry.code === drill.code)?.joinUrl).toMatch(
      new RegExp(`/\\?join=${drill.code}$`),
    );
    expect(fromFile.timers).toBe(false);
    expect(fromFile.title['zh-Hant']).toBe('新人第一週');
    expect(fromFile.scenarios).toHaveLength(6);
  });

  it('exports CSV that a spreadsheet cannot run, and team statistics', async () => {
    const hostile = await api.join(drill.code, "Nat 'cmd'");
    expect((await submit(hostile.playerToken, recorded('charged-twice', 'worst'))).statusCode).toBe(
      201,
    );
    const csv = await api.request('GET', apiPath(ApiRoute.drillExport, drill.code), {
      token: trainer,
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('attachment');
    expect(csv.body.startsWith('\uFEFF"drill","player"')).toBe(true);
    expect(csv.body).toContain(`"Nat 'cmd'"`);
    expect(csv.body).not.toMatch(/(^|,)"[=+\-@]/m);

    const stats = await api.request('GET', apiPath(ApiRoute.drillStats, drill.code), {
      token: trainer,
    });
    const body = stats.json<{
      submissions: number;
      tips: Record<string, number | null>;
      hardest: { misses: number; line: { en?: string } }[];
    }>();
    expect(body.submissions).toBeGreaterThan(3);
    expect(Object.values(body.tips).some((value) => value !== null)).toBe(true);
    expect(body.hardest.length).toBeGreaterThan(0);
    expect(body.hardest[0]?.line.en?.length).toBeGreaterThan(0);
  });

  it('quotes every CSV field and defuses formulas', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    for (const start of ['+', '-', '@', '\t', '\r'])
      expect(csvField(`${start}1`)).toBe(`"'${start}1"`);
    expect(csvField('a,b\nc')).toBe('"a,b\nc"');
    expect(csvField(-3)).toBe('"-3"');
    expect(csvField(null)).toBe('""');
  });

  it('serves a QR code of the join link and a public board', async () => {
    const qr = await api.request('GET', apiPath(ApiRoute.drillQr, drill.code));
    expect(qr.statusCode).toBe(200);
    expect(qr.headers['content-type']).toContain('image/svg+xml');
    expect(qr.body).toContain('<svg');
    const info = await api.request('GET', apiPath(ApiRoute.drill, drill.code));
    expect(info.json<{ joinUrl: string }>().joinUrl).toMatch(new RegExp(`/\\?join=${drill.code}$`));
  });

  it('answers malformed requests with a 4xx and a message', async () => {
    const player = await api.join(drill.code, 'Ivy');
    const raw = (payload: string, contentType = 'application/json') =>
      server.app.inject({
        method: 'POST',
        url: ApiRoute.submissions,
        headers: { 'content-type': contentType, authorization: `Bearer ${player.playerToken}` },
        payload,
      });
    expect((await raw('{"idempotencyKey":')).statusCode).toBe(400);
    expect((await raw('')).statusCode).toBe(400);
    expect((await raw('hello', 'text/plain')).statusCode).toBe(415);
    expect((await raw(JSON.stringify({ pad: 'x'.repeat(70_000) }))).statusCode).toBe(413);
    expect(
      errorCode(await raw(JSON.stringify({ idempotencyKey: 'not-a-uuid', transcript: {} }))),
    ).toBe(ApiErrorCode.badRequest);
    expect((await api.request('GET', '/api/no-such-route')).statusCode).toBe(404);
    expect((await api.request('DELETE', apiPath(ApiRoute.board, drill.code))).statusCode).toBe(404);
  });

  it('refuses posts from other sites and sends security headers', async () => {
    const crossSite = await api.request('POST', apiPath(ApiRoute.join, drill.code), {
      body: { name: 'Jo' },
      headers: { origin: 'https://evil.example' },
    });
    expect(crossSite.statusCode).toBe(403);
    const sameSite = await api.request('POST', apiPath(ApiRoute.join, drill.code), {
      body: { name: 'Jo' },
      headers: { origin: 'http://localhost:80' },
    });
    expect(sameSite.statusCode).toBe(201);
    const board = await api.request('GET', apiPath(ApiRoute.board, drill.code));
    expect(board.headers['content-security-policy']).toContain("default-src 'self'");
    expect(board.headers['x-content-type-options']).toBe('nosniff');
    expect(board.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(board.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('closes a drill: no more joins or results, the board says closed', async () => {
    const late = await api.join(drill.code, 'Kim');
    const closed = await api.request('POST', apiPath(ApiRoute.drillClose, drill.code), {
      token: trainer,
    });
    expect(closed.statusCode).toBe(200);
    expect(
      errorCode(
        await api.request('POST', apiPath(ApiRoute.join, drill.code), { body: { name: 'Lu' } }),
      ),
    ).toBe(ApiErrorCode.drillClosed);
    expect(errorCode(await submit(late.playerToken, recorded('charged-twice', 'best')))).toBe(
      ApiErrorCode.drillClosed,
    );
    const board = (
      await api.request('GET', apiPath(ApiRoute.board, drill.code))
    ).json<BoardResponse>();
    expect(board.status).toBe('closed');
  });
});

describe('rate limits and first-run setup', () => {
  it('limits join attempts per address, so codes cannot be found by trying', async () => {
    const server = await testApp('sqlite', { wrongCodesPerIp: 5 });
    const api = new ApiClient(server.app);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 8; attempt += 1) {
      const response = await api.request('POST', apiPath(ApiRoute.join, 'ZZZZZZ'), {
        body: { name: 'Guess' },
        ip: '10.0.0.7',
      });
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(0, 5)).toEqual([404, 404, 404, 404, 404]);
    expect(statuses.slice(5)).toEqual([429, 429, 429]);
    const other = await api.request('POST', apiPath(ApiRoute.join, 'ZZZZZZ'), {
      body: { name: 'Guess' },
      ip: '10.0.0.8',
    });
    expect(other.statusCode).toBe(404);
    await server.close();
  });

  it('counts wrong codes on every route that takes one, not only on join', async () => {
    const server = await testApp('sqlite', { wrongCodesPerIp: 4 });
    const api = new ApiClient(server.app);
    const routes = [ApiRoute.drill, ApiRoute.board, ApiRoute.drillQr, ApiRoute.events];
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 8; attempt += 1) {
      const route = routes[attempt % routes.length] ?? ApiRoute.drill;
      statuses.push(
        (await api.request('GET', apiPath(route, 'ZZZZZZ'), { ip: '10.0.0.9' })).statusCode,
      );
    }
    expect(statuses).toEqual([404, 404, 404, 404, 429, 429, 429, 429]);
    // Joining from that address is refused too; another address is not.
    expect(
      (
        await api.request('POST', apiPath(ApiRoute.join, 'ZZZZZZ'), {
          body: { name: 'Guess' },
          ip: '10.0.0.9',
        })
      ).statusCode,
    ).toBe(429);
    expect(
      (await api.request('GET', apiPath(ApiRoute.board, 'ZZZZZZ'), { ip: '10.0.0.10' })).statusCode,
    ).toBe(404);
    await server.close();
  });

  it('limits submissions per address too, whatever token each one carries', async () => {
    const server = await testApp('sqlite', { perIpPerMinute: 30 });
    const api = new ApiClient(server.app);
    const statuses = new Map<number, number>();
    for (let attempt = 0; attempt < 40; attempt += 1) {
      // A made-up, well-formed token each time: the per-player limit alone never trips.
      const token = randomUUID().replace(/-/g, '');
      const response = await api.request('POST', ApiRoute.submissions, {
        token,
        body: { idempotencyKey: randomUUID(), transcript: recorded('tutorial-first-call', 'best') },
        ip: '10.0.0.11',
      });
      statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
    }
    expect(statuses.get(429)).toBe(10);
    expect(statuses.get(401) ?? 0).toBe(30);
    await server.close();
  });

  it('limits submissions per player', async () => {
    const server = await testApp('sqlite', { submissionsPerPlayerPerMinute: 3 });
    const api = new ApiClient(server.app);
    const drill = await api.createDrill(await api.trainerToken());
    const player = await api.join(drill.code, 'Max');
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const response = await api.request('POST', ApiRoute.submissions, {
        token: player.playerToken,
        body: { idempotencyKey: randomUUID(), transcript: recorded('tutorial-first-call', 'best') },
      });
      statuses.push(response.statusCode);
    }
    expect(statuses).toEqual([201, 201, 409, 429, 429]);
    await server.close();
  });

  it('logs the trainer out on the server, changes the passphrase (other sessions end) and keeps trainer data out of caches', async () => {
    const server = await testApp('sqlite');
    const api = new ApiClient(server.app);
    const first = await api.trainerToken();
    const second = await api.trainerToken();
    const drill = await api.createDrill(first);
    // Logged out on the server: that token stops working at once.
    expect((await api.request('POST', ApiRoute.trainerLogout, { token: first })).statusCode).toBe(
      204,
    );
    expect((await api.request('GET', ApiRoute.drills, { token: first })).statusCode).toBe(401);
    expect((await api.request('GET', ApiRoute.drills, { token: second })).statusCode).toBe(200);
    // A new passphrase needs the current one, and ends every other session.
    const wrong = await api.request('POST', ApiRoute.trainerPassphrase, {
      token: second,
      body: { current: 'not the passphrase', next: 'a fresh passphrase here' },
    });
    expect(wrong.statusCode).toBe(401);
    const short = await api.request('POST', ApiRoute.trainerPassphrase, {
      token: second,
      body: { current: TEST_PASSPHRASE, next: 'short' },
    });
    expect(short.statusCode).toBe(400);
    const changed = await api.request('POST', ApiRoute.trainerPassphrase, {
      token: second,
      body: { current: TEST_PASSPHRASE, next: 'a fresh passphrase here' },
    });
    expect(changed.statusCode).toBe(200);
    const fresh = changed.json<{ trainerToken: string }>().trainerToken;
    expect((await api.request('GET', ApiRoute.drills, { token: second })).statusCode).toBe(401);
    expect((await api.request('GET', ApiRoute.drills, { token: fresh })).statusCode).toBe(200);
    expect(await api.trainerToken('a fresh passphrase here')).toMatch(/^[A-Za-z0-9_-]+$/);
    const oldLogin = await api.request('POST', ApiRoute.trainerLogin, {
      body: { passphrase: TEST_PASSPHRASE },
    });
    expect(oldLogin.statusCode).toBe(401);
    // Names and scores are never cached; HSTS is not sent over plain http.
    const csv = await api.request('GET', apiPath(ApiRoute.drillExport, drill.code), {
      token: fresh,
    });
    expect(csv.headers['cache-control']).toBe('no-store');
    expect(csv.headers['strict-transport-security']).toBeUndefined();
    const player = await api.join(drill.code, 'Ida');
    const me = await api.request('GET', ApiRoute.me, { token: player.playerToken });
    expect(me.headers['cache-control']).toBe('no-store');
    // A route that takes no body refuses one.
    const closing = await api.request('POST', apiPath(ApiRoute.drillClose, drill.code), {
      token: fresh,
      body: { status: 'open' },
    });
    expect(closing.statusCode).toBe(400);
    await server.close();
  });

  it('answers only to its own names: a forged or rebound Host never reaches a join link', async () => {
    const server = await testApp('sqlite');
    const api = new ApiClient(server.app);
    const trainer = await api.trainerToken();
    const forged = await api.request('POST', ApiRoute.drills, {
      token: trainer,
      body: { title: 'Evil', scenarioIds: ['tutorial-first-call'] },
      headers: { host: 'evil.example', origin: 'http://evil.example' },
    });
    expect(forged.statusCode).toBe(400);
    expect(forged.json<{ error: { message: string } }>().error.message).toContain('evil.example');
    const board = await api.request('GET', ApiRoute.health, {
      headers: { host: 'evil.example:8080' },
    });
    expect(board.statusCode).toBe(400);
    // Its own names still work, and links use them.
    for (const host of ['localhost:8080', '127.0.0.1', '[::1]:8080']) {
      const created = await api.request('POST', ApiRoute.drills, {
        token: trainer,
        body: { title: 'Fine', scenarioIds: ['tutorial-first-call'] },
        headers: { host },
      });
      expect(created.statusCode, host).toBe(201);
      expect(created.json<{ joinUrl: string }>().joinUrl).toContain(`//${host}/?join=`);
    }
    await server.close();
  });

  it('refuses a preset passphrase that is too short, and a setup code from before a restart', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'dojo-trainer-'));
    const { db, notifier } = await openStorage({ dataDir });
    await expect(prepareTrainer(db, 'a')).rejects.toThrow(/TRAINER_PASSPHRASE is too short/);
    const before = await prepareTrainer(db, undefined);
    const after = await prepareTrainer(db, undefined);
    expect(before).not.toBe(after);
    const { app } = await buildApp({ db, catalogue: testCatalogue(), notifier });
    await app.ready();
    const api = new ApiClient(app);
    const stale = await api.request('POST', ApiRoute.trainerSetup, {
      body: { setupCode: before, passphrase: 'a brand new passphrase' },
    });
    expect(stale.statusCode).toBe(401);
    const current = await api.request('POST', ApiRoute.trainerSetup, {
      body: { setupCode: after, passphrase: 'a brand new passphrase' },
    });
    expect(current.statusCode).toBe(201);
    await app.close();
    await notifier.close();
    await db.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('sets the trainer passphrase once, with the one-time setup code', async () => {
    const server = await testApp('sqlite', {}, { passphrase: undefined });
    const api = new ApiClient(server.app);
    expect(server.setupCode).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect((await api.request('GET', ApiRoute.trainerStatus)).json()).toEqual({
      passphraseSet: false,
    });
    const wrong = await api.request('POST', ApiRoute.trainerSetup, {
      body: { setupCode: 'AAAA-BBBB-CCCC', passphrase: 'a brand new passphrase' },
    });
    expect(wrong.statusCode).toBe(401);
    const short = await api.request('POST', ApiRoute.trainerSetup, {
      body: { setupCode: server.setupCode, passphrase: 'short' },
    });
    expect(short.statusCode).toBe(400);
    const done = await api.request('POST', ApiRoute.trainerSetup, {
      body: { setupCode: server.setupCode?.toLowerCase(), passphrase: 'a brand new passphrase' },
    });
    expect(done.statusCode).toBe(201);
    expect(done.json<{ trainerToken: string }>().trainerToken.length).toBeGreaterThan(20);
    const again = await api.request('POST', ApiRoute.trainerSetup, {
      body: { setupCode: server.setupCode, passphrase: 'another passphrase here' },
    });
    expect(again.statusCode).toBe(409);
    expect(await api.trainerToken('a brand new passphrase')).toMatch(/^[A-Za-z0-9_-]+$/);
    await server.close();
  });
});
