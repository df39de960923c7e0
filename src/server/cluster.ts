import cluster from 'node:cluster';
import type { Worker } from 'node:cluster';
import path from 'node:path';
import { prepareTrainer, startServer } from './start-server.ts';
import type { ServerOptions } from './start-server.ts';
import { openDatabase } from './db/index.ts';
import { coalescedPublish } from './live.ts';
import type { Notifier } from './live.ts';

/** Messages between the primary and its workers (IPC). */
const Message = {
  /** A worker tells the others (through the primary) that a drill's board changed. */
  board: 'service-dojo:board',
  /** A worker is listening, at this URL. */
  listening: 'service-dojo:listening',
} as const;

interface BoardMessage {
  readonly type: typeof Message.board;
  readonly code: string;
}
interface ListeningMessage {
  readonly type: typeof Message.listening;
  readonly url: string;
}
type ClusterMessage = BoardMessage | ListeningMessage;

const isMessage = (value: unknown): value is ClusterMessage =>
  typeof value === 'object' &&
  value !== null &&
  'type' in value &&
  (value.type === Message.board || value.type === Message.listening);

/**
 * Board changes between the workers of one machine, relayed by the primary: the SQLite
 * counterpart of PostgreSQL's LISTEN/NOTIFY (which workers on PostgreSQL use instead).
 */
function clusterNotifier(): Notifier {
  const handlers: ((code: string) => void)[] = [];
  const send = (code: string) => {
    // With the primary gone (shutting down), the message has nowhere to go: not an error.
    if (!process.connected) return;
    process.send?.(
      { type: Message.board, code } satisfies BoardMessage,
      undefined,
      undefined,
      () => undefined,
    );
  };
  process.on('message', (message: unknown) => {
    if (isMessage(message) && message.type === Message.board)
      for (const handler of handlers) handler(message.code);
  });
  return coalescedPublish({
    publish(code) {
      send(code);
      return Promise.resolve();
    },
    onChange(handler) {
      handlers.push(handler);
    },
    close: () => Promise.resolve(),
  });
}

export interface ClusterServer {
  readonly url: string;
  readonly setupCode: string | null;
  close(): Promise<void>;
}

/**
 * Runs the server in `workers` processes sharing one port (Node's cluster), so verifying
 * transcripts uses every core. Call it from the entry script: in the primary it migrates the
 * database, prepares the trainer's setup, forks the workers and resolves once they listen; in a
 * worker it serves and resolves with null. A worker that dies is replaced; a worker whose primary
 * dies exits, so nothing keeps serving unsupervised.
 */
export async function serveInCluster(
  options: ServerOptions,
  workers: number,
): Promise<ClusterServer | null> {
  const dataDir = options.dataDir ?? path.resolve('data');
  if (cluster.isWorker) {
    process.on('disconnect', () => process.exit(0));
    const usePostgres = options.databaseUrl !== undefined && options.databaseUrl !== '';
    const server = await startServer({
      ...options,
      dataDir,
      prepareTrainer: false,
      ...(usePostgres ? {} : { notifier: clusterNotifier() }),
    });
    process.on('SIGTERM', () => {
      void server.close().finally(() => process.exit(0));
    });
    process.send?.({ type: Message.listening, url: server.url } satisfies ListeningMessage);
    return null;
  }

  const db = await openDatabase({ databaseUrl: options.databaseUrl, dataDir });
  const setupCode = await prepareTrainer(db, options.trainerPassphrase);
  await db.close();

  let closing = false;
  const relay = (message: unknown) => {
    if (!isMessage(message) || message.type !== Message.board) return;
    for (const worker of Object.values(cluster.workers ?? {}))
      if (worker?.isConnected() === true) worker.send(message);
  };
  const fork = (): Worker => {
    const worker = cluster.fork();
    worker.on('message', relay);
    // A worker that is going away cannot take messages (EPIPE): it is replaced, not fatal.
    worker.on('error', () => undefined);
    return worker;
  };
  cluster.on('exit', () => {
    if (!closing) fork();
  });
  const url = await new Promise<string>((resolve, reject) => {
    let listening = 0;
    for (let index = 0; index < workers; index += 1) {
      const worker = fork();
      worker.on('message', (message: unknown) => {
        if (!isMessage(message) || message.type !== Message.listening) return;
        listening += 1;
        if (listening === workers) resolve(message.url);
      });
      worker.once('exit', (code) => {
        if (listening < workers)
          reject(new Error(`a server worker exited while starting (${String(code)})`));
      });
    }
  });
  return {
    url,
    setupCode,
    async close() {
      closing = true;
      const all = Object.values(cluster.workers ?? {}).filter((worker) => worker !== undefined);
      await Promise.all(
        all.map(
          (worker) =>
            new Promise<void>((resolve) => {
              worker.once('exit', () => {
                resolve();
              });
              worker.kill('SIGTERM');
            }),
        ),
      );
    },
  };
}
