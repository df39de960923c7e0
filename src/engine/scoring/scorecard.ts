import type { LocaleId } from '../model/locales.ts';
import type { PrincipleId } from '../model/principles.ts';
import type { Meters } from '../compiler/types.ts';
import type { Outcome } from '../model/scenario.ts';
import type { StepId } from '../model/steps.ts';
import type { TipId } from '../model/tips.ts';

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
export const STEP_POINTS = { performed: 4, order: 9, interruption: 3 } as const;
export const OUTCOME_POINTS: Readonly<Record<Outcome, number>> = { good: 20, partial: 10, bad: 0 };

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
  compensation: 'compensation',
  finalMeters: 'finalMeters',
} as const;
export type PointReason = (typeof PointReason)[keyof typeof PointReason];

/** One line of the debrief: points won and lost, the choice behind them, and the principle. */
export interface ScorePoint {
  readonly component: ScoreComponent;
  readonly reason: PointReason;
  /** Index of the turn in the transcript, or null for whole-call items. */
  readonly turn: number | null;
  readonly nodeId: string | null;
  /** null for silence and for whole-call items. */
  readonly choiceId: string | null;
  readonly tip?: TipId;
  readonly step?: StepId;
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
  /** 0–100, rounded to a whole number. */
  readonly total: number;
  readonly grade: Grade;
  readonly components: Readonly<Record<ScoreComponent, number>>;
  readonly tips: Readonly<Record<TipId, TipResult>>;
  readonly steps: {
    /** Turn index at which each step was first performed, or null. */
    readonly firstPerformed: Readonly<Record<StepId, number | null>>;
    /** The steps in the order they were first performed. */
    readonly order: readonly StepId[];
    readonly inOrder: boolean;
    /** Turns at which the trainee explained or offered a solution while the customer vented. */
    readonly interruptions: readonly number[];
  };
  readonly outcome: {
    readonly endingId: string | null;
    readonly outcome: Outcome | null;
    /** People the customer tells: +5 pleased, −25 unhappy (document 000). */
    readonly wordOfMouth: number;
  };
  readonly compensation: { readonly spent: number; readonly cheapestGood: number | null };
  readonly finalMeters: Meters;
  readonly turns: number;
  readonly shortestGoodTurns: number | null;
  readonly points: readonly ScorePoint[];
}

export function gradeOf(total: number): Grade {
  return GRADES.find((entry) => total >= entry.min)?.grade ?? 'F';
}
