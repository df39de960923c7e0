/**
 * `npm start`'s server: the built game and the drill API on one port. Settings from the
 * environment: PORT (8080), HOST (127.0.0.1; 0.0.0.0 opens it to the room's network),
 * DATABASE_URL (postgres://…; else SQLite under DATA_DIR, default ./data), TRAINER_PASSPHRASE,
 * PUBLIC_URL (for join links behind a proxy), TRUST_PROXY=1, LOG=1, WORKERS (processes, default 1),
 * ALLOWED_HOSTS (more names the server answers to, comma-separated), CONNECTIONS_PER_IP (open
 * connections one address may hold, default 1000; behind a proxy, the proxy's).
 */
import path from 'node:path';
import { serveInCluster, startServer } from './index.ts';
import type { ServerOptions } from './index.ts';

const env = process.env;
const port = Number(env.PORT ?? 8080);
const workers = Math.max(1, Math.floor(Number(env.WORKERS ?? 1)) || 1);
const options: ServerOptions = {
  port,
  host: env.HOST ?? '127.0.0.1',
  dataDir: path.resolve(env.DATA_DIR ?? 'data'),
  databaseUrl: env.DATABASE_URL,
  staticDir: path.resolve(env.STATIC_DIR ?? 'dist'),
  scenariosDir: path.resolve(env.SCENARIOS_DIR ?? 'scenarios'),
  trainerPassphrase: env.TRAINER_PASSPHRASE,
  publicUrl: env.PUBLIC_URL,
  allowedHosts: (env.ALLOWED_HOSTS ?? '').split(','),
  trustProxy: env.TRUST_PROXY === '1',
  log: env.LOG === '1',
  ...(env.CONNECTIONS_PER_IP === undefined
    ? {}
    : { limits: { connectionsPerIp: Math.max(1, Number(env.CONNECTIONS_PER_IP) || 1000) } }),
};
const server = workers > 1 ? await serveInCluster(options, workers) : await startServer(options);
if (server === null) {
  // A cluster worker: it serves; the primary prints and supervises.
} else {
  announce(server.url, server.setupCode);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: closing`);
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => {
    stop('SIGINT');
  });
  process.on('SIGTERM', () => {
    stop('SIGTERM');
  });
}

function announce(url: string, setupCode: string | null): void {
  const shownUrl = env.PUBLIC_URL ?? url;
  console.log(
    `Service Dojo is up: ${shownUrl}/${workers > 1 ? ` (${String(workers)} processes)` : ''}`,
  );
  console.log(`  trainer dashboard: ${shownUrl}/?trainer`);
  console.log(
    `  storage: ${env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : path.resolve(env.DATA_DIR ?? 'data')}`,
  );
  if (setupCode !== null) {
    console.log(
      `  first run: set the trainer passphrase on the dashboard with the one-time code ${setupCode}`,
    );
  }
  if ((env.HOST ?? '127.0.0.1') === '127.0.0.1') {
    console.log(
      '  only this computer can connect; HOST=0.0.0.0 opens it to players on your network',
    );
  }
}
