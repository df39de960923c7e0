import { Sound } from './sounds.ts';

/**
 * The shape of every sound file: names, lengths and sprite regions. The generator renders to
 * these numbers and the player plays by them, so the two cannot drift apart.
 */

/** Opus works at 48 kHz, so everything is synthesised (and the MP3s encoded) at that rate. */
export const SAMPLE_RATE = 48_000;

/** Each sound's file name without extension, in assets/audio/. */
export const SOUND_FILE: Readonly<Record<Sound, string>> = {
  ring: 'ring',
  pickUp: 'pick-up',
  hangUp: 'hang-up',
  click: 'click',
  good: 'good',
  bad: 'bad',
  ambience: 'ambience',
  sting: 'sting',
  babble: 'babble',
};

/** The two encodings of every sound: Opus in Ogg first, MP3 for browsers without Ogg. */
export const AudioFormat = { opus: 'opus', mp3: 'mp3' } as const;
export type AudioFormat = (typeof AudioFormat)[keyof typeof AudioFormat];
export const AUDIO_FORMATS: readonly AudioFormat[] = [AudioFormat.opus, AudioFormat.mp3];

/**
 * The ambience file is its loop with a copy of the loop's tail before it and of its head after
 * it. The player loops only the middle region: because the content around it is periodic, a
 * decoder that shifts the audio by a few milliseconds (MP3 encoder delay) still loops seamlessly.
 */
export const AMBIENCE = { padMs: 250, loopMs: 6000 } as const;

/**
 * Customer babble: syllables at neutral pitch, one per slot. The first `soft` slots are relaxed
 * syllables, the rest tense ones. Each syllable's sound ends within `syllableMs` of its slot's
 * start; the slot's remaining silence absorbs a decoder's start delay.
 */
export const BABBLE = { soft: 4, tense: 4, slotMs: 300, syllableMs: 200, regionMs: 250 } as const;
export const BABBLE_SYLLABLES = BABBLE.soft + BABBLE.tense;

/** Each file's length in milliseconds. */
export const SOUND_MS: Readonly<Record<Sound, number>> = {
  ring: 1500,
  pickUp: 400,
  hangUp: 1400,
  click: 80,
  good: 700,
  bad: 650,
  ambience: AMBIENCE.loopMs + 2 * AMBIENCE.padMs,
  sting: 2000,
  babble: BABBLE_SYLLABLES * BABBLE.slotMs,
};

/** How long a sound is heard when played once (the ambience: one pass of its loop). */
export function playedMs(sound: Sound): number {
  if (sound === Sound.ambience) return AMBIENCE.loopMs;
  if (sound === Sound.babble) return BABBLE.syllableMs;
  return SOUND_MS[sound];
}

/** Sprite names inside the files that have several regions. */
export const AMBIENCE_SPRITE = 'loop';
export function syllableSprite(index: number): string {
  return `syllable${index}`;
}

/** A Howler sprite region: start, length (ms), and whether it loops. */
export type SpriteRegion = readonly [startMs: number, lengthMs: number, loop?: boolean];

/** The sprite regions of a file, or undefined when it is played whole. */
export function spritesOf(sound: Sound): Readonly<Record<string, SpriteRegion>> | undefined {
  if (sound === Sound.ambience) {
    return { [AMBIENCE_SPRITE]: [AMBIENCE.padMs, AMBIENCE.loopMs, true] };
  }
  if (sound === Sound.babble) {
    return Object.fromEntries(
      Array.from({ length: BABBLE_SYLLABLES }, (_, index) => [
        syllableSprite(index),
        [index * BABBLE.slotMs, BABBLE.regionMs] as const,
      ]),
    );
  }
  return undefined;
}
