import type { Database, Queryable } from './database.ts';
import { nameKeys } from '../name-keys.ts';

/** A step of a migration: a statement, or a backfill that needs code (run in the same transaction). */
type MigrationStep = string | ((tx: Queryable) => Promise<void>);

/**
 * Each existing player's look-alike keys. Names that already collide (joined before the check
 * existed) keep their rows: the first keeps the key, later ones get one of their own, so no
 * result is lost and no new name can pose as any of them.
 */
async function backfillLookAlikeKeys(tx: Queryable): Promise<void> {
  const players = await tx.all<{ id: string; drill_code: string; name: string }>(
    'SELECT id, drill_code, name FROM players ORDER BY created_at, id',
  );
  const taken = new Set<string>();
  const unique = (column: string, drill: string, key: string, id: string) => {
    const scoped = `${column} ${drill} ${key}`;
    if (taken.has(scoped)) return `${key} (${id})`;
    taken.add(scoped);
    return key;
  };
  for (const player of players) {
    const keys = nameKeys(player.name);
    await tx.run('UPDATE players SET look_alike_key = ?, capitals_key = ? WHERE id = ?', [
      unique('look_alike_key', player.drill_code, keys.look_alike_key, player.id),
      unique('capitals_key', player.drill_code, keys.capitals_key, player.id),
      player.id,
    ]);
  }
}

/**
 * The schema, as numbered migrations written once in SQL both databases accept (TEXT, INTEGER,
 * DOUBLE PRECISION; times as ISO-8601 text; JSON as text). Never edit a shipped migration: add one.
 */
export const MIGRATIONS: readonly {
  readonly version: number;
  readonly sql: readonly MigrationStep[];
}[] = [
  {
    version: 1,
    sql: [
      `CREATE TABLE trainer (
          id INTEGER PRIMARY KEY,
          passphrase_hash TEXT NOT NULL,
          created_at TEXT NOT NULL
        )`,
      `CREATE TABLE setup_codes (
          code_hash TEXT PRIMARY KEY,
          created_at TEXT NOT NULL
        )`,
      `CREATE TABLE trainer_sessions (
          token_hash TEXT PRIMARY KEY,
          expires_at TEXT NOT NULL
        )`,
      `CREATE TABLE drills (
          code TEXT PRIMARY KEY,
          title TEXT NOT NULL,
          scenarios TEXT NOT NULL,
          timers INTEGER NOT NULL,
          attempts INTEGER NOT NULL,
          status TEXT NOT NULL,
          created_at TEXT NOT NULL,
          closed_at TEXT
        )`,
      `CREATE TABLE players (
          id TEXT PRIMARY KEY,
          drill_code TEXT NOT NULL REFERENCES drills(code),
          name TEXT NOT NULL,
          name_key TEXT NOT NULL,
          token_hash TEXT NOT NULL UNIQUE,
          created_at TEXT NOT NULL,
          UNIQUE (drill_code, name_key)
        )`,
      // Keyed by (player, idempotency key): a resent result is the same row, found by its key.
      `CREATE TABLE submissions (
          player_id TEXT NOT NULL REFERENCES players(id),
          idempotency_key TEXT NOT NULL,
          drill_code TEXT NOT NULL REFERENCES drills(code),
          scenario_id TEXT NOT NULL,
          attempt INTEGER NOT NULL,
          total DOUBLE PRECISION NOT NULL,
          grade TEXT NOT NULL,
          outcome TEXT NOT NULL,
          transcript TEXT NOT NULL,
          tips TEXT NOT NULL,
          submitted_at TEXT NOT NULL,
          PRIMARY KEY (player_id, idempotency_key),
          UNIQUE (player_id, scenario_id, attempt)
        )`,
      `CREATE INDEX submissions_by_drill ON submissions (drill_code, player_id)`,
      `CREATE INDEX players_by_drill ON players (drill_code)`,
    ],
  },
  {
    // Shuffled answers: a drill gives each call its own order, or the whole team one seed.
    version: 2,
    sql: [
      `ALTER TABLE drills ADD COLUMN answer_order TEXT NOT NULL DEFAULT 'player'`,
      `ALTER TABLE drills ADD COLUMN answer_seed BIGINT`,
    ],
  },
  {
    // Names that could pass for each other (UTS #39 skeletons), and players a trainer removed
    // (kept, with their results, but off the board and unable to play on).
    version: 3,
    sql: [
      `ALTER TABLE players ADD COLUMN look_alike_key TEXT`,
      `ALTER TABLE players ADD COLUMN capitals_key TEXT`,
      `ALTER TABLE players ADD COLUMN removed_at TEXT`,
      backfillLookAlikeKeys,
      `CREATE UNIQUE INDEX players_by_look_alike_key ON players (drill_code, look_alike_key)`,
      `CREATE UNIQUE INDEX players_by_capitals_key ON players (drill_code, capitals_key)`,
    ],
  },
];

/**
 * Brings the schema up to date, once per database even with several servers starting at once
 * (PostgreSQL: an advisory lock; SQLite: the write lock of BEGIN IMMEDIATE).
 */
export async function migrate(db: Database): Promise<number> {
  return db.transaction(async (tx) => {
    if (db.dialect === 'postgres') await tx.all('SELECT pg_advisory_xact_lock(727274)');
    await tx.run(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)',
    );
    const rows = await tx.all<{ version: number }>('SELECT version FROM schema_migrations');
    const applied = new Set(rows.map((row) => row.version));
    let count = 0;
    for (const migration of MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      for (const step of migration.sql) {
        if (typeof step === 'string') await tx.run(step);
        else await step(tx);
      }
      await tx.run('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)', [
        migration.version,
        new Date().toISOString(),
      ]);
      count += 1;
    }
    return count;
  });
}
