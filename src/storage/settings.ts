import { LOCALE_IDS, Locale } from '../engine/index.ts';
import type { LocaleId } from '../engine/index.ts';

/** How fast the customer's lines are typed out. */
export const TextSpeed = {
  slow: 'slow',
  normal: 'normal',
  fast: 'fast',
  /** The whole line at once. */
  instant: 'instant',
} as const;
export type TextSpeed = (typeof TextSpeed)[keyof typeof TextSpeed];
export const TEXT_SPEEDS: readonly TextSpeed[] = Object.values(TextSpeed);

/** The audio channels with their own volume. */
export const VolumeChannel = {
  voice: 'voice',
  effects: 'effects',
  ambience: 'ambience',
} as const;
export type VolumeChannel = (typeof VolumeChannel)[keyof typeof VolumeChannel];
export const VOLUME_CHANNELS: readonly VolumeChannel[] = Object.values(VolumeChannel);

/** The player's settings. */
export interface Settings {
  readonly locale: LocaleId;
  /** 0–1 per channel. */
  readonly volumes: Readonly<Record<VolumeChannel, number>>;
  /** Silences every channel without losing the volumes. */
  readonly muted: boolean;
  readonly textSpeed: TextSpeed;
  /** Answer timers (the call sends silence when time runs out). */
  readonly timers: boolean;
  readonly highContrast: boolean;
  readonly reducedMotion: boolean;
}

/** The settings of a first visit; reduced motion follows the system's preference. */
export function defaultSettings(environment: { readonly prefersReducedMotion: boolean }): Settings {
  return {
    locale: Locale.en,
    // As src/audio/mixer.ts's DEFAULT_MIX: ambience under the voice, which the trainee must hear.
    volumes: { voice: 1, effects: 0.8, ambience: 0.6 },
    muted: false,
    textSpeed: TextSpeed.normal,
    timers: true,
    highContrast: false,
    reducedMotion: environment.prefersReducedMotion,
  };
}

type Fields = Readonly<Record<string, unknown>>;

const isObject = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function oneOf<T extends string>(allowed: readonly T[], value: unknown, fallback: T): T {
  return allowed.find((entry) => entry === value) ?? fallback;
}

const flag = (value: unknown, fallback: boolean): boolean =>
  typeof value === 'boolean' ? value : fallback;

/** A volume: a finite number clamped to 0–1, else the default. */
function volume(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value)
    ? Math.min(1, Math.max(0, value))
    : fallback;
}

/**
 * Settings from stored data that may be anything (old versions, hand edits, another app's key):
 * every field that is valid is kept, every missing or malformed one takes its default. Pure.
 */
export function parseSettings(value: unknown, defaults: Settings): Settings {
  const fields: Fields = isObject(value) ? value : {};
  const volumes: Fields = isObject(fields.volumes) ? fields.volumes : {};
  return {
    locale: oneOf(LOCALE_IDS, fields.locale, defaults.locale),
    volumes: {
      voice: volume(volumes.voice, defaults.volumes.voice),
      effects: volume(volumes.effects, defaults.volumes.effects),
      ambience: volume(volumes.ambience, defaults.volumes.ambience),
    },
    muted: flag(fields.muted, defaults.muted),
    textSpeed: oneOf(TEXT_SPEEDS, fields.textSpeed, defaults.textSpeed),
    timers: flag(fields.timers, defaults.timers),
    highContrast: flag(fields.highContrast, defaults.highContrast),
    reducedMotion: flag(fields.reducedMotion, defaults.reducedMotion),
  };
}
