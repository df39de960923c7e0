import pg from 'pg';
import { Dialect } from './database.ts';
import type { Database, Queryable, Row, SqlValue } from './database.ts';

/** Our SQL uses `?`; PostgreSQL wants `$1, $2, …` (none of our statements has a literal `?`). */
export function numberedPlaceholders(sql: string): string {
  let index = 0;
  return sql.replace(/\?/g, () => `$${String((index += 1))}`);
}

type Client = Pick<pg.PoolClient, 'query'>;

function queryable(client: Client): Queryable {
  return {
    async all<T extends Row = Row>(sql: string, params: readonly SqlValue[] = []) {
      const result = await client.query(numberedPlaceholders(sql), [...params]);
      return result.rows as T[];
    },
    async run(sql: string, params: readonly SqlValue[] = []) {
      const result = await client.query(numberedPlaceholders(sql), [...params]);
      return result.rowCount ?? 0;
    },
  };
}

/** PostgreSQL through a `pg` pool, for `DATABASE_URL=postgres://…` and scale-out. */
export function openPostgres(url: string): Database & { readonly pool: pg.Pool } {
  // COUNT(*) comes back as a string (bigint); the repository converts counts with Number().
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client that loses its connection must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  return {
    dialect: Dialect.postgres,
    pool,
    ...queryable(pool),
    // PostgreSQL groups concurrent commits by itself (and sessions run in parallel).
    allGrouped: (sql, params) => queryable(pool).all(sql, params),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(queryable(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
