import type { Sound } from './sounds.ts';

/** What to play from a sound file. */
export interface PlayRequest {
  /** A sprite region of the file (layout.ts), or the whole file. */
  readonly sprite?: string;
  /** 0–1. */
  readonly volume: number;
  /** Playback rate: pitch and pace together (1 = as recorded). */
  readonly rate?: number;
  /** Rises from silence over this long (ms) instead of starting at full volume. */
  readonly fadeInMs?: number;
}

/** One sound playing. */
export interface Playback {
  setVolume(volume: number): void;
  /** Stops now, or fades out over `fadeMs` and then stops. */
  stop(fadeMs?: number): void;
}

/** Plays one sound file; `play` gives null when audio is unavailable, and never throws. */
export interface SoundPlayer {
  play(request: PlayRequest): Playback | null;
}

/** Makes the player of each sound (Howler in the browser, a fake in tests). */
export type PlayerFactory = (sound: Sound) => SoundPlayer;

/** Timers, injectable so tests control time. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => {
    globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>);
  },
};

/** A player for when there is no audio at all: plays nothing, so captions still flow. */
export const silentPlayer: SoundPlayer = { play: () => null };
