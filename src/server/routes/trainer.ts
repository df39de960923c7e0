import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ApiErrorCode,
  ApiRoute,
  trainerLoginRequestSchema,
  trainerPassphraseRequestSchema,
  trainerSetupRequestSchema,
} from '../../protocol/index.ts';
import { bearer, requireNoBody, requireTrainer } from '../context.ts';
import {
  hashPassphrase,
  newToken,
  normaliseSetupCode,
  tokenHash,
  verifyPassphrase,
} from '../auth.ts';
import type { AppContext } from '../context.ts';
import { ApiFailure } from '../errors.ts';

/** A trainer's login lasts a working day. */
const SESSION_MS = 12 * 60 * 60 * 1000;

/** First-run setup (one-time code → passphrase) and login (passphrase → trainer token). */
export function trainerRoutes(app: FastifyInstance, context: AppContext): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const { repository } = context;
  const loginLimit = {
    rateLimit: { max: context.limits.loginsPerIpPerMinute, timeWindow: 60_000 },
  };
  const session = async () => {
    const token = newToken();
    await repository.createSession(
      tokenHash(token),
      new Date(Date.now() + SESSION_MS).toISOString(),
    );
    return { trainerToken: token };
  };

  routes.get(ApiRoute.trainerStatus, async () => ({
    passphraseSet: (await repository.passphraseHash()) !== null,
  }));

  routes.post(
    ApiRoute.trainerSetup,
    { schema: { body: trainerSetupRequestSchema }, config: loginLimit },
    async (request, reply) => {
      if ((await repository.passphraseHash()) !== null) {
        throw new ApiFailure(
          ApiErrorCode.conflict,
          'the trainer passphrase is already set: log in with it',
        );
      }
      const codeHash = tokenHash(normaliseSetupCode(request.body.setupCode));
      if (!(await repository.setupCodeValid(codeHash))) {
        throw new ApiFailure(
          ApiErrorCode.unauthorized,
          'that setup code is not right: copy it from the server console, where it was printed at start',
        );
      }
      if (!(await repository.setPassphrase(await hashPassphrase(request.body.passphrase)))) {
        throw new ApiFailure(
          ApiErrorCode.conflict,
          'the trainer passphrase was just set: log in with it',
        );
      }
      return reply.code(201).send(await session());
    },
  );

  routes.post(
    ApiRoute.trainerLogin,
    { schema: { body: trainerLoginRequestSchema }, config: loginLimit },
    async (request) => {
      const stored = await repository.passphraseHash();
      if (stored === null) {
        throw new ApiFailure(
          ApiErrorCode.conflict,
          'no trainer passphrase is set yet: set one with the setup code printed on the server console',
        );
      }
      if (!(await verifyPassphrase(request.body.passphrase, stored))) {
        throw new ApiFailure(ApiErrorCode.unauthorized, 'that passphrase is not right');
      }
      return session();
    },
  );

  // Log out on the server: the token stops working at once, not in 12 hours.
  routes.post(ApiRoute.trainerLogout, async (request, reply) => {
    await requireTrainer(context, request);
    requireNoBody(request);
    const token = bearer(request);
    if (token !== null) await repository.endSession(tokenHash(token));
    return reply.code(204).send();
  });

  routes.post(
    ApiRoute.trainerPassphrase,
    { schema: { body: trainerPassphraseRequestSchema }, config: loginLimit },
    async (request) => {
      await requireTrainer(context, request);
      const stored = await repository.passphraseHash();
      if (stored === null || !(await verifyPassphrase(request.body.current, stored))) {
        throw new ApiFailure(ApiErrorCode.unauthorized, 'the current passphrase is not right');
      }
      await repository.changePassphrase(await hashPassphrase(request.body.next));
      // Every other device is logged out; this one goes on with a new session.
      return session();
    },
  );
}
