import { AMBIENCE } from '../../../audio/layout.ts';
import { seededRandom } from '../../../audio/random.ts';
import { envelope, pluck, shape } from '../synth/envelopes.ts';
import { FilterType, filter } from '../synth/filters.ts';
import { brownNoise, pinkNoise, whiteNoise } from '../synth/noise.ts';
import { saw } from '../synth/oscillators.ts';
import { mixCircular, padPeriodic, seamless } from '../synth/loop.ts';
import { mixInto, removeDc, samplesFor, scale, timeAt } from '../synth/signal.ts';
import type { Signal } from '../synth/signal.ts';

const CROSSFADE_MS = 500;

/** A noise bed rendered long and folded into a seamless loop. */
function bed(length: number, render: (length: number) => Signal): Signal {
  const crossfade = samplesFor(CROSSFADE_MS);
  return seamless(render(length + crossfade), length, crossfade);
}

/** One key press on a distant keyboard: a bright tick and a dull thock. */
function keystroke(random: () => number): Signal {
  const length = samplesFor(40);
  const tick = filter(whiteNoise(length, random), FilterType.bandpass, 2500 + random() * 1500, 1.5);
  const thock = filter(whiteNoise(length, random), FilterType.bandpass, 180 + random() * 80, 3);
  return shape(mixInto(tick, thock, 0, 1.5), pluck(length, 0.3, 4 + random() * 3));
}

/** Bursts of typing across the loop: [start ms, keys]. */
const TYPING: readonly (readonly [startMs: number, keys: number])[] = [
  [500, 9],
  [2600, 4],
  [4100, 7],
];

/** A colleague talking two desks away: a voice-like buzz, muffled, in syllable-sized swells. */
function murmur(ms: number, random: () => number): Signal {
  const length = samplesFor(ms);
  const voice = saw(length, (t) => 120 + 12 * Math.sin((2 * Math.PI * 3 * t * 1000) / ms));
  const muffled = filter(filter(voice, FilterType.lowpass, 700), FilterType.bandpass, 480, 0.8);
  // Silent at both ends, so the murmur can sit anywhere in the loop, even across the seam.
  const swells: [number, number][] = [[0, 0]];
  for (let at = 300; at < ms - 300; at += 140 + random() * 160) {
    swells.push([at, random() < 0.25 ? 0 : 0.4 + random() * 0.6]);
  }
  swells.push([ms, 0]);
  return shape(muffled, envelope(length, swells));
}

/** Office room tone: air handling, a low rumble, distant typing and talk. Loops seamlessly. */
export function ambience(): Signal {
  const random = seededRandom(0x4f_66_66);
  const length = samplesFor(AMBIENCE.loopMs);
  const rumble = bed(length, (n) =>
    filter(removeDc(brownNoise(n, random)), FilterType.lowpass, 250),
  );
  const air = bed(length, (n) => filter(pinkNoise(n, random), FilterType.bandpass, 600, 0.5));
  const loop = mixInto(scale(rumble, 0.5), air, 0, 0.8);
  // The air's gentle swell: one whole cycle per loop.
  for (let i = 0; i < length; i++) {
    loop[i] =
      (loop[i] ?? 0) * (0.9 + 0.1 * Math.sin((2 * Math.PI * timeAt(i) * 1000) / AMBIENCE.loopMs));
  }
  for (const [startMs, keys] of TYPING) {
    let at = samplesFor(startMs);
    for (let key = 0; key < keys; key++) {
      mixCircular(
        loop,
        filter(keystroke(random), FilterType.lowpass, 5000),
        at,
        0.1 + random() * 0.08,
      );
      at += samplesFor(90 + random() * 110);
    }
  }
  const talk = murmur(AMBIENCE.loopMs, random);
  mixCircular(loop, talk, samplesFor(1200), 0.05);
  return padPeriodic(loop, samplesFor(AMBIENCE.padMs));
}
