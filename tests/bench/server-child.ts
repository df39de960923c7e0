// A server for the bench, in its own process so the load generator does not share its CPU:
// `drill` (the real app, limits raised, SQLite in a temp folder) or `hello` (Fastify, one route).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { serveInCluster, startServer } from '../../src/server/index.ts';
import type { ServerOptions } from '../../src/server/index.ts';

const kind = process.argv[2];
if (kind === 'hello') {
  const app = Fastify();
  app.get('/hello', () => ({ hello: 'world' }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  console.log(
    `Service Dojo is up: http://127.0.0.1:${typeof address === 'object' && address ? String(address.port) : ''}`,
  );
} else {
  const unlimited = 1e9;
  // Workers re-run this file: the data folder comes from the primary, through the environment.
  process.env.BENCH_DATA ??= mkdtempSync(path.join(tmpdir(), 'dojo-bench-'));
  const options: ServerOptions = {
    dataDir: process.env.BENCH_DATA,
    trainerPassphrase: process.env.TRAINER_PASSPHRASE,
    limits: {
      perIpPerMinute: unlimited,
      submissionsPerPlayerPerMinute: unlimited,
      joinsPerIpPerMinute: unlimited,
      wrongCodesPerIp: unlimited,
      loginsPerIpPerMinute: unlimited,
      // The load generator and a thousand live-board viewers all come from loopback.
      connectionsPerIp: unlimited,
    },
  };
  // One process serves by itself (its CPU time is then this process's); more run as a cluster.
  const workers = Number(process.env.BENCH_WORKERS ?? 1);
  const server = workers > 1 ? await serveInCluster(options, workers) : await startServer(options);
  if (server) console.log(`Service Dojo is up: ${server.url}`);
}
process.on('SIGINT', () => process.exit(0));
