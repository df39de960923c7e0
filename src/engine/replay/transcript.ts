import * as z from 'zod';
import { LOCALE_IDS } from '../model/locales.ts';
import { CallEventType } from '../compiler/types.ts';

import {
  MAX_TRANSCRIPT_EVENTS,
  TRANSCRIPT_FORMAT,
  TRANSCRIPT_FORMAT_VERSION,
} from './transcript-format.ts';
/** An answer slower than an hour is not a real answer. */
const MAX_ELAPSED_MS = 3_600_000;

const elapsedMs = z.int().min(0).max(MAX_ELAPSED_MS);

export const callEventSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal(CallEventType.choose),
    choiceId: z.string().min(1).max(100),
    elapsedMs,
  }),
  z.strictObject({ type: z.literal(CallEventType.silence), elapsedMs }),
]);

/**
 * A recorded call: which scenario (id, version, content hash), the locale and timer setting it
 * was played with, and the events in order. Replaying it gives the same states and scorecard.
 */
export const transcriptSchema = z.strictObject({
  format: z.literal(TRANSCRIPT_FORMAT),
  formatVersion: z.literal(TRANSCRIPT_FORMAT_VERSION),
  scenarioId: z.string().min(1).max(100),
  scenarioVersion: z.int().min(1),
  scenarioHash: z.string().regex(/^[0-9a-f]{16}$/),
  locale: z.enum(LOCALE_IDS),
  timed: z.boolean(),
  events: z.array(callEventSchema).max(MAX_TRANSCRIPT_EVENTS),
});

export type Transcript = z.output<typeof transcriptSchema>;
