import type { TipId } from '../engine/index.ts';
import type { ChoiceResult } from '../game/reporting.ts';

/** What the LMS said on launch. */
export interface LaunchState {
  /** Saved progress ('' on a first launch). */
  readonly suspendData: string;
  /** The LMS's own mastery score (0–1), which wins over the package's; null when it sets none. */
  readonly masteryScore: number | null;
  /** False when the LMS launched for review or browsing: nothing is recorded then. */
  readonly recording: boolean;
  /** The learner as the LMS names them, when it does (an xAPI LRS statement's actor). */
  readonly learner?: { readonly id: string; readonly name: string };
}

/** One answer, as an LMS interaction. */
export interface InteractionRecord {
  /** Unique in the package: scenario, attempt and turn. */
  readonly id: string;
  /** The choice id, or `silence`. */
  readonly response: string;
  readonly result: ChoiceResult;
  readonly latencyMs: number;
  readonly at: Date;
  /** What the learner said, in English (SCORM 2004 and xAPI show it in reports). */
  readonly description: string;
}

/** One of the ten tips, as an LMS objective. */
export interface TipRecord {
  readonly tip: TipId;
  /** Mean of the assessed percentages (0–100) so far; null until a call assessed it. */
  readonly percent: number | null;
  /** Against the mastery score; null until assessed. */
  readonly passed: boolean | null;
}

/** The package's overall result. */
export interface ScoreRecord {
  /** Mean of the best totals of the scenarios finished so far, ÷ 100. */
  readonly scaled: number;
  /** Share of the package's scenarios finished at least once, 0–1. */
  readonly progress: number;
  /** Every scenario of the package finished at least once. */
  readonly completed: boolean;
  /** Against the mastery score, once completed; null before. */
  readonly passed: boolean | null;
}

/**
 * One LMS runtime (SCORM 1.2, SCORM 2004, cmi5) as the tracker sees it: it only says what
 * happened; each adapter maps that onto its standard's data model. Writes may be buffered until
 * `commit`.
 */
export interface LmsTarget {
  start(): Promise<LaunchState>;
  interaction(record: InteractionRecord): void;
  tips(records: readonly TipRecord[]): void;
  score(record: ScoreRecord): void;
  suspend(data: string): void;
  commit(): void;
  /** The learner leaves: session time, then the LMS's finish call. */
  finish(sessionMs: number): void;
}
