import { SAMPLE_RATE } from '../../../audio/layout.ts';
import type { Frequency } from './oscillators.ts';
import type { Signal } from './signal.ts';
import { timeAt } from './signal.ts';

/** The biquad shapes the recipes use (Robert Bristow-Johnson's audio EQ cookbook). */
export const FilterType = {
  lowpass: 'lowpass',
  highpass: 'highpass',
  bandpass: 'bandpass',
} as const;
export type FilterType = (typeof FilterType)[keyof typeof FilterType];

interface Coefficients {
  readonly b0: number;
  readonly b1: number;
  readonly b2: number;
  readonly a1: number;
  readonly a2: number;
}

function coefficients(type: FilterType, hz: number, q: number): Coefficients {
  const w = (2 * Math.PI * Math.min(hz, SAMPLE_RATE * 0.45)) / SAMPLE_RATE;
  const alpha = Math.sin(w) / (2 * q);
  const cos = Math.cos(w);
  const a0 = 1 + alpha;
  const [b0, b1, b2] =
    type === FilterType.lowpass
      ? [(1 - cos) / 2, 1 - cos, (1 - cos) / 2]
      : type === FilterType.highpass
        ? [(1 + cos) / 2, -(1 + cos), (1 + cos) / 2]
        : [alpha, 0, -alpha]; // band-pass with 0 dB peak gain
  return { b0: b0 / a0, b1: b1 / a0, b2: b2 / a0, a1: (-2 * cos) / a0, a2: (1 - alpha) / a0 };
}

/** Coefficients are recomputed this often (samples) when the cutoff moves: smooth and cheap. */
const SWEEP_STEP = 32;

/**
 * Filters `signal` into a new signal. The cutoff may move with time (a formant glide, a sweep).
 * `q` 0.707 is the flattest low- or high-pass; larger is more resonant, and narrower for band-pass.
 */
export function filter(signal: Signal, type: FilterType, hz: Frequency, q = Math.SQRT1_2): Signal {
  const out = new Float32Array(signal.length);
  let c = coefficients(type, typeof hz === 'number' ? hz : hz(0), q);
  let x1 = 0;
  let x2 = 0;
  let y1 = 0;
  let y2 = 0;
  for (let i = 0; i < signal.length; i++) {
    if (typeof hz !== 'number' && i % SWEEP_STEP === 0) c = coefficients(type, hz(timeAt(i)), q);
    const x = signal[i] ?? 0;
    const y = c.b0 * x + c.b1 * x1 + c.b2 * x2 - c.a1 * y1 - c.a2 * y2;
    x2 = x1;
    x1 = x;
    y2 = y1;
    y1 = y;
    out[i] = y;
  }
  return out;
}

/** The telephone band (300–3400 Hz): what a voice sounds like through a handset. */
export function telephone(signal: Signal): Signal {
  return filter(filter(signal, FilterType.highpass, 300), FilterType.lowpass, 3400);
}
