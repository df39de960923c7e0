import { SOUND_MS } from '../../../audio/layout.ts';
import { seededRandom } from '../../../audio/random.ts';
import { envelope, pluck, shape } from '../synth/envelopes.ts';
import { FilterType, filter } from '../synth/filters.ts';
import { whiteNoise } from '../synth/noise.ts';
import { saw, sine, strike } from '../synth/oscillators.ts';
import type { Partial } from '../synth/oscillators.ts';
import { reverb } from '../synth/reverb.ts';
import { mixInto, samplesFor } from '../synth/signal.ts';
import type { Signal } from '../synth/signal.ts';

/** A soft, short UI click: a tick of bright noise over a tiny blip. */
export function click(): Signal {
  const random = seededRandom(0x43_6c_6b);
  const length = samplesFor(SOUND_MS.click);
  const tick = shape(
    filter(whiteNoise(length, random), FilterType.highpass, 2500),
    pluck(length, 0.2, 1.5),
  );
  const blip = shape(sine(length, 2200), pluck(length, 0.5, 6));
  const body = shape(sine(length, 620), pluck(length, 1, 10));
  return mixInto(mixInto(tick, blip, 0, 0.5), body, 0, 0.35);
}

/** A glass-like chime: mostly the fundamental, a little octave and twelfth. */
const CHIME: readonly Partial[] = [
  { ratio: 1, gain: 1, decayMs: 320 },
  { ratio: 2, gain: 0.22, decayMs: 180 },
  { ratio: 3, gain: 0.08, decayMs: 110 },
  { ratio: 4.2, gain: 0.04, decayMs: 70 },
];

function chimeNote(hz: number, length: number): Signal {
  return shape(
    strike(length, hz, CHIME),
    envelope(length, [
      [0, 0],
      [4, 1],
    ]),
  );
}

/** The customer calmed down: two rising chime notes (G5 → C6). */
export function good(): Signal {
  const out = new Float32Array(samplesFor(SOUND_MS.good));
  const length = samplesFor(520);
  mixInto(out, chimeNote(783.99, length), 0, 0.8);
  mixInto(out, chimeNote(1046.5, length), 110, 1);
  return reverb(out, 0.55, 0.2);
}

/** A dull buzzer note: two slightly detuned sawtooths through a closing low-pass. */
function buzz(hz: number, ms: number): Signal {
  const length = samplesFor(ms);
  const tone = mixInto(saw(length, hz), saw(length, hz * 1.004), 0, 0.8);
  const dull = filter(tone, FilterType.lowpass, (t) => 1400 - 1600 * t, 0.9);
  return shape(
    dull,
    envelope(length, [
      [0, 0],
      [8, 1],
      [ms - 60, 0.8],
      [ms, 0],
    ]),
  );
}

/** The customer got angrier: a falling "uh-oh" (E4 → B♭3), low and soft, heard often. */
export function bad(): Signal {
  const out = new Float32Array(samplesFor(SOUND_MS.bad));
  mixInto(out, buzz(329.63, 200), 0, 0.8);
  mixInto(out, buzz(233.08, 380), 220, 1);
  return out;
}
