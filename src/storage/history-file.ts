import type { HistoryRecord } from './history-record.ts';

/** The history file's name and version, written into every export and checked on import. */
export const HISTORY_FILE_FORMAT = 'service-dojo/history';
/** 2: transcripts of format 2. Files of version 1 are still read (their transcripts migrated). */
export const HISTORY_FILE_VERSION = 2;
/** The oldest history file version an import still reads. */
export const OLDEST_HISTORY_FILE_VERSION = 1;
/** Bounds on what an import will even look at: far above a real trainee's history. */
export const MAX_IMPORT_RECORDS = 10_000;
export const MAX_IMPORT_CHARS = 50_000_000;

/** An exported history. Summaries are written for people and other tools; import recomputes them. */
export interface HistoryFile {
  readonly format: typeof HISTORY_FILE_FORMAT;
  readonly formatVersion: typeof HISTORY_FILE_VERSION;
  /** ISO 8601. */
  readonly exportedAt: string;
  readonly records: readonly HistoryRecord[];
}

/** The export file's text (indented, so a trainer can read it). */
export function historyFileText(records: readonly HistoryRecord[], exportedAt: string): string {
  const file: HistoryFile = {
    format: HISTORY_FILE_FORMAT,
    formatVersion: HISTORY_FILE_VERSION,
    exportedAt,
    records,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * A download name for an export made at `exportedAt`.
 *
 * @example
 * historyFileName('2025-03-01T09:30:00.000Z') // 'service-dojo-history-2025-03-01.json'
 */
export function historyFileName(exportedAt: string): string {
  return `service-dojo-history-${exportedAt.slice(0, 10)}.json`;
}
