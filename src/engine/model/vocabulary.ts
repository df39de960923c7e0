/** Fixed vocabularies of the scenario format; plain data, so the game can use them without zod. */
export const SEED_DOCS = ['000', '001', '002', '003', '004'] as const;
export const CHANNELS = ['phone', 'chat', 'counter'] as const;
export const OUTCOMES = ['good', 'partial', 'bad'] as const;
export const METER_IDS = ['anger', 'trust', 'patience'] as const;

export type Channel = (typeof CHANNELS)[number];
export type Outcome = (typeof OUTCOMES)[number];
export type MeterId = (typeof METER_IDS)[number];
