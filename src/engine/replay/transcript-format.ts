/** The transcript format's name and version: plain constants, so recording needs no zod. */
export const TRANSCRIPT_FORMAT = 'service-dojo/transcript';
/**
 * 2: every call has a seed and every event records the order its answers were shown in.
 * 1 (before answers were shuffled) is read by `migrateTranscript`.
 */
export const TRANSCRIPT_FORMAT_VERSION = 2;
/** A call never needs more turns than this; longer transcripts are refused before replaying. */
export const MAX_TRANSCRIPT_EVENTS = 200;
/** A node offers at most this many answers (the scenario schema's limit). */
export const MAX_SHOWN_ANSWERS = 4;
