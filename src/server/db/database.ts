/**
 * One query layer for both databases: SQL is written once with `?` placeholders and portable
 * types; the SQLite and PostgreSQL adapters run it. Repository code sees only this interface.
 */
export const Dialect = { sqlite: 'sqlite', postgres: 'postgres' } as const;
export type Dialect = (typeof Dialect)[keyof typeof Dialect];

export type SqlValue = string | number | null;
export type Row = Record<string, SqlValue>;

/** What a query can run on: the database itself or an open transaction. */
export interface Queryable {
  /** Rows of a SELECT (or of a statement with RETURNING). */
  all<T extends Row = Row>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** Runs a statement; resolves to the number of rows it changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
}

export interface Database extends Queryable {
  readonly dialect: Dialect;
  /**
   * One write (with RETURNING rows) that may share its commit with others arriving at the same
   * moment (group commit). Resolves only once committed, so an acknowledgement is never early.
   */
  allGrouped<T extends Row = Row>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Unique-constraint violations look different in each driver; the repository asks here. */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  // PostgreSQL: SQLSTATE 23505. node:sqlite: ERR_SQLITE_ERROR with errcode 2067/1555.
  if (code === '23505') return true;
  const errcode = (error as { errcode?: unknown }).errcode;
  return errcode === 2067 || errcode === 1555 || error.message.includes('UNIQUE constraint failed');
}
