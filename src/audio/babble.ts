import { CaptionName } from './captions.ts';
import { BABBLE } from './layout.ts';

/** How the customer sounds, from the anger meter (0–100). */
export const Mood = {
  calm: 'calm',
  annoyed: 'annoyed',
  angry: 'angry',
  furious: 'furious',
} as const;
export type Mood = (typeof Mood)[keyof typeof Mood];

/** Lowest anger of each mood; below `annoyed` the customer is calm. */
const MOOD_FROM: readonly (readonly [Mood, number])[] = [
  [Mood.furious, 75],
  [Mood.angry, 50],
  [Mood.annoyed, 25],
];

export const MOOD_CAPTION: Readonly<Record<Mood, CaptionName>> = {
  calm: CaptionName.babbleCalm,
  annoyed: CaptionName.babbleAnnoyed,
  angry: CaptionName.babbleAngry,
  furious: CaptionName.babbleFurious,
};

/** Anger outside 0–100 (or not a number) is treated as the nearest end. */
export function clampAnger(anger: number): number {
  return Number.isFinite(anger) ? Math.max(0, Math.min(100, anger)) : 0;
}

export function moodOf(anger: number): Mood {
  const level = clampAnger(anger);
  return MOOD_FROM.find(([, from]) => level >= from)?.[0] ?? Mood.calm;
}

/** Playback rate (pitch and pace together): 0.92 when calm, up to 1.42 when furious. */
export function babbleRate(anger: number): number {
  return 0.92 + 0.5 * (clampAnger(anger) / 100);
}

/** Pause between syllables at rate 1: a calm customer leaves room, a furious one none. */
export function babbleGapMs(anger: number): number {
  return 130 - 100 * (clampAnger(anger) / 100);
}

/** Chance that a syllable is a tense one: none below 30, all from 80. */
export function tenseShare(anger: number): number {
  return Math.max(0, Math.min(1, (clampAnger(anger) - 30) / 50));
}

/** Extra pause after a phrase, in syllable steps. */
const PHRASE_PAUSE = 0.7;

/** Syllables in a phrase: 3 to 6. */
function wordLength(random: () => number): number {
  return 3 + Math.floor(random() * 4);
}

/** One syllable to play: when (ms from the line's start), which sprite slot, at what rate. */
export interface PlannedSyllable {
  readonly atMs: number;
  readonly syllable: number;
  readonly rate: number;
}

/**
 * The syllables under one customer line of `durationMs`: back to back with the mood's gaps,
 * never the same syllable twice in a row, soft or tense by anger. `pitch` scales the rate for a
 * lower or higher voice (1 = neutral). Deterministic for a given `random`.
 */
export function planBabble(
  anger: number,
  durationMs: number,
  random: () => number,
  pitch = 1,
): PlannedSyllable[] {
  const rate = babbleRate(anger) * (Number.isFinite(pitch) && pitch > 0 ? pitch : 1);
  const step = (BABBLE.syllableMs * 0.8 + babbleGapMs(anger)) / rate;
  const tense = tenseShare(anger);
  const plan: PlannedSyllable[] = [];
  let previous = -1;
  let wordLeft = wordLength(random);
  for (let atMs = 0; atMs < durationMs; atMs += step) {
    const [first, count] = random() < tense ? [BABBLE.soft, BABBLE.tense] : [0, BABBLE.soft];
    let syllable = first + Math.floor(random() * count);
    if (syllable === previous) syllable = first + ((syllable - first + 1) % count);
    plan.push({ atMs: Math.round(atMs), syllable, rate });
    previous = syllable;
    if (--wordLeft === 0) {
      // A breath between phrases: without it the babble sounds like a machine gun.
      atMs += step * PHRASE_PAUSE;
      wordLeft = wordLength(random);
    }
  }
  return plan;
}
