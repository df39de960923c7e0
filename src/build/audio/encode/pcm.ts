import type { Signal } from '../synth/signal.ts';

/** 16-bit PCM, the encoders' input: clamped to ±1 and rounded (no dither, so it is reproducible). */
export function toInt16(signal: Signal): Int16Array {
  return Int16Array.from(signal, (value) => Math.round(Math.max(-1, Math.min(1, value)) * 32767));
}

/** `samples` padded with zeros to `length`. */
export function padTo(samples: Int16Array, length: number): Int16Array {
  const out = new Int16Array(Math.max(length, samples.length));
  out.set(samples);
  return out;
}
