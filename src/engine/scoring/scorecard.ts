import type { LocaleId } from '../model/locales.ts';
import type { PrincipleId } from '../model/principles.ts';
import type { Meters } from '../compiler/types.ts';
import type { Outcome } from '../model/scenario.ts';
import type { StepId } from '../model/steps.ts';
import type { TipId } from '../model/tips.ts';
import type { CriticalErrorId } from '../model/critical.ts';

/** How the 100 points are shared out. Written down in scenarios/README.md. */
export const SCORE_WEIGHTS = {
  tips: 40,
  steps: 25,
  outcome: 20,
  compensation: 5,
  meters: 10,
} as const;

export type ScoreComponent = keyof typeof SCORE_WEIGHTS;

/** Points for performing each of the four steps, and for doing them in order. */
export const STEP_POINTS = { performed: 4, order: 9 } as const;

/**
 * The outcome's 20 points: 14 for how the call ended, 6 for word of mouth (document 000: a pleased
 * customer tells about 5 people, an unhappy one about 25), scaled from −25 (nothing) to +5 (all).
 */
export const OUTCOME_POINTS: Readonly<Record<Outcome, number>> = { good: 14, partial: 7, bad: 0 };
export const WORD_OF_MOUTH_POINTS = 6;
export const WORD_OF_MOUTH_SCALE = { worst: -25, best: 5 } as const;

/**
 * Fixed deductions, the same wherever the mistake falls: an interruption of a customer who is
 * still venting, each silence that leaves dead air on the line, and a call that ends without the
 * apology step (001 §四 2).
 */
export const PENALTY_POINTS = { interruption: 5, deadAir: 5, skippedApology: 8 } as const;

export const GRADES = [
  { grade: 'A', min: 90 },
  { grade: 'B', min: 75 },
  { grade: 'C', min: 60 },
  { grade: 'D', min: 40 },
  { grade: 'F', min: 0 },
] as const;
export type Grade = (typeof GRADES)[number]['grade'];

export const TipStatus = {
  assessed: 'assessed',
  /** The scenario never puts this tip at stake (or timers were off, for actFast). */
  notAssessed: 'notAssessed',
  /** The scenario exercises it, but not at any moment this call reached. */
  noEvidence: 'noEvidence',
} as const;
export type TipStatus = (typeof TipStatus)[keyof typeof TipStatus];

export interface TipResult {
  readonly status: TipStatus;
  /** 0–100, or null unless assessed. */
  readonly percent: number | null;
}

/** Why a point was won or lost; the debrief turns it into a sentence. */
export const PointReason = {
  tipEvidence: 'tipEvidence',
  answerTime: 'answerTime',
  turns: 'turns',
  stepPerformed: 'stepPerformed',
  stepMissing: 'stepMissing',
  stepOrder: 'stepOrder',
  interruption: 'interruption',
  outcome: 'outcome',
  wordOfMouth: 'wordOfMouth',
  compensation: 'compensation',
  finalMeters: 'finalMeters',
  deadAir: 'deadAir',
  skippedApology: 'skippedApology',
  criticalError: 'criticalError',
} as const;
export type PointReason = (typeof PointReason)[keyof typeof PointReason];

/** Where a point sits: one of the five parts, or a deduction (a fixed penalty or the cap). */
export type PointComponent = ScoreComponent | 'penalty';

/** A critical error committed in the call: which one, at which turn, with the article's line. */
export interface CriticalErrorHit {
  readonly error: CriticalErrorId;
  readonly turn: number;
  readonly nodeId: string;
  readonly choiceId: string;
  readonly principle: PrincipleId;
}

/** One line of the debrief: points won and lost, the choice behind them, and the principle. */
export interface ScorePoint {
  readonly component: PointComponent;
  readonly reason: PointReason;
  /** Index of the turn in the transcript, or null for whole-call items. */
  readonly turn: number | null;
  readonly nodeId: string | null;
  /** null for silence and for whole-call items. */
  readonly choiceId: string | null;
  readonly tip?: TipId;
  readonly step?: StepId;
  /** For a critical-error line: which error. */
  readonly critical?: CriticalErrorId;
  readonly won: number;
  readonly lost: number;
  readonly principle: PrincipleId;
}

export interface Scorecard {
  readonly scenarioId: string;
  readonly scenarioVersion: number;
  readonly scenarioHash: string;
  readonly locale: LocaleId;
  readonly timed: boolean;
  /** 0–100, rounded to a whole number: the parts, less the penalties, within the cap. */
  readonly total: number;
  readonly grade: Grade;
  readonly components: Readonly<Record<ScoreComponent, number>>;
  /** Fixed deductions (interruptions, dead air, a skipped apology), as a positive number. */
  readonly penalties: number;
  /** Critical errors committed, in call order: the debrief names the first one first. */
  readonly criticalErrors: readonly CriticalErrorHit[];
  /** The highest total the call could reach: `CRITICAL_CAP` after a critical error, else 100. */
  readonly cap: number;
  readonly tips: Readonly<Record<TipId, TipResult>>;
  readonly steps: {
    /** Turn index at which each step was first performed, or null. */
    readonly firstPerformed: Readonly<Record<StepId, number | null>>;
    /** The steps in the order they were first performed. */
    readonly order: readonly StepId[];
    readonly inOrder: boolean;
    /** Turns at which the trainee did anything but listen while the customer vented. */
    readonly interruptions: readonly number[];
    /** Turns the trainee let the answer time run out, leaving dead air. */
    readonly deadAir: readonly number[];
  };
  readonly outcome: {
    readonly endingId: string | null;
    readonly outcome: Outcome | null;
    /** People the customer tells: +5 pleased, −25 unhappy (document 000). */
    readonly wordOfMouth: number;
  };
  readonly compensation: {
    readonly spent: number;
    readonly cheapestGood: number | null;
    /** The most the call may spend: the customer's loss plus goodwill, else the cheapest good path. */
    readonly allowance: number;
  };
  readonly finalMeters: Meters;
  readonly turns: number;
  readonly shortestGoodTurns: number | null;
  readonly points: readonly ScorePoint[];
}

export function gradeOf(total: number): Grade {
  return GRADES.find((entry) => total >= entry.min)?.grade ?? 'F';
}
