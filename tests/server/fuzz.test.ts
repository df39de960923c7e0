import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiRoute, apiPath } from '../../src/protocol/index.ts';
import type { DrillInfo, JoinResponse } from '../../src/protocol/index.ts';
import { ApiClient } from '../support/api-client.ts';
import { recorded, testApp, testCatalogue } from '../support/server.ts';
import type { TestApp } from '../support/server.ts';

const NO_LIMITS = {
  perIpPerMinute: 1e9,
  submissionsPerPlayerPerMinute: 1e9,
  joinsPerIpPerMinute: 1e9,
  loginsPerIpPerMinute: 1e9,
  wrongCodesPerIp: 1e9,
};

/** Fuzzed requests: whatever a client sends, the answer is never a 5xx. */
describe('fuzzed requests', () => {
  let server: TestApp;
  let api: ApiClient;
  let drill: DrillInfo;
  let player: JoinResponse;
  let trainer: string;

  beforeAll(async () => {
    server = await testApp('sqlite', NO_LIMITS);
    api = new ApiClient(server.app);
    trainer = await api.trainerToken();
    drill = await api.createDrill(trainer, {
      title: 'Fuzz',
      scenarioIds: ['tutorial-first-call', 'charged-twice'],
      timers: true,
      attempts: 10,
    });
    player = await api.join(drill.code, 'Fuzzer');
  });
  afterAll(async () => {
    await server.close();
  });

  const routes = Object.values(ApiRoute);
  const code = () =>
    fc.oneof(
      fc.constant(drill.code),
      fc.string({ maxLength: 8 }),
      fc.stringMatching(/^[A-Z2-9]{6}$/),
    );
  const token = () =>
    fc.option(
      fc.oneof(
        fc.constant(player.playerToken),
        fc.constant(trainer),
        fc.string({ maxLength: 60 }),
        fc.base64String({ maxLength: 60 }),
      ),
      { nil: undefined },
    );
  const body = fc.oneof(
    fc.jsonValue(),
    fc.string(),
    fc.record({ name: fc.string() }),
    fc.record({ idempotencyKey: fc.uuid(), transcript: fc.jsonValue() }),
    fc.record({ passphrase: fc.string(), setupCode: fc.string() }),
    fc.record({
      title: fc.string(),
      scenarioIds: fc.array(fc.string()),
      timers: fc.boolean(),
      attempts: fc.integer(),
    }),
  );

  it('answers any method, route, token and body without a server error', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH' as const),
        fc.constantFrom(...routes),
        code(),
        token(),
        body,
        fc.constantFrom(
          'application/json',
          'text/plain',
          'application/x-www-form-urlencoded',
          'multipart/form-data',
          '',
        ),
        async (method, route, joinCode, bearer, payload, contentType) => {
          if (route === ApiRoute.events) return; // a stream: covered by the live test
          const response = await server.app.inject({
            method,
            url: route.includes(':code')
              ? route.replace(':code', encodeURIComponent(joinCode))
              : route,
            headers: {
              ...(contentType === '' ? {} : { 'content-type': contentType }),
              ...(bearer === undefined ? {} : { authorization: `Bearer ${bearer}` }),
            },
            ...(method === 'GET'
              ? {}
              : { payload: typeof payload === 'string' ? payload : JSON.stringify(payload) }),
          });
          expect(response.statusCode, `${method} ${route}: ${response.body}`).toBeLessThan(500);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('answers any transcript (random choices, times, lengths) with a verified score or a 4xx', async () => {
    const scenario = testCatalogue().scenarios.get('charged-twice')?.scenario;
    if (!scenario) throw new Error('charged-twice is missing');
    const choiceIds = Object.values(scenario.nodes).flatMap((node) =>
      node.choices.map((choice) => choice.id),
    );
    const base = recorded('charged-twice', 'best');
    const event = fc.oneof(
      fc.record({
        type: fc.constant('CHOOSE'),
        choiceId: fc.oneof(fc.constantFrom(...choiceIds), fc.string()),
        elapsedMs: fc.oneof(fc.integer({ min: 0, max: 60_000 }), fc.integer(), fc.double()),
      }),
      fc.record({ type: fc.constant('SILENCE'), elapsedMs: fc.integer({ min: -5, max: 90_000 }) }),
      fc.jsonValue(),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(event, { maxLength: 30 }), fc.boolean(), async (events, timed) => {
        const response = await api.request('POST', ApiRoute.submissions, {
          token: player.playerToken,
          body: { idempotencyKey: randomUUID(), transcript: { ...base, timed, events } },
        });
        expect(response.statusCode, response.body).toBeLessThan(500);
        expect([201, 400, 409, 422]).toContain(response.statusCode);
      }),
      { numRuns: 300 },
    );
    const board = await api.request('GET', apiPath(ApiRoute.board, drill.code));
    expect(board.statusCode).toBe(200);
  });
});
