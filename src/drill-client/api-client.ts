import type * as z from 'zod';
import {
  AUTH_SCHEME,
  ApiRoute,
  apiErrorSchema,
  apiPath,
  boardResponseSchema,
  catalogueResponseSchema,
  drillListResponseSchema,
  drillResponseSchema,
  drillStatsResponseSchema,
  joinResponseSchema,
  meResponseSchema,
  submissionResponseSchema,
  trainerStatusResponseSchema,
  trainerTokenResponseSchema,
} from '../protocol/index.ts';
import type { ApiErrorCode, CreateDrillRequest, SubmissionRequest } from '../protocol/index.ts';

/**
 * Why a call failed. `offline` and `unavailable` are worth retrying (no answer, 5xx, 429);
 * `rejected` is the server saying no (any other 4xx) and carries its sentence; `invalid` is an
 * answer that does not match the protocol (a proxy's error page, an older server).
 */
export const FailureKind = {
  offline: 'offline',
  unavailable: 'unavailable',
  rejected: 'rejected',
  invalid: 'invalid',
} as const;
export type FailureKind = (typeof FailureKind)[keyof typeof FailureKind];

/** A failed call: never thrown, always returned. */
export interface ApiFailure {
  readonly ok: false;
  readonly kind: FailureKind;
  /** The HTTP status, or null when no answer came. */
  readonly status: number | null;
  /** The server's error code on a 4xx, when it sent one. */
  readonly code: ApiErrorCode | null;
  /** The server's own sentence on a 4xx; otherwise a short English description for logs. */
  readonly message: string;
  /** Seconds the server asked to wait (429 / 503 `Retry-After`), when it said. */
  readonly retryAfterS: number | null;
}

export type ApiResult<T> =
  { readonly ok: true; readonly status: number; readonly value: T } | ApiFailure;

/** Only the part of `fetch` the client uses, so tests pass a plain function. */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface DrillApiOptions {
  /** Origin of the drill server; '' (the default) is the page's own origin. */
  readonly baseUrl?: string;
  readonly fetch?: FetchLike;
}

type Method = 'GET' | 'POST' | 'DELETE';
interface Call {
  readonly method?: Method;
  readonly token?: string;
  readonly body?: unknown;
}

/**
 * The drill API over `fetch`: every response is checked against the protocol's schema, every
 * failure comes back as an {@link ApiFailure} (nothing throws), and 4xx carry the server's words.
 *
 * @example
 * const api = new DrillApi();
 * const joined = await api.join('K7MQ2X', 'Mei');
 * if (!joined.ok) showError(joined.message);
 */
export class DrillApi {
  private readonly baseUrl: string;
  private readonly fetchFn: FetchLike;

  constructor(options: DrillApiOptions = {}) {
    this.baseUrl = options.baseUrl ?? '';
    // Bound: calling the browser's fetch detached from `window` throws "Illegal invocation".
    this.fetchFn = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  }

  /** An absolute or page-relative URL for a route (for `<img>`, `EventSource`, links). */
  url(route: ApiRoute, code?: string): string {
    return this.baseUrl + apiPath(route, code);
  }

  catalogue() {
    return this.request(catalogueResponseSchema, apiPath(ApiRoute.catalogue));
  }

  trainerStatus() {
    return this.request(trainerStatusResponseSchema, apiPath(ApiRoute.trainerStatus));
  }

  trainerSetup(setupCode: string, passphrase: string) {
    return this.request(trainerTokenResponseSchema, apiPath(ApiRoute.trainerSetup), {
      method: 'POST',
      body: { setupCode, passphrase },
    });
  }

  trainerLogin(passphrase: string) {
    return this.request(trainerTokenResponseSchema, apiPath(ApiRoute.trainerLogin), {
      method: 'POST',
      body: { passphrase },
    });
  }

  /** Ends this trainer session on the server (the token stops working at once). */
  trainerLogout(trainerToken: string) {
    return this.request(null, apiPath(ApiRoute.trainerLogout), {
      method: 'POST',
      token: trainerToken,
    });
  }

  /** A new passphrase: every other session ends; this one goes on with the token returned. */
  changePassphrase(trainerToken: string, current: string, next: string) {
    return this.request(trainerTokenResponseSchema, apiPath(ApiRoute.trainerPassphrase), {
      method: 'POST',
      token: trainerToken,
      body: { current, next },
    });
  }

  createDrill(trainerToken: string, request: CreateDrillRequest) {
    return this.request(drillResponseSchema, apiPath(ApiRoute.drills), {
      method: 'POST',
      token: trainerToken,
      body: request,
    });
  }

  listDrills(trainerToken: string) {
    return this.request(drillListResponseSchema, apiPath(ApiRoute.drills), {
      token: trainerToken,
    });
  }

  /** Closes a drill; the protocol fixes no body for the answer, so none is read. */
  closeDrill(trainerToken: string, code: string) {
    return this.request(null, apiPath(ApiRoute.drillClose, code), {
      method: 'POST',
      token: trainerToken,
    });
  }

  /** Takes a player off the drill (the board, stats and export); their token stops working. */
  removePlayer(trainerToken: string, code: string, playerId: string) {
    return this.request(null, apiPath(ApiRoute.drillPlayer, code, playerId), {
      method: 'DELETE',
      token: trainerToken,
    });
  }

  /** The drill's results as CSV text (the trainer saves it as a file). */
  exportCsv(trainerToken: string, code: string) {
    return this.request('text', apiPath(ApiRoute.drillExport, code), { token: trainerToken });
  }

  stats(trainerToken: string, code: string) {
    return this.request(drillStatsResponseSchema, apiPath(ApiRoute.drillStats, code), {
      token: trainerToken,
    });
  }

  board(code: string) {
    return this.request(boardResponseSchema, apiPath(ApiRoute.board, code));
  }

  join(code: string, name: string) {
    return this.request(joinResponseSchema, apiPath(ApiRoute.join, code), {
      method: 'POST',
      body: { name },
    });
  }

  me(playerToken: string) {
    return this.request(meResponseSchema, apiPath(ApiRoute.me), { token: playerToken });
  }

  submit(playerToken: string, submission: SubmissionRequest) {
    return this.request(submissionResponseSchema, apiPath(ApiRoute.submissions), {
      method: 'POST',
      token: playerToken,
      body: submission,
    });
  }

  private async request<S extends z.ZodType>(
    schema: S,
    path: string,
    call?: Call,
  ): Promise<ApiResult<z.output<S>>>;
  private async request(schema: 'text', path: string, call?: Call): Promise<ApiResult<string>>;
  private async request(schema: null, path: string, call?: Call): Promise<ApiResult<null>>;
  private async request(
    schema: z.ZodType | 'text' | null,
    path: string,
    call: Call = {},
  ): Promise<ApiResult<unknown>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (call.token !== undefined) headers.authorization = `${AUTH_SCHEME} ${call.token}`;
    if (call.body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await this.fetchFn(this.baseUrl + path, {
        method: call.method ?? 'GET',
        headers,
        ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
        cache: 'no-store',
      });
    } catch (error) {
      return failure(FailureKind.offline, null, describe(error));
    }
    try {
      return await readResponse(response, schema);
    } catch (error) {
      // The body could not be read (connection cut mid-answer): as good as no answer.
      return failure(FailureKind.offline, response.status, describe(error));
    }
  }
}

async function readResponse(
  response: Response,
  schema: z.ZodType | 'text' | null,
): Promise<ApiResult<unknown>> {
  const { status } = response;
  if (status >= 200 && status < 300) {
    if (schema === null) return { ok: true, status, value: null };
    if (schema === 'text') return { ok: true, status, value: await response.text() };
    const parsed = schema.safeParse(await readJson(response));
    return parsed.success
      ? { ok: true, status, value: parsed.data }
      : failure(FailureKind.invalid, status, `unexpected answer from ${response.url || 'server'}`);
  }
  const retryAfterS = retryAfter(response.headers.get('retry-after'));
  if (status === 429 || status >= 500) {
    const error = apiErrorSchema.safeParse(await readJson(response));
    return failure(
      FailureKind.unavailable,
      status,
      error.success ? error.data.error.message : `the server answered ${String(status)}`,
      error.success ? error.data.error.code : null,
      retryAfterS,
    );
  }
  const error = apiErrorSchema.safeParse(await readJson(response));
  return error.success
    ? failure(FailureKind.rejected, status, error.data.error.message, error.data.error.code)
    : failure(FailureKind.rejected, status, `the server refused (${String(status)})`);
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function retryAfter(header: string | null): number | null {
  if (header === null) return null;
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : null;
}

function failure(
  kind: FailureKind,
  status: number | null,
  message: string,
  code: ApiErrorCode | null = null,
  retryAfterS: number | null = null,
): ApiFailure {
  return { ok: false, kind, status, code, message, retryAfterS };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
