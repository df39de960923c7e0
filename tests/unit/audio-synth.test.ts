import { describe, expect, it } from 'vitest';
import {
  AMBIENCE,
  BABBLE,
  BABBLE_SYLLABLES,
  SAMPLE_RATE,
  SOUND_MS,
} from '../../src/audio/layout.ts';
import { seededRandom } from '../../src/audio/random.ts';
import { SOUNDS, Sound } from '../../src/audio/sounds.ts';
import { BABBLE_RECIPE_SYLLABLES } from '../../src/build/audio/recipes/babble.ts';
import { PEAK, renderSound } from '../../src/build/audio/render.ts';
import { envelope, pluck } from '../../src/build/audio/synth/envelopes.ts';
import { FilterType, filter } from '../../src/build/audio/synth/filters.ts';
import { mixCircular, padPeriodic, seamless } from '../../src/build/audio/synth/loop.ts';
import { pinkNoise, whiteNoise } from '../../src/build/audio/synth/noise.ts';
import { saw, sine, square } from '../../src/build/audio/synth/oscillators.ts';
import { reverb } from '../../src/build/audio/synth/reverb.ts';
import { peakOf, rmsOf, samplesFor } from '../../src/build/audio/synth/signal.ts';
import type { Signal } from '../../src/build/audio/synth/signal.ts';

/** Rises through zero: counts cycles of a tone. */
function upwardCrossings(signal: Signal): number {
  let count = 0;
  for (let i = 1; i < signal.length; i++) {
    if ((signal[i - 1] ?? 0) < 0 && (signal[i] ?? 0) >= 0) count++;
  }
  return count;
}

/** Level in dB of `signal` relative to `reference`. */
function gainDb(signal: Signal, reference: Signal): number {
  return 20 * Math.log10(rmsOf(signal) / rmsOf(reference));
}

describe('synthesis helpers', () => {
  it('seeded noise repeats exactly for a seed and differs between seeds', () => {
    const a = whiteNoise(1000, seededRandom(7));
    expect(whiteNoise(1000, seededRandom(7))).toEqual(a);
    expect(whiteNoise(1000, seededRandom(8))).not.toEqual(a);
    expect(peakOf(a)).toBeLessThanOrEqual(1);
    expect(rmsOf(a)).toBeGreaterThan(0.5); // uniform in ±1: RMS 0.577
    const random = seededRandom(1);
    for (let i = 0; i < 1000; i++) expect(random()).toSatisfy((x: number) => x >= 0 && x < 1);
  });

  it('oscillators play the frequency asked for, including a sweep', () => {
    const second = SAMPLE_RATE;
    expect(upwardCrossings(sine(second, 440))).toBeCloseTo(440, -1);
    expect(upwardCrossings(saw(second, 220).map((x) => -x))).toBeCloseTo(220, -1);
    expect(upwardCrossings(square(second, 100))).toBeCloseTo(100, -1);
    // 100 → 300 Hz linearly over a second: 200 cycles.
    expect(upwardCrossings(sine(second, (t) => 100 + 200 * t))).toBeCloseTo(200, -1);
    expect(peakOf(saw(second, 220))).toBeLessThan(1.3); // PolyBLEP keeps the overshoot small
  });

  it('filters pass their band and cut the rest', () => {
    const low = sine(SAMPLE_RATE, 200);
    const high = sine(SAMPLE_RATE, 8000);
    expect(gainDb(filter(low, FilterType.lowpass, 1000), low)).toBeGreaterThan(-1);
    expect(gainDb(filter(high, FilterType.lowpass, 1000), high)).toBeLessThan(-24);
    expect(gainDb(filter(low, FilterType.highpass, 2000), low)).toBeLessThan(-24);
    const centre = sine(SAMPLE_RATE, 1000);
    expect(gainDb(filter(centre, FilterType.bandpass, 1000, 5), centre)).toBeGreaterThan(-1);
    expect(gainDb(filter(low, FilterType.bandpass, 1000, 5), low)).toBeLessThan(-12);
  });

  it('envelopes follow their breakpoints', () => {
    const ramp = envelope(samplesFor(100), [
      [0, 0],
      [50, 1],
      [100, 0.5],
    ]);
    expect(ramp[0]).toBe(0);
    expect(ramp[samplesFor(25)]).toBeCloseTo(0.5, 3);
    expect(ramp[samplesFor(50)]).toBeCloseTo(1, 3);
    expect(ramp[samplesFor(75)]).toBeCloseTo(0.75, 3);
    const decay = pluck(samplesFor(200), 0, 50);
    expect(decay[samplesFor(50)]).toBeCloseTo(Math.exp(-1), 2);
  });

  it('a seamless loop flows from its last sample into its first', () => {
    const length = samplesFor(500);
    const render = filter(
      pinkNoise(length + samplesFor(100), seededRandom(3)),
      FilterType.lowpass,
      500,
    );
    const loop = seamless(render, length, samplesFor(100));
    const steps = loop.slice(1).map((value, i) => Math.abs(value - (loop[i] ?? 0)));
    const seamStep = Math.abs((loop[0] ?? 0) - (loop[length - 1] ?? 0));
    expect(seamStep).toBeLessThanOrEqual(Math.max(...steps));
    const wrapped = mixCircular(new Float32Array(10), Float32Array.of(1, 2, 3), 8);
    expect([...wrapped]).toEqual([3, 0, 0, 0, 0, 0, 0, 0, 1, 2]);
    const padded = padPeriodic(Float32Array.of(1, 2, 3, 4), 2);
    expect([...padded]).toEqual([3, 4, 1, 2, 3, 4, 1, 2]);
  });

  it('the reverb adds a tail after the sound', () => {
    const dry = new Float32Array(samplesFor(500));
    dry[0] = 1;
    const wet = reverb(dry, 0.7, 0.5);
    expect(rmsOf(wet.subarray(samplesFor(100)))).toBeGreaterThan(0.001);
    expect(wet[0]).toBe(1);
  });
});

describe('the sounds', () => {
  const rendered = new Map(SOUNDS.map((sound) => [sound, renderSound(sound)]));

  it.each(SOUNDS)('%s is deterministic, the layout’s length, loud, and never clips', (sound) => {
    const signal = rendered.get(sound) ?? new Float32Array();
    expect(renderSound(sound)).toEqual(signal);
    expect(signal.length).toBe(samplesFor(SOUND_MS[sound]));
    expect(signal.every(Number.isFinite)).toBe(true);
    expect(peakOf(signal)).toBeCloseTo(PEAK, 5);
    expect(peakOf(signal)).toBeLessThanOrEqual(1);
    expect(rmsOf(signal)).toBeGreaterThan(0.02);
  });

  it('the ambience loop region joins seamlessly and the padding copies it', () => {
    const signal = rendered.get(Sound.ambience) ?? new Float32Array();
    const pad = samplesFor(AMBIENCE.padMs);
    const loop = signal.subarray(pad, pad + samplesFor(AMBIENCE.loopMs));
    // Around the seam the loop continues into its own start exactly as the file does.
    expect([...signal.subarray(pad + loop.length, pad + loop.length + 100)]).toEqual([
      ...loop.subarray(0, 100),
    ]);
    // (The file's first and last milliseconds are faded; the player never reaches them.)
    expect([...signal.subarray(100, 200)]).toEqual([
      ...loop.subarray(loop.length - pad + 100, loop.length - pad + 200),
    ]);
    const steps = loop.slice(1).map((value, i) => Math.abs(value - (loop[i] ?? 0)));
    const typical = steps.reduce((sum, step) => sum + step, 0) / steps.length;
    expect(Math.abs((loop[0] ?? 0) - (loop[loop.length - 1] ?? 0))).toBeLessThan(typical * 8);
    // Each half of the loop has sound in it: no dead stretch to give the loop away.
    expect(rmsOf(loop.subarray(0, loop.length / 2))).toBeGreaterThan(0.05);
    expect(rmsOf(loop.subarray(loop.length / 2))).toBeGreaterThan(0.05);
  });

  it('each babble syllable sits inside its sprite slot, with silence after it', () => {
    expect(BABBLE_RECIPE_SYLLABLES).toBe(BABBLE_SYLLABLES);
    const signal = rendered.get(Sound.babble) ?? new Float32Array();
    const levels = Array.from({ length: BABBLE_SYLLABLES }, (_, index) => {
      const start = samplesFor(index * BABBLE.slotMs);
      const voiced = signal.subarray(start, start + samplesFor(BABBLE.syllableMs));
      const after = signal.subarray(
        start + samplesFor(BABBLE.syllableMs),
        start + samplesFor(BABBLE.slotMs),
      );
      expect(peakOf(after)).toBe(0);
      expect(rmsOf(voiced)).toBeGreaterThan(0.05);
      return rmsOf(voiced);
    });
    const soft = levels.slice(0, BABBLE.soft);
    const tense = levels.slice(BABBLE.soft);
    // Tense syllables are the louder, pressed ones the player picks for an angry customer.
    expect(tense.reduce((a, b) => a + b) / tense.length).toBeGreaterThan(
      soft.reduce((a, b) => a + b) / soft.length,
    );
  });
});
