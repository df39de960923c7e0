import { BABBLE, SOUND_MS } from '../../../audio/layout.ts';
import { seededRandom } from '../../../audio/random.ts';
import { envelope, shape } from '../synth/envelopes.ts';
import { FilterType, filter, telephone } from '../synth/filters.ts';
import { whiteNoise } from '../synth/noise.ts';
import { saw } from '../synth/oscillators.ts';
import { fadeEdges, mixInto, normalize, samplesFor } from '../synth/signal.ts';
import type { Signal } from '../synth/signal.ts';

/** The first three formants (Hz) of a vowel or a glide: what makes an "a" an "a". */
type Formants = readonly [f1: number, f2: number, f3: number];

const VOWEL = {
  a: [800, 1250, 2550],
  e: [480, 1850, 2500],
  i: [300, 2250, 2950],
  o: [500, 900, 2400],
  u: [340, 820, 2350],
  schwa: [560, 1450, 2450],
} as const satisfies Record<string, Formants>;

const Onset = { nasal: 'nasal', glide: 'glide', stop: 'stop', hiss: 'hiss' } as const;
type Onset = (typeof Onset)[keyof typeof Onset];

interface Syllable {
  readonly onset: Onset;
  /** Glides start from these formants; stops burst at `burstHz`. */
  readonly glideFrom?: Formants;
  readonly burstHz?: number;
  readonly from: Formants;
  readonly to: Formants;
  readonly ms: number;
  /** Pitch at the start, at 40 %, and at the end, as multiples of the neutral pitch. */
  readonly contour: readonly [number, number, number];
}

/** Neutral pitch, between a low and a high voice; the player raises it with anger. */
const PITCH_HZ = 170;

/** Relaxed syllables first (soft onsets, falling pitch), then tense ones (bursts, rising). */
const SYLLABLES: readonly Syllable[] = [
  { onset: Onset.nasal, from: VOWEL.a, to: VOWEL.schwa, ms: 180, contour: [1, 1.04, 0.9] },
  {
    onset: Onset.glide,
    glideFrom: [350, 1100, 2600],
    from: VOWEL.o,
    to: VOWEL.o,
    ms: 170,
    contour: [0.98, 1, 0.9],
  },
  { onset: Onset.nasal, from: VOWEL.e, to: VOWEL.i, ms: 160, contour: [1.02, 1.05, 0.95] },
  {
    onset: Onset.glide,
    glideFrom: [300, 700, 2300],
    from: VOWEL.a,
    to: VOWEL.u,
    ms: 190,
    contour: [0.95, 1, 0.88],
  },
  {
    onset: Onset.stop,
    burstHz: 1800,
    from: VOWEL.a,
    to: VOWEL.a,
    ms: 150,
    contour: [1.05, 1.2, 1.1],
  },
  {
    onset: Onset.stop,
    burstHz: 3800,
    from: VOWEL.i,
    to: VOWEL.e,
    ms: 140,
    contour: [1.1, 1.25, 1.05],
  },
  {
    onset: Onset.stop,
    burstHz: 700,
    from: VOWEL.a,
    to: VOWEL.o,
    ms: 160,
    contour: [1, 1.18, 1.15],
  },
  { onset: Onset.hiss, from: VOWEL.o, to: VOWEL.a, ms: 190, contour: [1.08, 1.22, 1] },
];

/** When the voice starts after each kind of onset, in ms. */
const VOICE_AT: Readonly<Record<Onset, number>> = { nasal: 0, glide: 0, stop: 30, hiss: 75 };
const GLIDE_MS = 60;

function lerp(from: number, to: number, share: number): number {
  return from + (to - from) * Math.min(1, Math.max(0, share));
}

/** Formant `n`'s frequency over time: glide in, then move from the first vowel to the second. */
function track(syllable: Syllable, n: 0 | 1 | 2): (seconds: number) => number {
  const voiceAt = VOICE_AT[syllable.onset] / 1000;
  const end = syllable.ms / 1000;
  return (t) => {
    const vowel = lerp(syllable.from[n], syllable.to[n], (t - voiceAt) / (end - voiceAt));
    if (!syllable.glideFrom) return vowel;
    return lerp(syllable.glideFrom[n], vowel, (t - voiceAt) / (GLIDE_MS / 1000));
  };
}

function pitch(syllable: Syllable, random: () => number): (seconds: number) => number {
  const [start, peak, end] = syllable.contour;
  const wobble = random() * Math.PI * 2;
  const seconds = syllable.ms / 1000;
  return (t) => {
    const share = t / seconds;
    const contour =
      share < 0.4 ? lerp(start, peak, share / 0.4) : lerp(peak, end, (share - 0.4) / 0.6);
    return PITCH_HZ * contour * (1 + 0.006 * Math.sin(2 * Math.PI * 5.5 * t + wobble));
  };
}

/** The consonant before the vowel: a nasal hum, a stop's burst, or a "sh". */
function onsetSound(syllable: Syllable, length: number, random: () => number): Signal {
  const noise = whiteNoise(length, random);
  switch (syllable.onset) {
    case Onset.stop: {
      const burst = filter(noise, FilterType.bandpass, syllable.burstHz ?? 2000, 1.5);
      return shape(
        burst,
        envelope(length, [
          [8, 0],
          [10, 1],
          [18, 0.35],
          [VOICE_AT.stop, 0],
        ]),
      );
    }
    case Onset.hiss: {
      const hiss = filter(noise, FilterType.bandpass, 2700, 2);
      return shape(
        hiss,
        envelope(length, [
          [0, 0],
          [20, 0.7],
          [65, 0.55],
          [90, 0],
        ]),
      );
    }
    case Onset.nasal:
    case Onset.glide:
      return new Float32Array(length);
  }
}

/** One syllable: a buzzing glottis through three moving formant resonances, as a voice works. */
function syllableSound(syllable: Syllable, tense: boolean, random: () => number): Signal {
  const length = samplesFor(syllable.ms);
  const voiceAt = VOICE_AT[syllable.onset];
  const glottis = filter(
    saw(length, pitch(syllable, random)),
    FilterType.lowpass,
    tense ? 4200 : 1900,
  );
  const breath = filter(whiteNoise(length, random), FilterType.highpass, 1200);
  const source = mixInto(glottis, breath, 0, tense ? 0.04 : 0.1);
  const voicing = envelope(length, [
    [voiceAt, 0],
    [voiceAt + (tense ? 10 : 20), 1],
    [syllable.ms - 60, tense ? 0.95 : 0.8],
    [syllable.ms, 0],
  ]);
  shape(source, voicing);
  const gains = tense ? [1, 0.9, 0.6] : [1, 0.65, 0.3];
  const qs = [5, 11, 15];
  const vowel = new Float32Array(length);
  for (const n of [0, 1, 2] as const) {
    mixInto(vowel, filter(source, FilterType.bandpass, track(syllable, n), qs[n]), 0, gains[n]);
  }
  if (syllable.onset === Onset.nasal) {
    // A nasal: the mouth is closed, so only a low hum escapes before the vowel opens.
    const hum = filter(source, FilterType.lowpass, 320);
    shape(
      hum,
      envelope(length, [
        [0, 1],
        [45, 1],
        [70, 0],
      ]),
    );
    shape(
      vowel,
      envelope(length, [
        [30, 0],
        [60, 1],
      ]),
    );
    mixInto(vowel, hum, 0, 1.2);
  }
  mixInto(vowel, onsetSound(syllable, length, random), 0, tense ? 0.5 : 0.3);
  const heard = telephone(vowel); // the customer is on the phone
  return fadeEdges(normalize(heard, tense ? 1 : 0.75), 2, 5);
}

/** Eight gibberish syllables, one per sprite slot: the customer's voice without words. */
export function babble(): Signal {
  const random = seededRandom(0x42_61_62);
  const out = new Float32Array(samplesFor(SOUND_MS.babble));
  SYLLABLES.forEach((syllable, index) => {
    const tense = index >= BABBLE.soft;
    mixInto(out, syllableSound(syllable, tense, random), index * BABBLE.slotMs);
  });
  return out;
}

/** How many syllables the recipe renders (the layout's slot count must match). */
export const BABBLE_RECIPE_SYLLABLES = SYLLABLES.length;
