import { SOUND_MS } from '../../../audio/layout.ts';
import { envelope, pluck, shape } from '../synth/envelopes.ts';
import { fm, sine } from '../synth/oscillators.ts';
import { reverb } from '../synth/reverb.ts';
import { mixInto, samplesFor } from '../synth/signal.ts';
import type { Signal } from '../synth/signal.ts';

/** C major: the arpeggio climbs C5 E5 G5 C6, then the chord holds. */
const ARPEGGIO = [523.25, 659.26, 783.99, 1046.5];
const NOTE_GAP_MS = 90;

/** An electric-piano note: FM whose brightness fades faster than its loudness. */
function pianoNote(hz: number, ms: number): Signal {
  const length = samplesFor(ms);
  const brightness = Float32Array.from(pluck(length, 1, 180), (level) => 0.3 + 1.8 * level);
  return shape(fm(length, hz, 1, brightness), pluck(length, 2, ms / 3));
}

/** A soft held chord under the arpeggio's last note. */
function pad(ms: number): Signal {
  const length = samplesFor(ms);
  const chord = new Float32Array(length);
  for (const hz of ARPEGGIO.slice(0, 3)) {
    mixInto(chord, sine(length, hz), 0, 0.3);
    mixInto(chord, sine(length, hz * 2), 0, 0.06);
  }
  return shape(
    chord,
    envelope(length, [
      [0, 0],
      [120, 1],
      [ms * 0.5, 0.7],
      [ms, 0],
    ]),
  );
}

/** The debrief's sting: a quick rising arpeggio settling on a chord, in a small room. */
export function sting(): Signal {
  const out = new Float32Array(samplesFor(SOUND_MS.sting));
  ARPEGGIO.forEach((hz, index) => {
    mixInto(out, pianoNote(hz, 1200), index * NOTE_GAP_MS, 0.55);
  });
  mixInto(out, pad(1500), ARPEGGIO.length * NOTE_GAP_MS - 60, 0.6);
  return reverb(out, 0.78, 0.3);
}
