import { randomUUID } from 'node:crypto';
import { AnswerOrder } from '../engine/index.ts';
import { ApiErrorCode, DrillStatus } from '../protocol/index.ts';
import type {
  DrillInfo,
  LocalizedTitle,
  Player,
  ResultSummary,
  ScenarioRef,
} from '../protocol/index.ts';
import { isUniqueViolation } from './db/index.ts';
import type { Database } from './db/index.ts';
import { newJoinCode } from './auth.ts';
import { ApiFailure } from './errors.ts';
import { nameKeys } from './name-keys.ts';

/** A stored submission, as the board, the CSV export and the stats read it. */
export interface SubmissionRow {
  readonly playerId: string;
  readonly playerName: string;
  readonly scenarioId: string;
  readonly attempt: number;
  readonly total: number;
  readonly grade: string;
  readonly outcome: string;
  /** Each tip's percentage (null where not assessed), as JSON. */
  readonly tips: string;
  /** The transcript as JSON: stats replay it for the explanation of every point. */
  readonly transcript: string;
  readonly submittedAt: string;
}

/** A verified result ready to store: the server scored it, never the client. */
export interface NewSubmission {
  readonly playerId: string;
  readonly drillCode: string;
  readonly idempotencyKey: string;
  readonly scenarioId: string;
  readonly total: number;
  readonly grade: string;
  readonly outcome: string;
  readonly transcript: string;
  /** Each tip's percentage (null where not assessed), as JSON: a few hundred bytes, not 8 KB. */
  readonly tips: string;
}

interface DrillRow {
  [key: string]: string | number | null;
  code: string;
  title: string;
  scenarios: string;
  timers: number;
  attempts: number;
  answer_order: string;
  /** BIGINT: node-postgres reads it as text. */
  answer_seed: string | number | null;
  status: string;
  created_at: string;
}

const drillOf = (row: DrillRow): DrillInfo => ({
  code: row.code,
  title: JSON.parse(row.title) as LocalizedTitle,
  scenarios: JSON.parse(row.scenarios) as ScenarioRef[],
  timers: row.timers === 1,
  attempts: row.attempts,
  answerOrder: row.answer_order === AnswerOrder.team ? AnswerOrder.team : AnswerOrder.player,
  answerSeed: row.answer_seed === null ? null : Number(row.answer_seed),
  status: row.status === DrillStatus.closed ? DrillStatus.closed : DrillStatus.open,
  createdAt: row.created_at,
});

const RESULT_COLUMNS =
  'scenario_id AS "scenarioId", attempt, total, grade, outcome, submitted_at AS "submittedAt"';
const resultOf = (row: Record<string, string | number | null>): ResultSummary => ({
  scenarioId: String(row.scenarioId),
  attempt: Number(row.attempt),
  total: Number(row.total),
  grade: String(row.grade),
  outcome: String(row.outcome),
  submittedAt: String(row.submittedAt),
});

const now = () => new Date().toISOString();

/** Every read and write of drill data: the only module that knows the tables. */
export class Repository {
  private readonly db: Database;
  constructor(db: Database) {
    this.db = db;
  }

  // ── Trainer ──────────────────────────────────────────────────────────────────────────────
  async passphraseHash(): Promise<string | null> {
    const [row] = await this.db.all('SELECT passphrase_hash FROM trainer WHERE id = 1');
    return row ? String(row.passphrase_hash) : null;
  }

  /** Sets the passphrase once; false if another request (or server) set it first. */
  async setPassphrase(hash: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const changed = await tx.run(
        'INSERT INTO trainer (id, passphrase_hash, created_at) VALUES (1, ?, ?) ON CONFLICT (id) DO NOTHING',
        [hash, now()],
      );
      if (changed > 0) await tx.run('DELETE FROM setup_codes');
      return changed > 0;
    });
  }

  /** The one valid setup code from now on: a code printed before a restart no longer works. */
  async replaceSetupCode(codeHash: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.run('DELETE FROM setup_codes');
      await tx.run('INSERT INTO setup_codes (code_hash, created_at) VALUES (?, ?)', [
        codeHash,
        now(),
      ]);
    });
  }

  /** A new passphrase: every session made with the old one ends. */
  async changePassphrase(hash: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.run('UPDATE trainer SET passphrase_hash = ? WHERE id = 1', [hash]);
      await tx.run('DELETE FROM trainer_sessions');
    });
  }

  async endSession(tokenHash: string): Promise<void> {
    await this.db.run('DELETE FROM trainer_sessions WHERE token_hash = ?', [tokenHash]);
  }

  async setupCodeValid(codeHash: string): Promise<boolean> {
    const rows = await this.db.all('SELECT 1 AS ok FROM setup_codes WHERE code_hash = ?', [
      codeHash,
    ]);
    return rows.length > 0;
  }

  async createSession(tokenHash: string, expiresAt: string): Promise<void> {
    await this.db.run('DELETE FROM trainer_sessions WHERE expires_at < ?', [now()]);
    await this.db.run('INSERT INTO trainer_sessions (token_hash, expires_at) VALUES (?, ?)', [
      tokenHash,
      expiresAt,
    ]);
  }

  async sessionValid(tokenHash: string): Promise<boolean> {
    const rows = await this.db.all(
      'SELECT 1 AS ok FROM trainer_sessions WHERE token_hash = ? AND expires_at > ?',
      [tokenHash, now()],
    );
    return rows.length > 0;
  }

  // ── Drills ───────────────────────────────────────────────────────────────────────────────
  /** Stores a new drill under a fresh join code (drawn again on the rare collision). */
  async createDrill(drill: Omit<DrillInfo, 'code' | 'status' | 'createdAt'>): Promise<DrillInfo> {
    for (let tries = 0; ; tries += 1) {
      const code = newJoinCode();
      const createdAt = now();
      try {
        await this.db.run(
          'INSERT INTO drills (code, title, scenarios, timers, attempts, answer_order, answer_seed, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
          [
            code,
            JSON.stringify(drill.title),
            JSON.stringify(drill.scenarios),
            drill.timers ? 1 : 0,
            drill.attempts,
            drill.answerOrder,
            drill.answerSeed,
            DrillStatus.open,
            createdAt,
          ],
        );
        return { ...drill, code, status: DrillStatus.open, createdAt };
      } catch (error) {
        if (!isUniqueViolation(error) || tries >= 5) throw error;
      }
    }
  }

  async drill(code: string): Promise<DrillInfo | null> {
    const [row] = await this.db.all<DrillRow>('SELECT * FROM drills WHERE code = ?', [code]);
    return row ? drillOf(row) : null;
  }

  async drills(): Promise<(DrillInfo & { players: number })[]> {
    const rows = await this.db.all<DrillRow & { players: number | string }>(
      `SELECT d.*, (SELECT COUNT(*) FROM players p WHERE p.drill_code = d.code AND p.removed_at IS NULL) AS players
       FROM drills d ORDER BY d.created_at DESC`,
    );
    return rows.map((row) => ({ ...drillOf(row), players: Number(row.players) }));
  }

  async closeDrill(code: string): Promise<boolean> {
    const changed = await this.db.run(
      'UPDATE drills SET status = ?, closed_at = ? WHERE code = ? AND status = ?',
      [DrillStatus.closed, now(), code, DrillStatus.open],
    );
    return changed > 0;
  }

  // ── Players ──────────────────────────────────────────────────────────────────────────────
  async createPlayer(drillCode: string, name: string, tokenHash: string): Promise<Player> {
    const id = randomUUID();
    const keys = nameKeys(name);
    try {
      await this.db.run(
        `INSERT INTO players (id, drill_code, name, name_key, look_alike_key, capitals_key, token_hash, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          id,
          drillCode,
          name,
          keys.name_key,
          keys.look_alike_key,
          keys.capitals_key,
          tokenHash,
          now(),
        ],
      );
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw await this.nameRefusal(drillCode, name, keys);
    }
    return { id, name };
  }

  /** Which name a refused one collides with, said so the player can pick another. */
  private async nameRefusal(
    drillCode: string,
    name: string,
    keys: ReturnType<typeof nameKeys>,
  ): Promise<ApiFailure> {
    const [existing] = await this.db.all<{
      name: string;
      name_key: string;
      removed_at: string | null;
    }>(
      `SELECT name, name_key, removed_at FROM players
       WHERE drill_code = ? AND (name_key = ? OR look_alike_key = ? OR capitals_key = ?)
       ORDER BY created_at LIMIT 1`,
      [drillCode, keys.name_key, keys.look_alike_key, keys.capitals_key],
    );
    if (existing !== undefined && existing.removed_at !== null) {
      return new ApiFailure(
        ApiErrorCode.nameTaken,
        `"${name}" is too close to a name the trainer removed from this drill: pick another name`,
      );
    }
    if (existing === undefined || existing.name_key === keys.name_key) {
      const taken = existing?.name ?? name;
      return new ApiFailure(
        ApiErrorCode.nameTaken,
        `"${taken}" has already joined this drill: pick another name, or open your rejoin link to continue as "${taken}"`,
      );
    }
    return new ApiFailure(
      ApiErrorCode.nameTaken,
      `"${name}" looks like "${existing.name}", who has already joined this drill, and could pass for them on the board: pick a name that reads differently`,
    );
  }

  /**
   * The player a token belongs to, with their drill: one query on every submission. A removed
   * player is still found (to be told so), with `removed` set.
   */
  async playerByToken(
    tokenHash: string,
  ): Promise<{ player: Player; drill: DrillInfo; removed: boolean } | null> {
    const [row] = await this.db.all<
      DrillRow & { player_id: string; player_name: string; removed_at: string | null }
    >(
      `SELECT p.id AS player_id, p.name AS player_name, p.removed_at, d.*
       FROM players p JOIN drills d ON d.code = p.drill_code WHERE p.token_hash = ?`,
      [tokenHash],
    );
    return row
      ? {
          player: { id: row.player_id, name: row.player_name },
          drill: drillOf(row),
          removed: row.removed_at !== null,
        }
      : null;
  }

  /**
   * Takes a player off a drill (false if the drill has no such player): off the board, the
   * statistics and the export, and their token stops working. The row and its results stay (nothing a trainer does loses data), and the
   * name stays taken, so a removed impostor cannot come back under it.
   */
  async removePlayer(drillCode: string, playerId: string): Promise<boolean> {
    // Removing twice is no error (a resent click): the first removal's time stays.
    const changed = await this.db.run(
      'UPDATE players SET removed_at = COALESCE(removed_at, ?) WHERE id = ? AND drill_code = ?',
      [now(), playerId, drillCode],
    );
    return changed > 0;
  }

  // ── Submissions ──────────────────────────────────────────────────────────────────────────
  async results(playerId: string): Promise<ResultSummary[]> {
    const rows = await this.db.all(
      `SELECT ${RESULT_COLUMNS} FROM submissions WHERE player_id = ? ORDER BY submitted_at, attempt`,
      [playerId],
    );
    return rows.map(resultOf);
  }

  async findSubmission(playerId: string, idempotencyKey: string): Promise<ResultSummary | null> {
    const [row] = await this.db.all(
      `SELECT ${RESULT_COLUMNS} FROM submissions WHERE player_id = ? AND idempotency_key = ?`,
      [playerId, idempotencyKey],
    );
    return row ? resultOf(row) : null;
  }

  /**
   * Stores a verified result as the player's next attempt at the scenario, in one statement (its
   * own transaction): the attempt number is counted inside it, and the idempotency key and the
   * attempt limit are enforced by it. Returns the stored result, and `duplicate` when the key had
   * been stored already.
   */
  async addSubmission(
    submission: NewSubmission,
    maxAttempts: number,
  ): Promise<{ result: ResultSummary; duplicate: boolean }> {
    const submittedAt = now();
    // Two requests at once (one key twice, or two calls racing for one attempt number): the
    // loser of the unique constraint reads the winner, or tries again with the next number.
    for (let tries = 0; ; tries += 1) {
      try {
        const [stored] = await this.db.allGrouped(
          `INSERT INTO submissions (player_id, idempotency_key, drill_code, scenario_id, attempt, total,
             grade, outcome, transcript, tips, submitted_at)
           SELECT CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT),
             COUNT(*) + 1, CAST(? AS DOUBLE PRECISION), CAST(? AS TEXT), CAST(? AS TEXT),
             CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT)
           FROM submissions WHERE player_id = ? AND scenario_id = ?
           HAVING COUNT(*) < CAST(? AS INTEGER)
           ON CONFLICT (player_id, idempotency_key) DO NOTHING
           RETURNING attempt`,
          [
            submission.playerId,
            submission.idempotencyKey,
            submission.drillCode,
            submission.scenarioId,
            submission.total,
            submission.grade,
            submission.outcome,
            submission.transcript,
            submission.tips,
            submittedAt,
            submission.playerId,
            submission.scenarioId,
            maxAttempts,
          ],
        );
        if (stored) {
          const result: ResultSummary = {
            scenarioId: submission.scenarioId,
            attempt: Number(stored.attempt),
            total: submission.total,
            grade: submission.grade,
            outcome: submission.outcome,
            submittedAt,
          };
          return { result, duplicate: false };
        }
        // Nothing inserted: the key was stored before, or every attempt is used.
        const earlier = await this.findSubmission(submission.playerId, submission.idempotencyKey);
        if (earlier) return { result: earlier, duplicate: true };
        throw new ApiFailure(
          ApiErrorCode.attemptsUsed,
          `this drill allows ${String(maxAttempts)} attempt(s) at "${submission.scenarioId}", and all are used: your best one counts`,
        );
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        const stored = await this.findSubmission(submission.playerId, submission.idempotencyKey);
        if (stored) return { result: stored, duplicate: true };
        if (tries >= 3) {
          throw new ApiFailure(
            ApiErrorCode.conflict,
            'other results for this call kept arriving at the same moment: send it again',
          );
        }
      }
    }
  }

  /** Each player's best total per scenario, players without results included. */
  async standings(
    drillCode: string,
  ): Promise<
    { playerId: string; name: string; total: number; completed: number; lastAt: string | null }[]
  > {
    const rows = await this.db.all(
      `SELECT p.id AS "playerId", p.name AS name, COALESCE(SUM(b.best), 0) AS total,
              COUNT(b.best) AS completed, MAX(b.last_at) AS "lastAt"
       FROM players p
       LEFT JOIN (
         SELECT player_id, scenario_id, MAX(total) AS best, MAX(submitted_at) AS last_at
         FROM submissions WHERE drill_code = ? GROUP BY player_id, scenario_id
       ) b ON b.player_id = p.id
       WHERE p.drill_code = ? AND p.removed_at IS NULL
       GROUP BY p.id, p.name`,
      [drillCode, drillCode],
    );
    return rows.map((row) => ({
      playerId: String(row.playerId),
      name: String(row.name),
      total: Number(row.total),
      completed: Number(row.completed),
      lastAt: row.lastAt === null ? null : String(row.lastAt),
    }));
  }

  /** Every submission of a drill, oldest first (CSV export and team statistics). */
  async submissions(drillCode: string): Promise<SubmissionRow[]> {
    const rows = await this.db.all(
      `SELECT s.player_id AS "playerId", p.name AS "playerName", s.scenario_id AS "scenarioId", s.attempt,
              s.total, s.grade, s.outcome, s.tips, s.transcript, s.submitted_at AS "submittedAt"
       FROM submissions s JOIN players p ON p.id = s.player_id
       WHERE s.drill_code = ? AND p.removed_at IS NULL
       ORDER BY s.submitted_at, p.name, s.attempt`,
      [drillCode],
    );
    return rows.map((row) => ({
      playerId: String(row.playerId),
      playerName: String(row.playerName),
      scenarioId: String(row.scenarioId),
      attempt: Number(row.attempt),
      total: Number(row.total),
      grade: String(row.grade),
      outcome: String(row.outcome),
      tips: String(row.tips),
      transcript: String(row.transcript),
      submittedAt: String(row.submittedAt),
    }));
  }

  async playerCount(drillCode: string): Promise<number> {
    const [row] = await this.db.all(
      'SELECT COUNT(*) AS n FROM players WHERE drill_code = ? AND removed_at IS NULL',
      [drillCode],
    );
    return Number(row?.n ?? 0);
  }
}
