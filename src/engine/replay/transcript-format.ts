/** The transcript format's name and version: plain constants, so recording needs no zod. */
export const TRANSCRIPT_FORMAT = 'service-dojo/transcript';
export const TRANSCRIPT_FORMAT_VERSION = 1;
/** A call never needs more turns than this; longer transcripts are refused before replaying. */
export const MAX_TRANSCRIPT_EVENTS = 200;
