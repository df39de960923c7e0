import type { Scorecard, Transcript } from '../engine/index.ts';
import { historyRecord } from './history-record.ts';
import type { HistoryRecord } from './history-record.ts';

const ID_BYTES = 16;

/**
 * A random record id (32 hex digits). `crypto.getRandomValues` rather than `randomUUID`, which
 * only exists on secure origins and the game may be served over plain http on a LAN.
 */
export function newRecordId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(ID_BYTES));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * The record of a call that just ended: the edge where the clock and randomness are read, so
 * everything behind it stays deterministic.
 */
export function recordNow(transcript: Transcript, card: Scorecard): HistoryRecord {
  return historyRecord(transcript, card, { id: newRecordId(), date: new Date().toISOString() });
}
