import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as z from 'zod';
import {
  ApiErrorCode,
  ApiRoute,
  DrillStatus,
  joinCodeSchema,
  joinRequestSchema,
  submissionRequestSchema,
} from '../../protocol/index.ts';
import { TIP_IDS } from '../../engine/index.ts';
import { newToken, tokenHash } from '../auth.ts';
import { bearer, publicDrillOrFail, requirePlayer } from '../context.ts';
import type { AppContext } from '../context.ts';
import { ApiFailure } from '../errors.ts';
import { verifySubmission } from '../verify.ts';

const codeParams = z.strictObject({ code: joinCodeSchema });

/** Headers for a JSON answer that is never shown as a page. */
const API_ONLY_HEADERS = { 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' };

/** Players: join with a code and a name, rejoin with the token, submit transcripts. */
export function playerRoutes(app: FastifyInstance, context: AppContext): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const { repository, catalogue } = context;

  routes.post(
    ApiRoute.join,
    {
      schema: { params: codeParams, body: joinRequestSchema },
      config: { rateLimit: { max: context.limits.joinsPerIpPerMinute, timeWindow: 60_000 } },
    },
    async (request, reply) => {
      const drill = await publicDrillOrFail(context, request, request.params.code);
      if (drill.status === DrillStatus.closed) {
        throw new ApiFailure(
          ApiErrorCode.drillClosed,
          'this drill is closed: ask your trainer for a new code',
        );
      }
      const token = newToken();
      const player = await repository.createPlayer(drill.code, request.body.name, tokenHash(token));
      await context.notifier.publish(drill.code);
      return reply.code(201).send({ player, playerToken: token, drill });
    },
  );

  routes.get(ApiRoute.me, async (request, reply) => {
    const { player, drill } = await requirePlayer(context, request);
    void reply.header('cache-control', 'no-store');
    return { player, drill, results: await repository.results(player.id) };
  });

  routes.post(
    ApiRoute.submissions,
    {
      schema: { body: submissionRequestSchema },
      // Before the body is read: counted per address whatever the token says.
      onRequest: (request, _reply, done) => {
        const now = Date.now();
        const waitMs = context.submissionsPerIp.blockedFor(request.ip, now);
        if (waitMs > 0) {
          done(
            new ApiFailure(
              ApiErrorCode.tooManyRequests,
              `too many submissions from this address: try again in ${String(Math.ceil(waitMs / 1000))} s`,
            ),
          );
          return;
        }
        context.submissionsPerIp.fail(request.ip, now);
        done();
      },
      // The busiest route answers fetch() with a few bytes of JSON, never a page: helmet's dozen
      // document headers cost ~5% of its time, so it sends just the two that matter here.
      helmet: false,
      config: {
        rateLimit: {
          max: context.limits.submissionsPerPlayerPerMinute,
          timeWindow: 60_000,
          // Per player: the token's hash (requests without one are refused before counting).
          keyGenerator: (request) => {
            const token = bearer(request);
            return token === null ? `ip:${request.ip}` : `player:${tokenHash(token)}`;
          },
        },
      },
    },
    async (request, reply) => {
      void reply.headers(API_ONLY_HEADERS);
      const { player, drill } = await requirePlayer(context, request);
      // A resent result is acknowledged again even after the drill closed: it was counted.
      const stored = await repository.findSubmission(player.id, request.body.idempotencyKey);
      if (stored) return reply.code(200).send({ duplicate: true, result: stored });
      if (drill.status === DrillStatus.closed) {
        throw new ApiFailure(
          ApiErrorCode.drillClosed,
          'this drill closed before the result arrived: it was not counted',
        );
      }
      const scorecard = verifySubmission(catalogue, drill, request.body);
      const { transcript } = request.body;
      const saved = await repository.addSubmission(
        {
          playerId: player.id,
          drillCode: drill.code,
          idempotencyKey: request.body.idempotencyKey,
          scenarioId: transcript.scenarioId,
          total: scorecard.total,
          grade: scorecard.grade,
          outcome: scorecard.outcome.outcome ?? 'none',
          transcript: JSON.stringify(transcript),
          tips: JSON.stringify(
            Object.fromEntries(TIP_IDS.map((tip) => [tip, scorecard.tips[tip].percent])),
          ),
        },
        drill.attempts,
      );
      if (!saved.duplicate) await context.notifier.publish(drill.code);
      return reply.code(saved.duplicate ? 200 : 201).send(saved);
    },
  );
}
