/**
 * Browser persistence: the history of calls in IndexedDB (with export and import as a JSON file),
 * progress per tip, and the player's settings in localStorage. Nothing here draws; the game's
 * scenes call it. Pure parts (records, the file format, tip progress, settings parsing) take
 * dates and environments as inputs; the edges that read the clock or the browser say so.
 */
export { historyRecord, summaryOf } from './history-record.ts';
export type { HistoryRecord, HistorySummary } from './history-record.ts';
export { newRecordId, recordNow } from './record-now.ts';
export { openHistory, HISTORY_DB } from './history-store.ts';
export type { HistoryStore, ImportReport } from './history-store.ts';
export { sharedHistory } from './shared-history.ts';
export {
  HISTORY_FILE_FORMAT,
  HISTORY_FILE_VERSION,
  MAX_IMPORT_CHARS,
  MAX_IMPORT_RECORDS,
  historyFileName,
  historyFileText,
} from './history-file.ts';
export type { HistoryFile } from './history-file.ts';
export { tipProgress } from './tip-progress.ts';
export type { TipPoint, TipSeries } from './tip-progress.ts';
export {
  TextSpeed,
  TEXT_SPEEDS,
  VolumeChannel,
  VOLUME_CHANNELS,
  defaultSettings,
  parseSettings,
} from './settings.ts';
export type { Settings } from './settings.ts';
export {
  LEGACY_LOCALE_KEY,
  SETTINGS_KEY,
  loadSettings,
  saveSettings,
  systemPrefersReducedMotion,
  updateSettings,
} from './settings-store.ts';
export type { SettingsEnvironment } from './settings-store.ts';
export { browserStorage, safeStorage } from './safe-storage.ts';
export type { KeyValueStore, StorageLike } from './safe-storage.ts';
export { downloadText, pickTextFile } from './file-transfer.ts';
export {
  BACKOFF,
  SUBMISSION_DB,
  SubmissionState,
  backoffMs,
  newIdempotencyKey,
  openSubmissionQueue,
} from './submission-queue.ts';
export type {
  FlushReport,
  QueuedSubmission,
  SendOutcome,
  Sender,
  SubmissionQueue,
  SubmissionQueueOptions,
} from './submission-queue.ts';
export { openLabDrafts, LAB_DRAFTS_DB } from './lab-drafts.ts';
export type { LabDraft, LabDraftStore } from './lab-drafts.ts';
