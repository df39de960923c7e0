import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../../src/server/db/index.ts';
import type { Database } from '../../src/server/db/index.ts';
import { openPostgres } from '../../src/server/db/postgres.ts';
import { openSqlite } from '../../src/server/db/sqlite.ts';
import { Repository } from '../../src/server/repository.ts';
import { STORAGES, freshPostgres } from '../support/server.ts';
import type { StorageKind } from '../support/server.ts';

/** A database as a server of the given schema version left it. */
async function databaseAt(
  storage: StorageKind,
  version: number,
): Promise<{ db: Database; drop(): Promise<void> }> {
  let db: Database;
  let cleanUp: () => Promise<void>;
  if (storage === 'postgres') {
    const postgres = await freshPostgres();
    db = openPostgres(postgres.url);
    cleanUp = () => postgres.drop();
  } else {
    const dir = mkdtempSync(path.join(tmpdir(), 'dojo-migrate-'));
    db = openSqlite(path.join(dir, 'old.sqlite'));
    cleanUp = () => {
      rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    };
  }
  await db.run(
    'CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)',
  );
  for (const migration of MIGRATIONS.filter((each) => each.version <= version)) {
    for (const step of migration.sql) {
      if (typeof step !== 'string') throw new Error('an old migration with code: seed it here');
      await db.run(step);
    }
    await db.run('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)', [
      migration.version,
      '2026-01-01T00:00:00.000Z',
    ]);
  }
  return {
    db,
    async drop() {
      await db.close();
      await cleanUp();
    },
  };
}

describe.each(STORAGES)('schema migrations on %s', (storage) => {
  it('gives players from before the look-alike check their keys, keeping names that already collide', async () => {
    const old = await databaseAt(storage, 2);
    const { db } = old;
    try {
      await db.run(
        `INSERT INTO drills (code, title, scenarios, timers, attempts, status, created_at)
         VALUES ('OLDXYZ', '{}', '[]', 1, 1, 'open', '2026-01-01T00:00:00.000Z')`,
      );
      // "Ann" and a Cyrillic "Аnn" both joined while only case and width were folded.
      const players: [string, string, string][] = [
        ['p1', 'Ann', '2026-01-01T00:00:01.000Z'],
        ['p2', '\u0410nn', '2026-01-01T00:00:02.000Z'],
        ['p3', 'Bo', '2026-01-01T00:00:03.000Z'],
      ];
      for (const [id, name, at] of players) {
        await db.run(
          `INSERT INTO players (id, drill_code, name, name_key, token_hash, created_at)
           VALUES (?, 'OLDXYZ', ?, ?, ?, ?)`,
          [id, name, name.toLowerCase(), `hash-${id}`, at],
        );
      }
      expect(await migrate(db)).toBe(MIGRATIONS.length - 2);
      const rows = await db.all<{
        id: string;
        look_alike_key: string;
        capitals_key: string;
        removed_at: string | null;
      }>('SELECT id, look_alike_key, capitals_key, removed_at FROM players ORDER BY id');
      expect(rows.map((row) => row.id)).toEqual(['p1', 'p2', 'p3']);
      expect(rows[0]?.look_alike_key).toBe('ann');
      expect(rows[1]?.look_alike_key).toBe('ann (p2)');
      expect(rows[0]?.capitals_key).toBe('ANN');
      expect(rows[1]?.capitals_key).toBe('ANN (p2)');
      expect(rows.every((row) => row.removed_at === null)).toBe(true);

      // Both old players stay on the board; a new look-alike of either is refused.
      const repository = new Repository(db);
      expect((await repository.standings('OLDXYZ')).map((row) => row.name).sort()).toEqual(
        ['Ann', 'Bo', '\u0410nn'].sort(),
      );
      await expect(repository.createPlayer('OLDXYZ', 'ANN', 'hash-new')).rejects.toThrow(
        'has already joined',
      );
      await expect(repository.createPlayer('OLDXYZ', 'B0', 'hash-new2')).rejects.toThrow(
        'looks like "Bo"',
      );
      // Migrating again does nothing.
      expect(await migrate(db)).toBe(0);
    } finally {
      await old.drop();
    }
  });
});
