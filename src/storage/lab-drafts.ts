import { openDB } from 'idb';
import type { DBSchema, IDBPDatabase } from 'idb';

/**
 * The Scenario Lab's drafts database. A database of its own (not a store in the history's):
 * the two evolve separately, and upgrading one never blocks the other's open connection.
 */
export const LAB_DRAFTS_DB = {
  name: 'service-dojo-lab',
  version: 1,
  store: 'drafts',
  keyPath: 'id',
} as const;

/** One scenario file a trainer is writing in the Lab. */
export interface LabDraft {
  readonly id: string;
  /** What the trainer calls it; also the download's file name. */
  readonly name: string;
  /** The YAML text, exactly as typed. */
  readonly text: string;
  /** Milliseconds since 1970, passed in by the caller (the Lab reads the clock, not the store). */
  readonly createdAt: number;
  readonly updatedAt: number;
}

interface LabDraftsDb extends DBSchema {
  [LAB_DRAFTS_DB.store]: { key: string; value: LabDraft };
}

/** The Lab's drafts, kept in IndexedDB across reloads. */
export interface LabDraftStore {
  /** Every draft, most recently changed first. */
  list(): Promise<readonly LabDraft[]>;
  get(id: string): Promise<LabDraft | undefined>;
  /** Writes a draft, replacing the one with its id. */
  put(draft: LabDraft): Promise<void>;
  /** Renames a draft; false when it no longer exists. */
  rename(id: string, name: string, updatedAt: number): Promise<boolean>;
  remove(id: string): Promise<void>;
  /** Closes the connection (tests; the Lab keeps one open). */
  close(): void;
}

/**
 * Opens (creating on first use) the drafts database. Rejects where IndexedDB is unavailable: the
 * Lab then says drafts are not kept, and still edits and downloads.
 */
export async function openLabDrafts(name: string = LAB_DRAFTS_DB.name): Promise<LabDraftStore> {
  const db = await openDB<LabDraftsDb>(name, LAB_DRAFTS_DB.version, {
    upgrade(database, oldVersion) {
      if (oldVersion < 1)
        database.createObjectStore(LAB_DRAFTS_DB.store, { keyPath: LAB_DRAFTS_DB.keyPath });
    },
    blocking() {
      // Another tab wants a newer version: let it upgrade rather than blocking it forever.
      db.close();
    },
  });
  return draftStoreOf(db);
}

function draftStoreOf(db: IDBPDatabase<LabDraftsDb>): LabDraftStore {
  return {
    async list() {
      const drafts = await db.getAll(LAB_DRAFTS_DB.store);
      return drafts.sort((a, b) => b.updatedAt - a.updatedAt || a.name.localeCompare(b.name));
    },
    get(id) {
      return db.get(LAB_DRAFTS_DB.store, id);
    },
    async put(draft) {
      await db.put(LAB_DRAFTS_DB.store, draft);
    },
    async rename(id, name, updatedAt) {
      const tx = db.transaction(LAB_DRAFTS_DB.store, 'readwrite');
      const draft = await tx.store.get(id);
      if (draft) await tx.store.put({ ...draft, name, updatedAt });
      await tx.done;
      return draft !== undefined;
    },
    async remove(id) {
      await db.delete(LAB_DRAFTS_DB.store, id);
    },
    close() {
      db.close();
    },
  };
}
