import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import QRCode from 'qrcode';
import * as z from 'zod';
import { randomInt } from 'node:crypto';
import { AnswerOrder, MAX_SEED, seededShuffle, textFor } from '../../engine/index.ts';
import {
  ApiErrorCode,
  ApiRoute,
  JOIN_QUERY,
  createDrillRequestSchema,
  joinCodeSchema,
} from '../../protocol/index.ts';
import type { DrillInfo, ScenarioRef } from '../../protocol/index.ts';
import { boardOf } from '../board.ts';
import { localized } from '../catalogue.ts';
import {
  drillOrFail,
  publicDrillOrFail,
  publicOrigin,
  requireNoBody,
  requireTrainer,
} from '../context.ts';
import type { AppContext } from '../context.ts';
import { ApiFailure } from '../errors.ts';
import { drillCsv, drillStats } from '../stats.ts';

const codeParams = z.strictObject({ code: joinCodeSchema });
const playerParams = z.strictObject({
  code: joinCodeSchema,
  playerId: z.uuid({ message: 'a player id is the id the board shows for that player' }),
});

/** The trainer's drill routes (create, list, close, export, stats) and the public board. */
export function drillRoutes(app: FastifyInstance, context: AppContext): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const { repository, catalogue } = context;
  const trainer = {
    preHandler: (request: Parameters<typeof requireTrainer>[1]) => requireTrainer(context, request),
  };
  const joinUrl = (request: Parameters<typeof publicOrigin>[1], drill: DrillInfo) =>
    `${publicOrigin(context, request)}/?${JOIN_QUERY}=${drill.code}`;

  const refsOf = (ids: readonly string[]): ScenarioRef[] =>
    ids.map((id) => {
      const entry = catalogue.scenarios.get(id);
      if (!entry) {
        throw new ApiFailure(
          ApiErrorCode.unknownScenario,
          `there is no scenario "${id}" on this server; known ones: ${[...catalogue.scenarios.keys()].join(', ')}`,
        );
      }
      return entry.ref;
    });

  routes.get(ApiRoute.catalogue, () => catalogue.response);

  routes.post(
    ApiRoute.drills,
    { ...trainer, schema: { body: createDrillRequestSchema } },
    async (request, reply) => {
      const body = request.body;
      let drill: DrillInfo;
      if ('drillId' in body) {
        const file = catalogue.drills.get(body.drillId);
        if (!file) {
          throw new ApiFailure(
            ApiErrorCode.notFound,
            `there is no drill file "${body.drillId}"; known ones: ${[...catalogue.drills.keys()].join(', ')}`,
          );
        }
        const ordered =
          file.order === 'shuffled'
            ? seededShuffle(file.scenarios, file.seed ?? 0)
            : file.scenarios;
        drill = await repository.createDrill({
          title: localized(file.title),
          scenarios: refsOf(ordered),
          timers: file.timers,
          attempts: file.attempts,
          ...answerSeeding(file.answerOrder),
        });
      } else {
        drill = await repository.createDrill({
          title: { en: body.title, 'zh-Hans': body.title, 'zh-Hant': body.title },
          scenarios: refsOf(body.scenarioIds),
          timers: body.timers,
          attempts: body.attempts,
          ...answerSeeding(body.answerOrder),
        });
      }
      return reply.code(201).send({ drill, joinUrl: joinUrl(request, drill) });
    },
  );

  routes.get(ApiRoute.drills, trainer, async (request) => ({
    drills: (await repository.drills()).map((drill) => ({
      ...drill,
      joinUrl: joinUrl(request, drill),
    })),
  }));

  routes.get(ApiRoute.drill, { schema: { params: codeParams } }, async (request) => {
    const drill = await publicDrillOrFail(context, request, request.params.code);
    return { drill, joinUrl: joinUrl(request, drill) };
  });

  routes.post(
    ApiRoute.drillClose,
    { ...trainer, schema: { params: codeParams } },
    async (request) => {
      requireNoBody(request);
      const drill = await drillOrFail(context, request.params.code);
      await repository.closeDrill(drill.code);
      await context.notifier.publish(drill.code);
      return { drill: { ...drill, status: 'closed' as const }, joinUrl: joinUrl(request, drill) };
    },
  );

  // A trainer takes an impostor or a duplicate off the drill; the board updates everywhere.
  routes.delete(
    ApiRoute.drillPlayer,
    { ...trainer, schema: { params: playerParams } },
    async (request, reply) => {
      requireNoBody(request);
      const drill = await drillOrFail(context, request.params.code);
      if (!(await repository.removePlayer(drill.code, request.params.playerId))) {
        throw new ApiFailure(
          ApiErrorCode.notFound,
          `drill ${drill.code} has no player with the id ${request.params.playerId}`,
        );
      }
      await context.notifier.publish(drill.code);
      return reply.code(204).send();
    },
  );

  routes.get(
    ApiRoute.drillExport,
    { ...trainer, schema: { params: codeParams } },
    async (request, reply) => {
      const drill = await drillOrFail(context, request.params.code);
      const csv = drillCsv(drill, await repository.submissions(drill.code));
      const name = `service-dojo-${drill.code}-${textFor(drill.title, 'en')
        .replace(/[^A-Za-z0-9]+/g, '-')
        .slice(0, 40)}.csv`;
      return (
        reply
          .header('content-type', 'text/csv; charset=utf-8')
          // Players' names and scores: never kept by a browser or proxy cache.
          .header('cache-control', 'no-store')
          .header('content-disposition', `attachment; filename="${name}"`)
          .send(csv)
      );
    },
  );

  routes.get(
    ApiRoute.drillStats,
    { ...trainer, schema: { params: codeParams } },
    async (request) => {
      const drill = await drillOrFail(context, request.params.code);
      return drillStats(
        catalogue,
        await repository.submissions(drill.code),
        await repository.playerCount(drill.code),
      );
    },
  );

  routes.get(ApiRoute.drillQr, { schema: { params: codeParams } }, async (request, reply) => {
    const drill = await publicDrillOrFail(context, request, request.params.code);
    const svg = await QRCode.toString(joinUrl(request, drill), {
      type: 'svg',
      margin: 2,
      errorCorrectionLevel: 'M',
    });
    return reply
      .header('content-type', 'image/svg+xml')
      .header('cache-control', 'no-cache')
      .send(svg);
  });

  routes.get(ApiRoute.board, { schema: { params: codeParams } }, async (request) =>
    boardOf(repository, await publicDrillOrFail(context, request, request.params.code)),
  );

  routes.get(ApiRoute.events, { schema: { params: codeParams } }, async (request, reply) => {
    const drill = await publicDrillOrFail(context, request, request.params.code);
    const board = await boardOf(repository, drill);
    reply.hijack();
    context.streams.open(drill.code, reply.raw, board);
  });
}

/**
 * A team drill draws its answer seed once, here at the edge (the engine never draws randomness):
 * every player then faces the same order in each scenario.
 */
function answerSeeding(order: AnswerOrder): {
  answerOrder: AnswerOrder;
  answerSeed: number | null;
} {
  return {
    answerOrder: order,
    answerSeed: order === AnswerOrder.team ? randomInt(0, MAX_SEED) : null,
  };
}
