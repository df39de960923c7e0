import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { StatementSync } from 'node:sqlite';
import { Dialect } from './database.ts';
import type { Database, Queryable, Row, SqlValue } from './database.ts';
import { Lock } from './lock.ts';

/**
 * The embedded database: Node's built-in `node:sqlite` (no native build, nothing to install).
 * WAL journal with synchronous=NORMAL: a committed transaction survives a crash of the process
 * (the crash test kills it with SIGKILL); `durable: true` also fsyncs each commit, for power loss.
 */
export function openSqlite(file: string, options: { durable?: boolean } = {}): Database {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
  const db = new DatabaseSync(file);
  db.exec('PRAGMA journal_mode = WAL');
  db.exec(`PRAGMA synchronous = ${options.durable === true ? 'FULL' : 'NORMAL'}`);
  db.exec('PRAGMA foreign_keys = ON');
  db.exec('PRAGMA busy_timeout = 5000');
  // Checkpoints (which fsync) every 16 MB of log rather than every 4 MB: fewer pauses under load.
  db.exec('PRAGMA wal_autocheckpoint = 4000');
  const statements = new Map<string, StatementSync>();
  const prepared = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  const direct: Queryable = {
    all<T extends Row = Row>(sql: string, params: readonly SqlValue[] = []) {
      return Promise.resolve(prepared(sql).all(...params) as T[]);
    },
    run(sql: string, params: readonly SqlValue[] = []) {
      return Promise.resolve(Number(prepared(sql).run(...params).changes));
    },
  };
  const lock = new Lock();
  return {
    dialect: Dialect.sqlite,
    all: (sql, params) => lock.run(() => direct.all(sql, params)),
    run: (sql, params) => lock.run(() => direct.run(sql, params)),
    transaction: (work) =>
      lock.run(async () => {
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await work(direct);
          db.exec('COMMIT');
          return result;
        } catch (error) {
          db.exec('ROLLBACK');
          throw error;
        }
      }),
    close: () =>
      lock.run(() => {
        if (db.isOpen) db.close();
      }),
  };
}
