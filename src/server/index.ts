/**
 * The drill server: Fastify app, SQLite (embedded) or PostgreSQL, live boards over server-sent
 * events. `buildApp` makes the app without a port (tests use `inject`); `startServer` listens.
 */
export { buildApp } from './app.ts';
export type { AppOptions } from './app.ts';
export { DEFAULT_LIMITS } from './context.ts';
export type { Limits } from './context.ts';
export { loadCatalogue } from './catalogue.ts';
export type { Catalogue } from './catalogue.ts';
export { openDatabase, MIGRATIONS, SQLITE_FILE } from './db/index.ts';
export type { Database } from './db/index.ts';
export { localNotifier, postgresNotifier } from './live.ts';
export { serveInCluster } from './cluster.ts';
export type { Notifier } from './live.ts';
export { openStorage, prepareTrainer, startServer } from './start-server.ts';
export type { RunningServer, ServerOptions } from './start-server.ts';
