import type { FastifyRequest } from 'fastify';
import { AUTH_SCHEME, ApiErrorCode, noBodySchema, tokenSchema } from '../protocol/index.ts';
import type { DrillInfo, Player } from '../protocol/index.ts';
import { tokenHash } from './auth.ts';
import type { Catalogue } from './catalogue.ts';
import { ApiFailure } from './errors.ts';
import type { BoardStreams, Notifier } from './live.ts';
import type { Repository } from './repository.ts';
import type { AttemptCounter } from './attempts.ts';

/** Request limits. The defaults suit a training room; the bench raises them to measure throughput. */
export interface Limits {
  /** Largest request body, in bytes (a 200-answer transcript is about 12 KB). */
  readonly bodyBytes: number;
  /** Requests per minute from one IP address (a room behind one NAT shares it). */
  readonly perIpPerMinute: number;
  /** Submissions per minute from one player (a real call takes at least half a minute). */
  readonly submissionsPerPlayerPerMinute: number;
  /** Joins per minute from one IP address (a whole room may join at once from behind one NAT). */
  readonly joinsPerIpPerMinute: number;
  /** Joins with a code that does not exist, per IP address per 10 minutes: codes cannot be found by trying. */
  readonly wrongCodesPerIp: number;
  /** Trainer login and setup attempts per minute from one IP address. */
  readonly loginsPerIpPerMinute: number;
  /** A connection silent this long is closed (live boards send a heartbeat every 20 s). */
  readonly idleSocketMs: number;
  /** A request whose headers have not all arrived after this long is dropped (slow headers). */
  readonly headersMs: number;
  /** A whole request (headers and body) must have arrived within this long. */
  readonly requestMs: number;
  /** An idle keep-alive connection is closed after this long. */
  readonly keepAliveMs: number;
  /** Open connections from one IP address at most (a room's live boards and players fit). */
  readonly connectionsPerIp: number;
}

export const DEFAULT_LIMITS: Limits = {
  bodyBytes: 64 * 1024,
  perIpPerMinute: 1200,
  submissionsPerPlayerPerMinute: 20,
  joinsPerIpPerMinute: 120,
  wrongCodesPerIp: 10,
  loginsPerIpPerMinute: 10,
  idleSocketMs: 60_000,
  headersMs: 10_000,
  requestMs: 30_000,
  keepAliveMs: 5_000,
  connectionsPerIp: 1000,
};

/** What every route handler needs: built once per app. */
export interface AppContext {
  readonly repository: Repository;
  readonly catalogue: Catalogue;
  readonly notifier: Notifier;
  readonly streams: BoardStreams;
  readonly limits: Limits;
  /** Wrong join codes per address (in memory: a restart forgives, 31⁶ codes still cannot be tried). */
  readonly wrongCodes: AttemptCounter;
  /**
   * Submissions per address (every one counted): the submissions route limits per player, and
   * a flood of made-up tokens from one address must still meet the per-address limit.
   */
  readonly submissionsPerIp: AttemptCounter;
  /** Base URL for join links and QR codes; by default the URL the request came to. */
  readonly publicUrl: string | undefined;
}

/** The bearer token of a request, or null when there is none (or it is malformed). */
export function bearer(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (header === undefined) return null;
  const [scheme, token] = header.split(' ');
  if (scheme !== AUTH_SCHEME || token === undefined) return null;
  return tokenSchema.safeParse(token).success ? token : null;
}

export async function requireTrainer(context: AppContext, request: FastifyRequest): Promise<void> {
  const token = bearer(request);
  if (token === null || !(await context.repository.sessionValid(tokenHash(token)))) {
    throw new ApiFailure(
      ApiErrorCode.unauthorized,
      'this needs the trainer: log in on the dashboard (/?trainer) and try again',
    );
  }
}

export async function requirePlayer(
  context: AppContext,
  request: FastifyRequest,
): Promise<{ player: Player; drill: DrillInfo }> {
  const token = bearer(request);
  const found = token === null ? null : await context.repository.playerByToken(tokenHash(token));
  if (!found) {
    throw new ApiFailure(
      ApiErrorCode.unauthorized,
      'this player token is not known here: join the drill again with its code',
    );
  }
  if (found.removed) {
    throw new ApiFailure(
      ApiErrorCode.playerRemoved,
      `the trainer removed "${found.player.name}" from this drill, so results are no longer taken: ask your trainer if this is a mistake`,
    );
  }
  return { player: found.player, drill: found.drill };
}

/** The refusal for a join code no drill has. */
export function unknownDrill(code: string): ApiFailure {
  return new ApiFailure(
    ApiErrorCode.notFound,
    `no drill has the code ${code}: check it with your trainer`,
  );
}

/**
 * The drill a public route names by its code, counting a wrong code against the caller's
 * address as a join does: no route that takes a code lets codes be found by trying.
 */
export async function publicDrillOrFail(
  context: AppContext,
  request: FastifyRequest,
  code: string,
): Promise<DrillInfo> {
  const waitMs = context.wrongCodes.blockedFor(request.ip, Date.now());
  if (waitMs > 0) {
    throw new ApiFailure(
      ApiErrorCode.tooManyRequests,
      `too many wrong codes from this address: try again in ${String(Math.ceil(waitMs / 60_000))} minute(s)`,
    );
  }
  const drill = await context.repository.drill(code);
  if (!drill) {
    context.wrongCodes.fail(request.ip, Date.now());
    throw unknownDrill(code);
  }
  return drill;
}

export async function drillOrFail(context: AppContext, code: string): Promise<DrillInfo> {
  const drill = await context.repository.drill(code);
  if (!drill) throw unknownDrill(code);
  return drill;
}

/** The origin players reach this server at, for join links. */
export function publicOrigin(context: AppContext, request: FastifyRequest): string {
  if (context.publicUrl !== undefined) return context.publicUrl.replace(/\/+$/, '');
  return `${request.protocol}://${request.host}`;
}

/**
 * Refuses a body on a route that takes none (an empty JSON object at most). Checked after the
 * caller is known, so a stranger gets "log in", not a detail of the route.
 */
export function requireNoBody(request: FastifyRequest): void {
  if (!noBodySchema.safeParse(request.body).success)
    throw new ApiFailure(ApiErrorCode.badRequest, 'this request takes no body: send none');
}
