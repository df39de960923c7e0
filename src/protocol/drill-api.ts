/**
 * The drill server's wire format: one zod schema per request and response, shared by the server
 * (validation and types) and the game (the client). Pure: no DOM, no Node.
 */
import * as z from 'zod';
import {
  ANSWER_ORDERS,
  AnswerOrder,
  LOCALE_IDS,
  MAX_SEED,
  TIP_IDS,
  transcriptSchema,
} from '../engine/index.ts';
import { displayNameSchema } from './display-name.ts';

/** Every route lives under this prefix; the game's files are served from `/`. */
export const API_PREFIX = '/api';

/** Route templates (Fastify syntax). Build concrete paths with {@link apiPath}. */
export const ApiRoute = {
  health: '/api/health',
  catalogue: '/api/catalogue',
  trainerStatus: '/api/trainer/status',
  trainerSetup: '/api/trainer/setup',
  trainerLogin: '/api/trainer/login',
  trainerLogout: '/api/trainer/logout',
  trainerPassphrase: '/api/trainer/passphrase',
  drills: '/api/drills',
  drill: '/api/drills/:code',
  drillClose: '/api/drills/:code/close',
  drillExport: '/api/drills/:code/export.csv',
  drillStats: '/api/drills/:code/stats',
  drillQr: '/api/drills/:code/qr.svg',
  drillPlayer: '/api/drills/:code/players/:playerId',
  join: '/api/drills/:code/join',
  board: '/api/drills/:code/board',
  events: '/api/drills/:code/events',
  me: '/api/me',
  submissions: '/api/submissions',
} as const;
export type ApiRoute = (typeof ApiRoute)[keyof typeof ApiRoute];

/** Fills `:code` (and `:playerId`) in a route template. */
export function apiPath(route: ApiRoute, code?: string, playerId?: string): string {
  const withCode = code === undefined ? route : route.replace(':code', encodeURIComponent(code));
  return playerId === undefined
    ? withCode
    : withCode.replace(':playerId', encodeURIComponent(playerId));
}

/** The page a player opens to join (the QR code points here): `/?join=CODE`. */
export const JOIN_QUERY = 'join';

/** Join codes: 6 characters from an alphabet without look-alikes (0/O, 1/I/L): 31⁶ ≈ 8.9 × 10⁸. */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 6;
export const joinCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(new RegExp(`^[${JOIN_CODE_ALPHABET}]{${String(JOIN_CODE_LENGTH)}}$`), {
    message: `a join code is ${String(JOIN_CODE_LENGTH)} letters and digits, like K7MQ2X`,
  });

/** Tokens are opaque random strings (base64url); sent as `Authorization: Bearer <token>`. */
export const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/);
export const AUTH_SCHEME = 'Bearer';

export const localizedTitleSchema = z.partialRecord(z.enum(LOCALE_IDS), z.string().max(200));
export type LocalizedTitle = z.output<typeof localizedTitleSchema>;
/** A customer's line in every locale the scenario has (longer than a title). */
export const localizedLineSchema = z.partialRecord(z.enum(LOCALE_IDS), z.string().max(2000));

export const DrillStatus = { open: 'open', closed: 'closed' } as const;
export type DrillStatus = (typeof DrillStatus)[keyof typeof DrillStatus];

/** A scenario as the server knows it: a transcript must name this version and hash. */
export const scenarioRefSchema = z.strictObject({
  id: z.string(),
  version: z.int(),
  hash: z.string(),
  title: localizedTitleSchema,
});
export type ScenarioRef = z.output<typeof scenarioRefSchema>;

/** What a player needs to play a drill: its scenarios in playing order and its rules. */
export const drillInfoSchema = z.strictObject({
  code: z.string(),
  title: localizedTitleSchema,
  /** In the order every player plays them (shuffled drills are shuffled once, with the seed). */
  scenarios: z.array(scenarioRefSchema),
  timers: z.boolean(),
  /** How many times a player may submit each scenario; the best attempt counts. */
  attempts: z.int(),
  /** `team`: everyone faces the same answer order (each call's seed derives from `answerSeed`). */
  answerOrder: z.enum(ANSWER_ORDERS),
  /** The drill's seed when the team shares one order, else null. */
  answerSeed: z.int().min(0).max(MAX_SEED).nullable(),
  status: z.enum([DrillStatus.open, DrillStatus.closed]),
  createdAt: z.string(),
});
export type DrillInfo = z.output<typeof drillInfoSchema>;

export const playerSchema = z.strictObject({ id: z.string(), name: z.string() });
export type Player = z.output<typeof playerSchema>;

/** One verified result, as the server scored it by replaying the transcript. */
export const resultSummarySchema = z.strictObject({
  scenarioId: z.string(),
  attempt: z.int(),
  total: z.number(),
  grade: z.string(),
  outcome: z.string(),
  submittedAt: z.string(),
});
export type ResultSummary = z.output<typeof resultSummarySchema>;

// ── Catalogue ──────────────────────────────────────────────────────────────────────────────
export const catalogueResponseSchema = z.strictObject({
  scenarios: z.array(scenarioRefSchema),
  drills: z.array(
    z.strictObject({ id: z.string(), title: localizedTitleSchema, scenarios: z.array(z.string()) }),
  ),
});
export type CatalogueResponse = z.output<typeof catalogueResponseSchema>;

// ── Trainer ────────────────────────────────────────────────────────────────────────────────
export const PASSPHRASE_MIN_LENGTH = 10;
export const passphraseSchema = z
  .string()
  .min(PASSPHRASE_MIN_LENGTH, {
    message: `a passphrase is at least ${String(PASSPHRASE_MIN_LENGTH)} characters`,
  })
  .max(200);

/** Whether a passphrase is set yet; before that, the one-time setup code printed by the server. */
export const trainerStatusResponseSchema = z.strictObject({ passphraseSet: z.boolean() });
export const trainerSetupRequestSchema = z.strictObject({
  setupCode: z.string().min(1).max(100),
  passphrase: passphraseSchema,
});
export const trainerLoginRequestSchema = z.strictObject({ passphrase: z.string().min(1).max(200) });
export const trainerTokenResponseSchema = z.strictObject({ trainerToken: z.string() });
/** A new passphrase, given with the current one; every other session of the trainer ends. */
export const trainerPassphraseRequestSchema = z.strictObject({
  current: z.string().min(1).max(200),
  next: passphraseSchema,
});
/** Routes that take no body take none: an empty JSON object at most. */
export const noBodySchema = z.strictObject({}).nullish();

/** A drill from a drill file (`drillId`) or from a list of scenarios. */
// Responses of POST /api/drills, GET /api/drills/:code and POST /api/drills/:code/close.
export const createDrillRequestSchema = z.union([
  z.strictObject({ drillId: z.string().min(1).max(100) }),
  z.strictObject({
    title: z.string().trim().min(1).max(100),
    scenarioIds: z.array(z.string().min(1).max(100)).min(1).max(30),
    timers: z.boolean().default(true),
    attempts: z.int().min(1).max(10).default(1),
    answerOrder: z.enum(ANSWER_ORDERS).default(AnswerOrder.player),
  }),
]);
export type CreateDrillRequest = z.input<typeof createDrillRequestSchema>;
export const drillResponseSchema = z.strictObject({
  drill: drillInfoSchema,
  /** The URL players open (also in the QR code). */
  joinUrl: z.string(),
});
export const drillListResponseSchema = z.strictObject({
  drills: z.array(drillInfoSchema.extend({ players: z.int(), joinUrl: z.string() })),
});

/** Per-tip team averages and the moments most often gone wrong. */
export const drillStatsResponseSchema = z.strictObject({
  players: z.int(),
  submissions: z.int(),
  /** Team average per tip (0–100), null where no submission assessed it. */
  tips: z.record(z.enum(TIP_IDS), z.number().nullable()),
  hardest: z.array(
    z.strictObject({
      scenarioId: z.string(),
      nodeId: z.string(),
      /** The customer's line at that moment, in every locale the scenario has. */
      line: localizedLineSchema,
      /** How many answers there lost points, and how many points they lost in all. */
      misses: z.int(),
      pointsLost: z.number(),
    }),
  ),
});
export type DrillStats = z.output<typeof drillStatsResponseSchema>;

// ── Player ─────────────────────────────────────────────────────────────────────────────────
export const joinRequestSchema = z.strictObject({ name: displayNameSchema });
export const joinResponseSchema = z.strictObject({
  player: playerSchema,
  /** Keep it: it rejoins from another tab or device with every point kept. */
  playerToken: z.string(),
  drill: drillInfoSchema,
});
export type JoinResponse = z.output<typeof joinResponseSchema>;

/** `GET /api/me` with the player token: rejoin, with the results the server already holds. */
export const meResponseSchema = z.strictObject({
  player: playerSchema,
  drill: drillInfoSchema,
  results: z.array(resultSummarySchema),
});
export type MeResponse = z.output<typeof meResponseSchema>;

/**
 * A submission: the transcript, never a score. The idempotency key (a UUID made by the client
 * when the call ends) makes resending safe: the server stores each key once.
 */
export const submissionRequestSchema = z.strictObject({
  idempotencyKey: z.uuid(),
  transcript: transcriptSchema,
});
export type SubmissionRequest = z.output<typeof submissionRequestSchema>;
export const submissionResponseSchema = z.strictObject({
  /** True when this key had been stored before: nothing new was counted. */
  duplicate: z.boolean(),
  result: resultSummarySchema,
});
export type SubmissionResponse = z.output<typeof submissionResponseSchema>;

// ── Board ──────────────────────────────────────────────────────────────────────────────────
export const boardRowSchema = z.strictObject({
  rank: z.int(),
  playerId: z.string(),
  name: z.string(),
  /** Sum over the drill's scenarios of each one's best verified total. */
  total: z.number(),
  /** Scenarios with at least one verified result. */
  completed: z.int(),
});
export type BoardRow = z.output<typeof boardRowSchema>;
export const boardResponseSchema = z.strictObject({
  code: z.string(),
  title: localizedTitleSchema,
  status: z.enum([DrillStatus.open, DrillStatus.closed]),
  scenarios: z.int(),
  rows: z.array(boardRowSchema),
});
export type BoardResponse = z.output<typeof boardResponseSchema>;

/** Server-sent event names on `GET /api/drills/:code/events`; each `data` is a BoardResponse. */
export const BoardEvent = { board: 'board' } as const;

// ── Errors ─────────────────────────────────────────────────────────────────────────────────
/** Every 4xx carries one of these codes and a sentence a person can act on. */
export const ApiErrorCode = {
  badRequest: 'badRequest',
  unauthorized: 'unauthorized',
  forbidden: 'forbidden',
  notFound: 'notFound',
  drillClosed: 'drillClosed',
  attemptsUsed: 'attemptsUsed',
  unknownScenario: 'unknownScenario',
  scenarioMismatch: 'scenarioMismatch',
  transcriptRejected: 'transcriptRejected',
  nameTaken: 'nameTaken',
  playerRemoved: 'playerRemoved',
  tooLarge: 'tooLarge',
  tooManyRequests: 'tooManyRequests',
  unsupportedMediaType: 'unsupportedMediaType',
  conflict: 'conflict',
} as const;
export type ApiErrorCode = (typeof ApiErrorCode)[keyof typeof ApiErrorCode];
export const apiErrorSchema = z.strictObject({
  error: z.strictObject({ code: z.enum(Object.values(ApiErrorCode)), message: z.string() }),
});
export type ApiError = z.output<typeof apiErrorSchema>;
