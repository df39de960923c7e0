import path from 'node:path';
import type { Database } from './database.ts';
import { migrate } from './migrations.ts';
import { openPostgres } from './postgres.ts';
import { openSqlite } from './sqlite.ts';

export type { Database, Queryable, Row, SqlValue } from './database.ts';
export { Dialect, isUniqueViolation } from './database.ts';
export { MIGRATIONS, migrate } from './migrations.ts';

/** The SQLite file inside the data folder. */
export const SQLITE_FILE = 'service-dojo.sqlite';

/**
 * Opens PostgreSQL when `databaseUrl` is set, else the embedded SQLite file under `dataDir`
 * (created on first run), and migrates it.
 */
export async function openDatabase(options: {
  databaseUrl?: string | undefined;
  dataDir: string;
}): Promise<Database> {
  const db =
    options.databaseUrl !== undefined && options.databaseUrl !== ''
      ? openPostgres(options.databaseUrl)
      : openSqlite(path.join(options.dataDir, SQLITE_FILE));
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
