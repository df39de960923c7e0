import { SOUND_MS } from '../../../audio/layout.ts';
import { seededRandom } from '../../../audio/random.ts';
import { strike } from '../synth/oscillators.ts';
import type { Partial } from '../synth/oscillators.ts';
import { reverb } from '../synth/reverb.ts';
import { mixInto, samplesFor } from '../synth/signal.ts';
import type { Signal } from '../synth/signal.ts';

/** A small steel bell's inharmonic partials: what makes it a bell and not a beep. */
const BELL: readonly Partial[] = [
  { ratio: 1, gain: 1, decayMs: 380 },
  { ratio: 2.32, gain: 0.55, decayMs: 240 },
  { ratio: 4.25, gain: 0.3, decayMs: 140 },
  { ratio: 6.63, gain: 0.15, decayMs: 80 },
];

/** The clapper hits the two bells alternately, one strike every 25 ms. */
const STRIKE_MS = 25;
/** The double ring of a desk phone: two bursts of 400 ms. */
const BURSTS: readonly (readonly [startMs: number, endMs: number])[] = [
  [0, 400],
  [600, 1000],
];

/** A desk telephone's double ring: a clapper rattling between two bells. */
export function ring(): Signal {
  const random = seededRandom(0x41_6e_67);
  const out = new Float32Array(samplesFor(SOUND_MS.ring));
  const bellLow = strike(samplesFor(600), 960, BELL);
  const bellHigh = strike(samplesFor(600), 1190, BELL);
  for (const [start, end] of BURSTS) {
    for (let at = start, hit = 0; at < end; at += STRIKE_MS, hit++) {
      const bell = hit % 2 === 0 ? bellLow : bellHigh;
      // The clapper never hits twice the same: a little spread keeps it from sounding synthetic.
      mixInto(out, bell, at + random() * 3, 0.25 + random() * 0.1);
    }
  }
  return reverb(out, 0.6, 0.15);
}
