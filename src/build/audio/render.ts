import { SOUND_MS } from '../../audio/layout.ts';
import type { Sound } from '../../audio/sounds.ts';
import { RECIPES } from './recipes/index.ts';
import { fadeEdges, normalize, samplesFor } from './synth/signal.ts';
import type { Signal } from './synth/signal.ts';

/**
 * Every file peaks here (−2 dBFS): loud enough for the codecs' resolution, with headroom for the
 * small overshoots lossy decoding adds. Relative loudness is the player's mix (SOUND_LEVEL).
 */
export const PEAK = 0.8;

/** The finished sound: its recipe cut or padded to the layout's length and normalised. */
export function renderSound(sound: Sound): Signal {
  const raw = RECIPES[sound]();
  const out = new Float32Array(samplesFor(SOUND_MS[sound]));
  out.set(raw.subarray(0, out.length));
  return fadeEdges(normalize(out, PEAK), 1, 4);
}
