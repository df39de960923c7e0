import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import type { Transcript } from '../../src/engine/index.ts';
import { buildApp, loadCatalogue, openStorage, prepareTrainer } from '../../src/server/index.ts';
import type { Catalogue, Limits } from '../../src/server/index.ts';
import { ROOT } from './fixtures.ts';

/** The shipped library, loaded once for every server a test starts. */
let catalogue: Catalogue | null = null;
export function testCatalogue(): Catalogue {
  catalogue ??= loadCatalogue(path.join(ROOT, 'scenarios'));
  return catalogue;
}

/** A recorded transcript of a shipped scenario (scenarios/transcripts/<id>/<kind>.json). */
export function recorded(scenarioId: string, kind: 'best' | 'worst' | 'mixed'): Transcript {
  const file = path.join(ROOT, 'scenarios/transcripts', scenarioId, `${kind}.json`);
  return (JSON.parse(readFileSync(file, 'utf8')) as { transcript: Transcript }).transcript;
}
export function recordedTotal(scenarioId: string, kind: 'best' | 'worst' | 'mixed'): number {
  const file = path.join(ROOT, 'scenarios/transcripts', scenarioId, `${kind}.json`);
  return (JSON.parse(readFileSync(file, 'utf8')) as { expected: { scorecard: { total: number } } })
    .expected.scorecard.total;
}

export const TEST_PASSPHRASE = 'a long test passphrase';

/**
 * PostgreSQL for the tests: TEST_DATABASE_URL names a server and a role that may create
 * databases (`.ci/run` starts one). Each caller gets a database of its own, dropped afterwards.
 * On CI it is required; elsewhere the PostgreSQL runs are skipped when it is not set.
 */
export const POSTGRES_URL = process.env.TEST_DATABASE_URL;
if (process.env.CI === 'true' && POSTGRES_URL === undefined) {
  throw new Error('CI runs the server suite on PostgreSQL too: .ci/run must set TEST_DATABASE_URL');
}

export async function freshPostgres(): Promise<{ url: string; drop(): Promise<void> }> {
  if (POSTGRES_URL === undefined) throw new Error('TEST_DATABASE_URL is not set');
  const name = `dojo_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export const STORAGES: readonly StorageKind[] = [
  'sqlite',
  ...(POSTGRES_URL === undefined ? [] : ['postgres' as const]),
];
export type StorageKind = 'sqlite' | 'postgres';

export interface TestApp {
  readonly app: FastifyInstance;
  /** The one-time setup code when the app was made without a passphrase. */
  readonly setupCode: string | null;
  close(): Promise<void>;
}

/** The drill app on a fresh database, without a port (requests go through `inject`). */
export async function testApp(
  storage: StorageKind,
  limits: Partial<Limits> = {},
  options: { passphrase?: string | undefined } = { passphrase: TEST_PASSPHRASE },
): Promise<TestApp> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'dojo-server-'));
  const postgres = storage === 'postgres' ? await freshPostgres() : null;
  const { db, notifier } = await openStorage({ dataDir, databaseUrl: postgres?.url });
  const setupCode = await prepareTrainer(db, options.passphrase);
  const { app } = await buildApp({ db, catalogue: testCatalogue(), notifier, limits });
  await app.ready();
  return {
    app,
    setupCode,
    async close() {
      await app.close();
      await notifier.close();
      await db.close();
      await postgres?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
