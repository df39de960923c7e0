import { SOUND_MS } from '../../../audio/layout.ts';
import { seededRandom } from '../../../audio/random.ts';
import { envelope, pluck, shape } from '../synth/envelopes.ts';
import { FilterType, filter, telephone } from '../synth/filters.ts';
import { pinkNoise, whiteNoise } from '../synth/noise.ts';
import { sine } from '../synth/oscillators.ts';
import { mixInto, samplesFor } from '../synth/signal.ts';
import type { Signal } from '../synth/signal.ts';

/** A hard plastic tick: a few ms of noise ringing at the part's resonance. */
function clack(random: () => number, hz: number, decayMs: number): Signal {
  const length = samplesFor(decayMs * 6);
  return shape(
    filter(whiteNoise(length, random), FilterType.bandpass, hz, 2),
    pluck(length, 0.3, decayMs),
  );
}

/** The handset landing on (or leaving) the cradle: a falling low thump. */
function thump(random: () => number, fromHz: number, decayMs: number): Signal {
  const length = samplesFor(decayMs * 6);
  const body = sine(length, (t) => fromHz * Math.exp(-t * 8));
  const knock = filter(whiteNoise(length, random), FilterType.lowpass, 900);
  return shape(mixInto(body, knock, 0, 0.5), pluck(length, 1, decayMs));
}

/** Lifting the handset: the hook switch clicks, the handset knocks, the line opens with a hiss. */
export function pickUp(): Signal {
  const random = seededRandom(0x50_69_63);
  const length = samplesFor(SOUND_MS.pickUp);
  const out = new Float32Array(length);
  mixInto(out, clack(random, 2600, 3), 0, 0.8);
  mixInto(out, thump(random, 160, 35), 30, 0.7);
  mixInto(out, clack(random, 1500, 4), 38, 0.5);
  const line = shape(
    telephone(pinkNoise(length, random)),
    envelope(length, [
      [90, 0],
      [140, 0.12],
      [SOUND_MS.pickUp, 0],
    ]),
  );
  return mixInto(out, line);
}

/** The disconnect tone: short beeps at 425 Hz with a little line distortion. */
function disconnectBeep(): Signal {
  const length = samplesFor(200);
  const tone = mixInto(sine(length, 425), sine(length, 850), 0, 0.12);
  return shape(
    telephone(tone),
    envelope(length, [
      [0, 0],
      [6, 1],
      [194, 1],
      [200, 0],
    ]),
  );
}

/** Slamming the handset down, then the line's "tu-tu-tu". */
export function hangUp(): Signal {
  const random = seededRandom(0x48_61_6e);
  const out = new Float32Array(samplesFor(SOUND_MS.hangUp));
  mixInto(out, thump(random, 120, 60), 0, 1);
  mixInto(out, clack(random, 1800, 5), 8, 0.7);
  mixInto(out, clack(random, 2300, 3), 60, 0.3); // the cradle's rattle
  const beep = disconnectBeep();
  for (const at of [250, 600, 950]) mixInto(out, beep, at, 0.45);
  return out;
}
