import { SAMPLE_RATE } from '../../../audio/layout.ts';
import type { Signal } from './signal.ts';
import { timeAt } from './signal.ts';

/** A fixed frequency in Hz, or one that changes with time (seconds from the start). */
export type Frequency = number | ((seconds: number) => number);

function hzAt(frequency: Frequency, index: number): number {
  return typeof frequency === 'number' ? frequency : frequency(timeAt(index));
}

/** Phase (0–1) of each sample, accumulated so frequency sweeps stay continuous. */
function phases(length: number, frequency: Frequency, start = 0): Float64Array {
  const out = new Float64Array(length);
  let phase = start;
  for (let i = 0; i < length; i++) {
    out[i] = phase;
    phase += hzAt(frequency, i) / SAMPLE_RATE;
    phase -= Math.floor(phase);
  }
  return out;
}

export function sine(length: number, frequency: Frequency, startPhase = 0): Signal {
  const phase = phases(length, frequency, startPhase);
  return Float32Array.from(phase, (p) => Math.sin(2 * Math.PI * p));
}

/** PolyBLEP correction: rounds the jump of a sawtooth or square so it does not alias. */
function blep(phase: number, step: number): number {
  if (phase < step) {
    const t = phase / step;
    return t + t - t * t - 1;
  }
  if (phase > 1 - step) {
    const t = (phase - 1) / step;
    return t * t + t + t + 1;
  }
  return 0;
}

/** A band-limited sawtooth: bright and buzzy, the raw material of voices and buzzers. */
export function saw(length: number, frequency: Frequency): Signal {
  const phase = phases(length, frequency);
  return Float32Array.from(phase, (p, i) => 2 * p - 1 - blep(p, hzAt(frequency, i) / SAMPLE_RATE));
}

/** A band-limited square wave. */
export function square(length: number, frequency: Frequency): Signal {
  const phase = phases(length, frequency);
  return Float32Array.from(phase, (p, i) => {
    const step = hzAt(frequency, i) / SAMPLE_RATE;
    const shifted = (p + 0.5) % 1;
    return (p < 0.5 ? 1 : -1) + blep(p, step) - blep(shifted, step);
  });
}

/** One partial of a struck or plucked tone. */
export interface Partial {
  readonly ratio: number;
  readonly gain: number;
  /** Time for the partial to fall to 1/e, in ms. */
  readonly decayMs: number;
}

/** A struck tone (bell, chime, mallet): decaying sines at the given ratios of `frequency`. */
export function strike(length: number, frequency: number, partials: readonly Partial[]): Signal {
  const out = new Float32Array(length);
  for (const partial of partials) {
    const hz = frequency * partial.ratio;
    if (hz >= SAMPLE_RATE / 2) continue;
    const decay = Math.exp(-1000 / (partial.decayMs * SAMPLE_RATE));
    let level = partial.gain;
    for (let i = 0; i < length; i++) {
      out[i] = (out[i] ?? 0) + level * Math.sin((2 * Math.PI * hz * i) / SAMPLE_RATE);
      level *= decay;
    }
  }
  return out;
}

/**
 * Two-operator FM (a Rhodes-like electric piano or a bell): a sine carrier whose phase is bent by
 * a modulator at `ratio × frequency`; `index` (per sample) sets how bright the tone is.
 */
export function fm(length: number, frequency: number, ratio: number, index: Signal): Signal {
  const out = new Float32Array(length);
  const carrier = (2 * Math.PI * frequency) / SAMPLE_RATE;
  const modulator = carrier * ratio;
  for (let i = 0; i < length; i++) {
    out[i] = Math.sin(carrier * i + (index[i] ?? 0) * Math.sin(modulator * i));
  }
  return out;
}
