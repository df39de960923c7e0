import type { TurnRecord } from '../replay/replay.ts';
import type { Evidence } from './score-tips.ts';
import type { TurnSteps } from './score-steps.ts';

/**
 * What scoring works out for each turn, kept by a caller that scores many calls sharing the same
 * turn records — the explorer scores every call below a turn with one record. A cache serves one
 * timer setting, and a record always sits at the same position in its calls. One-off scoring
 * (replaying a transcript) passes none: filling a cache it never reads would only cost time.
 */
export interface TurnCache {
  readonly evidence: Map<TurnRecord, readonly Evidence[]>;
  readonly steps: Map<TurnRecord, TurnSteps>;
}

export function createTurnCache(): TurnCache {
  return { evidence: new Map(), steps: new Map() };
}
