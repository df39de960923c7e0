import * as z from 'zod';
import { LOCALE_IDS } from '../model/locales.ts';
import { CallEventType } from '../compiler/types.ts';
import { MAX_SEED } from './answer-order.ts';
import {
  MAX_SHOWN_ANSWERS,
  MAX_TRANSCRIPT_EVENTS,
  TRANSCRIPT_FORMAT,
  TRANSCRIPT_FORMAT_VERSION,
} from './transcript-format.ts';
import { migrateTranscript } from './transcript-migrate.ts';
/** An answer slower than an hour is not a real answer. */
const MAX_ELAPSED_MS = 3_600_000;

const elapsedMs = z.int().min(0).max(MAX_ELAPSED_MS);
const choiceId = z.string().min(1).max(100);
/** The answers on screen, in the order shown (empty in a call recorded before shuffling). */
const shown = z.array(choiceId).max(MAX_SHOWN_ANSWERS);

export const callEventSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal(CallEventType.choose), choiceId, elapsedMs, shown }),
  z.strictObject({ type: z.literal(CallEventType.silence), elapsedMs, shown }),
]);

/**
 * A recorded call: which scenario (id, version, content hash), the locale and timer setting it
 * was played with, the seed that ordered its answers, and the events in order, each with the
 * order its answers were shown in. Replaying it gives the same states and scorecard.
 */
export const transcriptSchema = z.strictObject({
  format: z.literal(TRANSCRIPT_FORMAT),
  formatVersion: z.literal(TRANSCRIPT_FORMAT_VERSION),
  scenarioId: z.string().min(1).max(100),
  scenarioVersion: z.int().min(1),
  scenarioHash: z.string().regex(/^[0-9a-f]{16}$/),
  locale: z.enum(LOCALE_IDS),
  timed: z.boolean(),
  /** Null only for a call recorded before answers were shuffled (format 1). */
  seed: z.int().min(0).max(MAX_SEED).nullable(),
  events: z.array(callEventSchema).max(MAX_TRANSCRIPT_EVENTS),
});

/** The same schema, reading older formats too (stored history, queued results). */
export const storedTranscriptSchema = z.preprocess(migrateTranscript, transcriptSchema);

export type Transcript = z.output<typeof transcriptSchema>;
export type RecordedEvent = Transcript['events'][number];
