import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isUniqueViolation } from '../../src/server/db/database.ts';
import type { Database } from '../../src/server/db/database.ts';
import { openSqlite } from '../../src/server/db/sqlite.ts';

describe('SQLite group commit', () => {
  let folder: string;
  let db: Database;
  beforeEach(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'dojo-group-'));
    db = openSqlite(path.join(folder, 'test.sqlite'));
    await db.run('CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER NOT NULL)');
  });
  afterEach(async () => {
    await db.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const insert = (k: string, v: number) =>
    db.allGrouped<{ v: number }>('INSERT INTO t (k, v) VALUES (?, ?) RETURNING v', [k, v]);

  it('commits writes of one moment together, and a failing one alone is refused', async () => {
    const results = await Promise.allSettled([
      insert('a', 1),
      insert('b', 2),
      insert('a', 3),
      insert('c', 4),
    ]);
    expect(results.map((result) => result.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    const refused = results[2];
    expect(refused.status === 'rejected' && isUniqueViolation(refused.reason)).toBe(true);
    expect(await db.all('SELECT k, v FROM t ORDER BY k')).toEqual([
      { k: 'a', v: 1 },
      { k: 'b', v: 2 },
      { k: 'c', v: 4 },
    ]);
  });

  it('answers a write only once it is committed, and reads wait for the open group', async () => {
    const order: string[] = [];
    const write = insert('x', 9).then(() => order.push('write acknowledged'));
    const read = db.all('SELECT v FROM t WHERE k = ?', ['x']).then((rows) => {
      order.push(`read ${String(rows.length)}`);
    });
    await Promise.all([write, read]);
    expect(order).toEqual(['write acknowledged', 'read 1']);
    // A second database connection (another process) sees the row: it is on disk.
    const other = openSqlite(path.join(folder, 'test.sqlite'));
    expect(await other.all('SELECT v FROM t WHERE k = ?', ['x'])).toEqual([{ v: 9 }]);
    await other.close();
  });

  it('runs an explicit transaction after the open group, never inside it', async () => {
    const grouped = insert('g', 1);
    const transaction = db.transaction(async (tx) => {
      await tx.run('INSERT INTO t (k, v) VALUES (?, ?)', ['h', 2]);
      throw new Error('changed my mind');
    });
    await expect(transaction).rejects.toThrow('changed my mind');
    await grouped;
    expect(await db.all('SELECT k FROM t ORDER BY k')).toEqual([{ k: 'g' }]);
  });
});
