import type { Signal } from './signal.ts';

/**
 * Makes a seamless loop of `length` samples from a render of `length + crossfade` samples: the
 * extra tail is faded (equal power, for uncorrelated noise) into the head, so the last sample
 * flows into the first exactly as the render flowed on.
 */
export function seamless(render: Signal, length: number, crossfade: number): Signal {
  const out = render.slice(0, length);
  for (let i = 0; i < crossfade; i++) {
    const angle = (Math.PI / 2) * (i / crossfade);
    out[i] = (render[i] ?? 0) * Math.sin(angle) + (render[length + i] ?? 0) * Math.cos(angle);
  }
  return out;
}

/** Adds `source × gain` into the loop from `at` (samples) on, wrapping past the end. */
export function mixCircular(loop: Signal, source: Signal, at: number, gain = 1): Signal {
  for (let i = 0; i < source.length; i++) {
    const index = (at + i) % loop.length;
    loop[index] = (loop[index] ?? 0) + (source[i] ?? 0) * gain;
  }
  return loop;
}

/** The loop with `pad` samples of its own tail before it and of its head after it. */
export function padPeriodic(loop: Signal, pad: number): Signal {
  const out = new Float32Array(loop.length + 2 * pad);
  out.set(loop.subarray(loop.length - pad), 0);
  out.set(loop, pad);
  out.set(loop.subarray(0, pad), pad + loop.length);
  return out;
}
