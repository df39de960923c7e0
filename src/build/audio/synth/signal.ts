import { SAMPLE_RATE } from '../../../audio/layout.ts';

/** Mono audio at SAMPLE_RATE, nominally within ±1. */
export type Signal = Float32Array;

/** Samples in `ms` milliseconds. */
export function samplesFor(ms: number): number {
  return Math.round((ms * SAMPLE_RATE) / 1000);
}

/** Seconds at sample `index`. */
export function timeAt(index: number): number {
  return index / SAMPLE_RATE;
}

export function silence(ms: number): Signal {
  return new Float32Array(samplesFor(ms));
}

/** Adds `source × gain` into `target` from `atMs` on, cutting what runs past the end; returns target. */
export function mixInto(target: Signal, source: Signal, atMs = 0, gain = 1): Signal {
  const start = samplesFor(atMs);
  const end = Math.min(target.length, start + source.length);
  for (let i = Math.max(0, start); i < end; i++)
    target[i] = (target[i] ?? 0) + (source[i - start] ?? 0) * gain;
  return target;
}

/** Multiplies in place; returns the signal. */
export function scale(signal: Signal, gain: number): Signal {
  for (let i = 0; i < signal.length; i++) signal[i] = (signal[i] ?? 0) * gain;
  return signal;
}

export function peakOf(signal: Signal): number {
  let peak = 0;
  for (const value of signal) peak = Math.max(peak, Math.abs(value));
  return peak;
}

export function rmsOf(signal: Signal): number {
  let sum = 0;
  for (const value of signal) sum += value * value;
  return signal.length === 0 ? 0 : Math.sqrt(sum / signal.length);
}

/** Scales in place so the loudest sample is `peak` (a silent signal stays silent). */
export function normalize(signal: Signal, peak: number): Signal {
  const current = peakOf(signal);
  return current === 0 ? signal : scale(signal, peak / current);
}

/** Short linear fades in place, so a sound never starts or stops with a click. */
export function fadeEdges(signal: Signal, inMs: number, outMs: number): Signal {
  const fadeIn = Math.min(signal.length, samplesFor(inMs));
  const fadeOut = Math.min(signal.length, samplesFor(outMs));
  for (let i = 0; i < fadeIn; i++) signal[i] = (signal[i] ?? 0) * (i / fadeIn);
  for (let i = 0; i < fadeOut; i++) {
    const index = signal.length - 1 - i;
    signal[index] = (signal[index] ?? 0) * (i / fadeOut);
  }
  return signal;
}

/** Removes the average (a DC offset wastes headroom and thumps at the start). */
export function removeDc(signal: Signal): Signal {
  let sum = 0;
  for (const value of signal) sum += value;
  const mean = signal.length === 0 ? 0 : sum / signal.length;
  for (let i = 0; i < signal.length; i++) signal[i] = (signal[i] ?? 0) - mean;
  return signal;
}
