import { SAMPLE_RATE } from '../../../audio/layout.ts';
import type { Signal } from './signal.ts';

/** Freeverb's comb and all-pass delays (at 44.1 kHz), scaled to our rate. */
const COMBS = [1116, 1188, 1277, 1356, 1422, 1491];
const ALLPASSES = [556, 441, 341];

function delay(samples44k: number): number {
  return Math.round((samples44k * SAMPLE_RATE) / 44_100);
}

/**
 * A small Schroeder reverb: parallel damped combs into series all-passes. `feedback` (0–1) sets
 * the tail's length; `wet` how much of it is mixed in. Returns a new signal of the same length.
 */
export function reverb(signal: Signal, feedback: number, wet: number): Signal {
  const tail = new Float32Array(signal.length);
  for (const comb of COMBS) {
    const size = delay(comb);
    const buffer = new Float32Array(size);
    let filtered = 0;
    for (let i = 0; i < signal.length; i++) {
      const slot = i % size;
      const out = buffer[slot] ?? 0;
      filtered = out * 0.7 + filtered * 0.3; // damping: highs die first, as in a room
      buffer[slot] = (signal[i] ?? 0) + filtered * feedback;
      tail[i] = (tail[i] ?? 0) + out / COMBS.length;
    }
  }
  for (const allpass of ALLPASSES) {
    const size = delay(allpass);
    const buffer = new Float32Array(size);
    for (let i = 0; i < tail.length; i++) {
      const slot = i % size;
      const delayed = buffer[slot] ?? 0;
      const input = tail[i] ?? 0;
      buffer[slot] = input + delayed * 0.5;
      tail[i] = delayed - input;
    }
  }
  return Float32Array.from(signal, (dry, i) => dry + (tail[i] ?? 0) * wet);
}
