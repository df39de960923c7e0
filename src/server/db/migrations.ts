import type { Database } from './database.ts';

/**
 * The schema, as numbered migrations written once in SQL both databases accept (TEXT, INTEGER,
 * DOUBLE PRECISION; times as ISO-8601 text; JSON as text). Never edit a shipped migration: add one.
 */
export const MIGRATIONS: readonly { readonly version: number; readonly sql: readonly string[] }[] =
  [
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
      for (const statement of migration.sql) await tx.run(statement);
      await tx.run('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)', [
        migration.version,
        new Date().toISOString(),
      ]);
      count += 1;
    }
    return count;
  });
}
