import { existsSync } from 'node:fs';
import path from 'node:path';
import compress from '@fastify/compress';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import { allowedHosts, hostName } from './hosts.ts';
import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import fastifyStatic from '@fastify/static';
import Fastify from 'fastify';
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, validatorCompiler } from 'fastify-type-provider-zod';
import { API_PREFIX, ApiErrorCode, ApiRoute } from '../protocol/index.ts';
import { boardOf } from './board.ts';
import type { Catalogue } from './catalogue.ts';
import { DEFAULT_LIMITS } from './context.ts';
import type { AppContext, Limits } from './context.ts';
import type { Database } from './db/index.ts';
import { ApiFailure } from './errors.ts';
import { AttemptCounter } from './attempts.ts';

const WRONG_CODE_WINDOW_MS = 10 * 60_000;
import { BoardStreams } from './live.ts';
import type { Notifier } from './live.ts';
import { Repository } from './repository.ts';
import { drillRoutes } from './routes/drills.ts';
import { playerRoutes } from './routes/player.ts';
import { trainerRoutes } from './routes/trainer.ts';

export interface AppOptions {
  readonly db: Database;
  readonly catalogue: Catalogue;
  readonly notifier: Notifier;
  /** The built game (vite build's dist/), served at `/`; the API alone when absent. */
  readonly staticDir?: string | undefined;
  readonly publicUrl?: string | undefined;
  /** More host names the server answers to (`ALLOWED_HOSTS`), beyond its own and PUBLIC_URL's. */
  readonly allowedHosts?: readonly string[] | undefined;
  readonly limits?: Partial<Limits> | undefined;
  /** Log each request (JSON lines on stdout). */
  readonly log?: boolean | undefined;
  /** Trust X-Forwarded-* from a reverse proxy in front (for client IPs and join links). */
  readonly trustProxy?: boolean | undefined;
}

/** Fastify's own codes for malformed requests, mapped to ours. */
const FASTIFY_ERRORS: Readonly<Record<string, { code: ApiErrorCode; message: string }>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: {
    code: ApiErrorCode.tooLarge,
    message: 'the request body is too large',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: ApiErrorCode.unsupportedMediaType,
    message: 'send the body as JSON, with content-type: application/json',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: ApiErrorCode.badRequest, message: 'the JSON body is empty' },
  FST_ERR_CTP_INVALID_JSON_BODY: {
    code: ApiErrorCode.badRequest,
    message: 'the body is not valid JSON',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: ApiErrorCode.badRequest,
    message: 'the content-length does not match the body',
  },
};

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/** Any error as the `{ error: { code, message } }` a client can act on; 5xx only for our faults. */
function toFailure(error: FastifyError): ApiFailure | null {
  if (error instanceof ApiFailure) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const details = error.validation
      .map((issue) => {
        const where = issue.instancePath.replace(/^\//, '').replace(/\//g, '.');
        return `${error.validationContext ?? 'request'}${where === '' ? '' : `.${where}`}: ${issue.message}`;
      })
      .join('; ');
    return new ApiFailure(ApiErrorCode.badRequest, details);
  }
  const known = FASTIFY_ERRORS[error.code];
  if (known) return new ApiFailure(known.code, known.message);
  if (error.statusCode === 429)
    return new ApiFailure(ApiErrorCode.tooManyRequests, 'too many requests: wait a minute');
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    return new ApiFailure(ApiErrorCode.badRequest, error.message);
  }
  return null;
}

/**
 * Builds the drill server (routes, limits, headers, static game) without listening: tests call
 * it with `inject`, `startServer` puts it on a port.
 */
export async function buildApp(
  options: AppOptions,
): Promise<{ app: FastifyInstance; context: AppContext }> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const repository = new Repository(options.db);
  const streams = new BoardStreams(options.notifier, async (code) => {
    const drill = await repository.drill(code);
    return drill ? boardOf(repository, drill) : null;
  });
  const context: AppContext = {
    repository,
    catalogue: options.catalogue,
    notifier: options.notifier,
    streams,
    limits,
    wrongCodes: new AttemptCounter(limits.wrongCodesPerIp, WRONG_CODE_WINDOW_MS),
    submissionsPerIp: new AttemptCounter(limits.perIpPerMinute, 60_000),
    publicUrl: options.publicUrl,
  };
  const app = Fastify({
    logger: options.log === true,
    bodyLimit: limits.bodyBytes,
    trustProxy: options.trustProxy === true,
    // Long-lived event streams must not hold up shutdown.
    forceCloseConnections: true,
    // Every body goes through a strict zod schema, which refuses `__proto__` and `constructor`
    // keys anyway: the JSON parser need not scan for them a second time.
    onProtoPoisoning: 'ignore',
    onConstructorPoisoning: 'ignore',
    // Idle, slow and half-sent connections are closed, so they cannot pile up.
    connectionTimeout: limits.idleSocketMs,
    keepAliveTimeout: limits.keepAliveMs,
    requestTimeout: limits.requestMs,
  });
  app.server.headersTimeout = limits.headersMs;
  guardConnections(app.server, limits.connectionsPerIp);
  app.setValidatorCompiler(validatorCompiler);
  // JSON only: a text/plain body (which a cross-site form can send without preflight) gets a 415.
  app.removeContentTypeParser('text/plain');

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // index.html's own <style> and the editor's injected styles.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        mediaSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        frameAncestors: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        // Players reach a training room's server over plain http on the LAN: never force https.
        upgradeInsecureRequests: null,
      },
    },
    // The game runs from the server that serves it; nothing needs to embed it cross-origin.
    crossOriginEmbedderPolicy: false,
    // HSTS means nothing over plain http (a room's LAN): sent only when the request came by https.
    strictTransportSecurity: false,
  });
  app.addHook('onSend', (request, reply, _payload, done) => {
    if (request.protocol === 'https')
      void reply.header('strict-transport-security', 'max-age=15552000; includeSubDomains');
    done();
  });
  await app.register(rateLimit, {
    max: limits.perIpPerMinute,
    timeWindow: 60_000,
    // The game's own files are not the API: a room behind one NAT loads the game thirty times
    // a minute (about 40 files each) and must not be locked out of its drill for it.
    allowList: (request) => !request.url.startsWith(API_PREFIX),
    errorResponseBuilder: (_request, context) =>
      new ApiFailure(
        ApiErrorCode.tooManyRequests,
        `too many requests: try again in ${context.after}`,
      ),
  });

  // Only the names this server is reached by: a forged Host never reaches a join link, and a
  // DNS-rebinding page (its own name pointed at this address) is refused. Behind a proxy
  // without PUBLIC_URL the proxy's name is unknown here, so the check is left to the proxy.
  const hosts = allowedHosts(options.publicUrl, options.allowedHosts);
  const checkHosts = !(options.trustProxy === true && options.publicUrl === undefined);
  app.addHook('onRequest', (request, _reply, done) => {
    if (!checkHosts || hosts.has(hostName(request.headers.host ?? ''))) {
      done();
      return;
    }
    done(
      new ApiFailure(
        ApiErrorCode.badRequest,
        `this server does not answer to the name ${request.headers.host ?? '(none)'}: set PUBLIC_URL or ALLOWED_HOSTS if it should`,
      ),
    );
  });

  // Same-origin only: a page on another site may not post to the API in a player's name.
  app.addHook('onRequest', (request, _reply, done) => {
    const origin = request.headers.origin;
    const safe = request.method === 'GET' || request.method === 'HEAD';
    if (
      origin === undefined ||
      safe ||
      hostOf(origin) === hostOf(`${request.protocol}://${request.host}`)
    ) {
      done();
      return;
    }
    done(new ApiFailure(ApiErrorCode.forbidden, 'requests from other sites are refused'));
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const failure = toFailure(error);
    if (failure) return reply.code(failure.status).send(failure.toBody());
    request.log.error(error);
    return reply
      .code(500)
      .send({ error: { code: 'internal', message: 'the server failed: try again' } });
  });
  app.setNotFoundHandler((request, reply) =>
    reply
      .code(404)
      .send(
        new ApiFailure(
          ApiErrorCode.notFound,
          request.url.startsWith(API_PREFIX)
            ? `no API route ${request.method} ${request.url.split('?')[0] ?? ''}`
            : 'no such page',
        ).toBody(),
      ),
  );

  trainerRoutes(app, context);
  drillRoutes(app, context);
  playerRoutes(app, context);
  app.get(ApiRoute.health, () => ({ ok: true, viewers: streams.viewerCount }));

  if (options.staticDir !== undefined && existsSync(path.join(options.staticDir, 'index.html'))) {
    const root = path.resolve(options.staticDir);
    // The game's files, compressed (brotli or gzip, as the browser asks): 1.5 MB of scripts
    // become about 0.5 MB. Its own scope, so API requests and event streams stay as they are.
    await app.register(async (scope) => {
      await scope.register(compress, { global: true, encodings: ['br', 'gzip'], threshold: 1024 });
      await scope.register(fastifyStatic, {
        root,
        // Vite's hashed files never change; the page itself is checked every time.
        setHeaders(reply, file) {
          reply.header(
            'cache-control',
            file.endsWith('.html') ? 'no-cache' : 'public, max-age=31536000, immutable',
          );
        },
      });
    });
  }
  app.addHook('onClose', () => {
    streams.close();
  });
  return { app, context };
}

/**
 * Caps the connections one address may hold open at once: past the cap a new one is closed at
 * once, before it costs a file descriptor for long. (Behind a proxy every connection comes from
 * the proxy, so the cap then applies to the proxy: keep it above what the room needs.)
 */
function guardConnections(server: Server, perIp: number): void {
  const open = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? '';
    const count = (open.get(address) ?? 0) + 1;
    if (count > perIp) {
      socket.destroy();
      return;
    }
    open.set(address, count);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left <= 0) open.delete(address);
      else open.set(address, left);
    });
  });
}
