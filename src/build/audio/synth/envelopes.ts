import type { Signal } from './signal.ts';
import { samplesFor } from './signal.ts';

/** A breakpoint: time in ms and level. */
export type Breakpoint = readonly [ms: number, level: number];

/**
 * A piecewise-linear envelope through the breakpoints (sorted by time); before the first and
 * after the last it holds their levels.
 */
export function envelope(length: number, points: readonly Breakpoint[]): Signal {
  const out = new Float32Array(length);
  const marks = points.map(([ms, level]) => [samplesFor(ms), level] as const);
  let segment = 0;
  for (let i = 0; i < length; i++) {
    while (segment < marks.length - 1 && i >= (marks[segment + 1]?.[0] ?? length)) segment++;
    const [start, from] = marks[segment] ?? [0, 0];
    const next = marks[segment + 1];
    out[i] = next && i > start ? from + ((next[1] - from) * (i - start)) / (next[0] - start) : from;
  }
  return out;
}

/** A linear attack then an exponential decay (1/e after `decayMs`): a struck or plucked shape. */
export function pluck(length: number, attackMs: number, decayMs: number): Signal {
  const attack = Math.max(1, samplesFor(attackMs));
  const decay = Math.exp(-1 / Math.max(1, samplesFor(decayMs)));
  const out = new Float32Array(length);
  let level = 1;
  for (let i = 0; i < length; i++) {
    if (i < attack) out[i] = i / attack;
    else {
      out[i] = level;
      level *= decay;
    }
  }
  return out;
}

/** Multiplies `signal` by `shape` sample by sample, in place; returns the signal. */
export function shape(signal: Signal, by: Signal): Signal {
  for (let i = 0; i < signal.length; i++) signal[i] = (signal[i] ?? 0) * (by[i] ?? 0);
  return signal;
}
