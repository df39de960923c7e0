/**
 * Runs SQLite's WAL checkpoints on a thread of their own: copying the log into the database file
 * and its fsync then never hold up the event loop that answers players. PASSIVE checkpoints
 * never block the writer; they copy whatever is committed.
 */
import { DatabaseSync } from 'node:sqlite';
import { parentPort, workerData } from 'node:worker_threads';

const { file, everyMs } = workerData as { file: string; everyMs: number };
const db = new DatabaseSync(file);
db.exec('PRAGMA busy_timeout = 1000');
const timer = setInterval(() => {
  try {
    db.exec('PRAGMA wal_checkpoint(PASSIVE)');
  } catch {
    // Busy or closing: the next round (or the writer's own fallback checkpoint) catches up.
  }
}, everyMs);
parentPort?.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort?.close();
});
