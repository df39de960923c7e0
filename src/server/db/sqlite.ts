import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Worker } from 'node:worker_threads';
import type { StatementSync } from 'node:sqlite';
import { Dialect } from './database.ts';
import type { Database, Queryable, Row, SqlValue } from './database.ts';
import { Lock } from './lock.ts';

/** How often the checkpoint thread copies the log into the database file. */
const CHECKPOINT_EVERY_MS = 250;

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
  // Checkpoints run on their own thread (checkpoint-worker.ts); the writer checkpoints itself
  // only if the log passes 64 MB, should that thread fall behind.
  db.exec('PRAGMA wal_autocheckpoint = 16000');
  // After a checkpoint, a log that grew past 64 MB under load is cut back to that size.
  db.exec('PRAGMA journal_size_limit = 67108864');
  const checkpointer =
    file === ':memory:'
      ? null
      : new Worker(new URL('./checkpoint-worker.ts', import.meta.url), {
          workerData: { file, everyMs: CHECKPOINT_EVERY_MS },
        });
  checkpointer?.unref();
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

  // Group commit: writes that arrive in the same turn of the event loop share one transaction,
  // committed on the next turn; each caller hears back only after that commit. Anything else
  // waits for an open group to commit first, so nobody ever reads a row not yet durable.
  let group: { committed: Promise<void>; commit: () => void } | null = null;
  const openGroup = () => {
    db.exec('BEGIN IMMEDIATE');
    let settle: (error?: unknown) => void = Boolean;
    const committed = new Promise<void>((resolve, reject) => {
      settle = (error?: unknown) => {
        if (error === undefined) resolve();
        else
          reject(error instanceof Error ? error : new Error('the commit failed', { cause: error }));
      };
    });
    const current = {
      committed,
      commit: () => {
        if (group !== current) return;
        group = null;
        try {
          db.exec('COMMIT');
          settle();
        } catch (error) {
          if (db.isTransaction) db.exec('ROLLBACK');
          settle(error);
        }
      },
    };
    group = current;
    setImmediate(current.commit);
    return current;
  };
  const afterGroup = async () => {
    if (group) await group.committed.catch(() => undefined);
  };

  return {
    dialect: Dialect.sqlite,
    all: (sql, params) =>
      lock.run(async () => {
        await afterGroup();
        return direct.all(sql, params);
      }),
    run: (sql, params) =>
      lock.run(async () => {
        await afterGroup();
        return direct.run(sql, params);
      }),
    async allGrouped<T extends Row = Row>(sql: string, params: readonly SqlValue[] = []) {
      // A failing statement is undone alone (SQLite's ABORT); the group's others still commit.
      const { rows, committed } = await lock.run(() => {
        const current = group ?? openGroup();
        return { rows: prepared(sql).all(...params) as T[], committed: current.committed };
      });
      await committed;
      return rows;
    },
    transaction: (work) =>
      lock.run(async () => {
        await afterGroup();
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
      lock.run(async () => {
        group?.commit();
        await afterGroup();
        if (checkpointer) {
          const stopped = new Promise((resolve) => checkpointer.once('exit', resolve));
          // Held until it has closed its connection, even if nothing else keeps the process up.
          checkpointer.ref();
          checkpointer.postMessage('stop');
          await stopped;
        }
        if (db.isOpen) db.close();
      }),
  };
}
