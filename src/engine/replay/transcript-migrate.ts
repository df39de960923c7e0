import { TRANSCRIPT_FORMAT, TRANSCRIPT_FORMAT_VERSION } from './transcript-format.ts';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Brings a stored transcript of an older format up to the current one, without trusting it
 * (the result still goes through the schema). Version 1 was recorded before answers were
 * shuffled: it becomes a call with a null seed (the file's own order) whose events record no
 * order. Anything else is returned as it is.
 *
 * @example
 * transcriptSchema.safeParse(migrateTranscript(JSON.parse(stored)))
 */
export function migrateTranscript(value: unknown): unknown {
  if (!isRecord(value) || value.format !== TRANSCRIPT_FORMAT || value.formatVersion !== 1)
    return value;
  const events = Array.isArray(value.events) ? value.events : [];
  return {
    ...value,
    formatVersion: TRANSCRIPT_FORMAT_VERSION,
    seed: null,
    events: events.map((event: unknown) => (isRecord(event) ? { ...event, shown: [] } : event)),
  };
}
