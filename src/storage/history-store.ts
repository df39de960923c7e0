import { openDB } from 'idb';
import type { DBSchema, IDBPDatabase, IDBPObjectStore } from 'idb';
import { migrateTranscript } from '../engine/index.ts';
import type { Scenario, Transcript } from '../engine/index.ts';
import { historyFileText } from './history-file.ts';
import type { HistoryRecord } from './history-record.ts';

/** The IndexedDB database, its one object store and its indexes. */
export const HISTORY_DB = {
  name: 'service-dojo',
  /** 2: transcripts of format 2 (a seed, and each answer's shown order); 1's are migrated. */
  version: 2,
  store: 'history',
  /** Records are keyed by their id… */
  keyPath: 'id',
  /** …and indexed by scenario, for best scores and per-scenario lists. */
  byScenario: 'byScenario',
  scenarioPath: 'summary.scenarioId',
} as const;

interface HistoryDb extends DBSchema {
  [HISTORY_DB.store]: {
    key: string;
    value: HistoryRecord;
    indexes: { [HISTORY_DB.byScenario]: string };
  };
}

/** What an import did: records added, duplicates (same id) skipped, and why others were refused. */
export interface ImportReport {
  readonly added: number;
  readonly skipped: number;
  readonly errors: readonly string[];
}

/** The trainee's past calls, kept in IndexedDB across reloads. */
export interface HistoryStore {
  /** Adds a record; false (and nothing written) when a record with its id is already kept. */
  add(record: HistoryRecord): Promise<boolean>;
  /** Every record, oldest first. */
  all(): Promise<readonly HistoryRecord[]>;
  /** The records of one scenario, oldest first. */
  forScenario(scenarioId: string): Promise<readonly HistoryRecord[]>;
  /** The highest total scored on a scenario, or null when it was never played. */
  bestScore(scenarioId: string): Promise<number | null>;
  clear(): Promise<void>;
  /** The whole history as an export file's text (`exportedAt` is ISO 8601, passed in). */
  exportJson(exportedAt: string): Promise<string>;
  /**
   * Imports an export file without trusting it (see `readHistoryFile`): records of `scenarios`
   * are checked and re-scored by the engine; ids already kept are skipped. All or nothing: the
   * accepted records are written in one transaction.
   */
  importJson(text: string, scenarios: readonly Scenario[]): Promise<ImportReport>;
  /** Closes the connection (tests; the game keeps one open). */
  close(): void;
}

/**
 * Opens (creating or upgrading) the history database. Rejects where IndexedDB is unavailable,
 * e.g. some private modes: the caller says so and carries on without history.
 */
export async function openHistory(name: string = HISTORY_DB.name): Promise<HistoryStore> {
  const db = await openDB<HistoryDb>(name, HISTORY_DB.version, {
    upgrade(database, oldVersion, _newVersion, transaction) {
      if (oldVersion < 1) {
        const store = database.createObjectStore(HISTORY_DB.store, {
          keyPath: HISTORY_DB.keyPath,
        });
        store.createIndex(HISTORY_DB.byScenario, HISTORY_DB.scenarioPath);
      }
      // Calls kept before answers were shuffled: their transcripts become format 2 with no seed
      // (the file's own order). The summaries, scored when they were played, stay. Only
      // IndexedDB requests are awaited, so the upgrade transaction stays open until it is done.
      if (oldVersion === 1) void migrateRecords(transaction.objectStore(HISTORY_DB.store));
    },
    blocking() {
      // Another tab wants a newer version: let it upgrade rather than blocking it forever.
      db.close();
    },
  });
  return historyStoreOf(db);
}

async function migrateRecords(
  store: IDBPObjectStore<
    HistoryDb,
    (typeof HISTORY_DB.store)[],
    typeof HISTORY_DB.store,
    'versionchange'
  >,
): Promise<void> {
  for (let cursor = await store.openCursor(); cursor; cursor = await cursor.continue()) {
    const record = cursor.value;
    await cursor.update({
      ...record,
      transcript: migrateTranscript(record.transcript) as Transcript,
    });
  }
}

function historyStoreOf(db: IDBPDatabase<HistoryDb>): HistoryStore {
  const all = async () => byDate(await db.getAll(HISTORY_DB.store));
  const forScenario = async (scenarioId: string) =>
    byDate(await db.getAllFromIndex(HISTORY_DB.store, HISTORY_DB.byScenario, scenarioId));

  return {
    async add(record) {
      const tx = db.transaction(HISTORY_DB.store, 'readwrite');
      const exists = (await tx.store.getKey(record.id)) !== undefined;
      if (!exists) await tx.store.add(record);
      await tx.done;
      return !exists;
    },
    all,
    forScenario,
    async bestScore(scenarioId) {
      const records = await forScenario(scenarioId);
      return records.length === 0 ? null : Math.max(...records.map((r) => r.summary.total));
    },
    async clear() {
      await db.clear(HISTORY_DB.store);
    },
    async exportJson(exportedAt) {
      return historyFileText(await all(), exportedAt);
    },
    async importJson(text, scenarios) {
      // Loaded only now: zod and the transcript schema stay out of the game's first download.
      const { readHistoryFile } = await import('./history-file-read.ts');
      const contents = readHistoryFile(text, scenarios);
      const tx = db.transaction(HISTORY_DB.store, 'readwrite');
      const seen = new Set<string>();
      let added = 0;
      let skipped = 0;
      for (const record of contents.records) {
        if (seen.has(record.id) || (await tx.store.getKey(record.id)) !== undefined) {
          skipped += 1;
          continue;
        }
        seen.add(record.id);
        await tx.store.add(record);
        added += 1;
      }
      await tx.done;
      return { added, skipped, errors: contents.errors };
    },
    close() {
      db.close();
    },
  };
}

/** Oldest first; ISO dates from different time zones are compared as instants. */
function byDate(records: readonly HistoryRecord[]): HistoryRecord[] {
  return [...records].sort((a, b) => Date.parse(a.date) - Date.parse(b.date));
}
