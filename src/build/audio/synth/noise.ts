import type { Signal } from './signal.ts';

/** White noise from a seeded generator, in ±1. */
export function whiteNoise(length: number, random: () => number): Signal {
  return Float32Array.from({ length }, () => random() * 2 - 1);
}

/** Pink noise (−3 dB per octave, Paul Kellet's filter): softer and more natural than white. */
export function pinkNoise(length: number, random: () => number): Signal {
  const out = new Float32Array(length);
  let b0 = 0;
  let b1 = 0;
  let b2 = 0;
  for (let i = 0; i < length; i++) {
    const white = random() * 2 - 1;
    b0 = 0.99765 * b0 + white * 0.099046;
    b1 = 0.963 * b1 + white * 0.2965164;
    b2 = 0.57 * b2 + white * 1.0526913;
    out[i] = (b0 + b1 + b2 + white * 0.1848) * 0.25;
  }
  return out;
}

/** Brown noise (−6 dB per octave): a leaky sum of white noise, a low rumble. */
export function brownNoise(length: number, random: () => number): Signal {
  const out = new Float32Array(length);
  let level = 0;
  for (let i = 0; i < length; i++) {
    level = level * 0.995 + (random() * 2 - 1) * 0.06;
    out[i] = level;
  }
  return out;
}
