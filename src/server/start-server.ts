import { passphraseSchema } from '../protocol/index.ts';
/** Opens storage, prepares the trainer's way in, builds the app and puts it on a port. */
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Pool } from 'pg';
import { buildApp } from './app.ts';
import type { AppOptions } from './app.ts';
import { hashPassphrase, newSetupCode, normaliseSetupCode, tokenHash } from './auth.ts';
import { loadCatalogue } from './catalogue.ts';
import type { Catalogue } from './catalogue.ts';
import type { Limits } from './context.ts';
import { openDatabase } from './db/index.ts';
import type { Database } from './db/index.ts';
import { localNotifier, postgresNotifier } from './live.ts';
import type { Notifier } from './live.ts';
import { Repository } from './repository.ts';

export interface ServerOptions {
  /** 0 picks a free port. */
  readonly port?: number;
  readonly host?: string;
  /** Folder for the SQLite file (default ./data). */
  readonly dataDir?: string;
  /** postgres://… to use PostgreSQL instead of SQLite. */
  readonly databaseUrl?: string | undefined;
  /** The built game, served at `/`. */
  readonly staticDir?: string;
  /** The scenario library (default ./scenarios). */
  readonly scenariosDir?: string;
  /** Sets the trainer passphrase if none is set yet (tests, scripted installs). */
  readonly trainerPassphrase?: string | undefined;
  readonly publicUrl?: string | undefined;
  /** More host names the server answers to (see `AppOptions.allowedHosts`). */
  readonly allowedHosts?: readonly string[] | undefined;
  readonly limits?: Partial<Limits>;
  readonly log?: boolean;
  readonly trustProxy?: boolean;
  /** Reuse a catalogue already loaded (tests start many servers). */
  readonly catalogue?: Catalogue;
  /** How board changes reach the other processes; by default from the database (see openStorage). */
  readonly notifier?: Notifier;
  /** False when another process already made sure a trainer can get in (cluster workers). */
  readonly prepareTrainer?: boolean;
}

export interface RunningServer {
  readonly url: string;
  readonly app: FastifyInstance;
  /** The one-time trainer setup code, when no passphrase is set yet (print it for the trainer). */
  readonly setupCode: string | null;
  close(): Promise<void>;
}

/** Opens the database and the notifier the options ask for. */
export async function openStorage(options: {
  databaseUrl?: string | undefined;
  dataDir: string;
  notifier?: Notifier | undefined;
}): Promise<{ db: Database; notifier: Notifier }> {
  const db = await openDatabase(options);
  const notifier =
    options.notifier ??
    (db.dialect === 'postgres' && options.databaseUrl !== undefined && 'pool' in db
      ? postgresNotifier(options.databaseUrl, (db as Database & { pool: Pool }).pool)
      : localNotifier());
  return { db, notifier };
}

/** Makes sure a trainer can get in: the preset passphrase, or a fresh one-time setup code. */
export async function prepareTrainer(
  db: Database,
  passphrase: string | undefined,
): Promise<string | null> {
  const repository = new Repository(db);
  if ((await repository.passphraseHash()) !== null) return null;
  if (passphrase !== undefined && passphrase !== '') {
    // The same rule as the dashboard's: a short preset passphrase is refused at start.
    const checked = passphraseSchema.safeParse(passphrase);
    if (!checked.success)
      throw new Error(
        `TRAINER_PASSPHRASE is too short: ${checked.error.issues[0]?.message ?? 'choose a longer one'}`,
      );
    await repository.setPassphrase(await hashPassphrase(passphrase));
    return null;
  }
  const code = newSetupCode();
  await repository.replaceSetupCode(tokenHash(normaliseSetupCode(code)));
  return code;
}

/** Starts the drill server and the game on one port. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const catalogue = options.catalogue ?? loadCatalogue(options.scenariosDir ?? 'scenarios');
  const { db, notifier } = await openStorage({
    databaseUrl: options.databaseUrl,
    dataDir: options.dataDir ?? path.resolve('data'),
    notifier: options.notifier,
  });
  const setupCode =
    options.prepareTrainer === false ? null : await prepareTrainer(db, options.trainerPassphrase);
  const appOptions: AppOptions = {
    db,
    catalogue,
    notifier,
    staticDir: options.staticDir,
    publicUrl: options.publicUrl,
    allowedHosts: options.allowedHosts,
    limits: options.limits,
    log: options.log,
    trustProxy: options.trustProxy,
  };
  const { app } = await buildApp(appOptions);
  try {
    await app.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' });
  } catch (error) {
    await app.close();
    await notifier.close();
    await db.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  const host =
    options.host === undefined || options.host === '0.0.0.0' ? '127.0.0.1' : options.host;
  return {
    url: `http://${host}:${String(port)}`,
    app,
    setupCode,
    async close() {
      await app.close();
      await notifier.close();
      await db.close();
    },
  };
}
