import { CHANNELS, SOUND_CHANNEL, SOUND_LEVEL } from './sounds.ts';
import type { Channel, Sound } from './sounds.ts';

/** Channel volumes (0–1) and mute. */
export interface MixSettings {
  readonly volumes: Readonly<Record<Channel, number>>;
  readonly muted: boolean;
}

export const DEFAULT_MIX: MixSettings = {
  volumes: { voice: 1, effects: 0.8, ambience: 0.6 },
  muted: false,
};

/** A volume from outside (a slider, saved settings): clamped to 0–1, nonsense counts as 0. */
export function clampVolume(volume: number): number {
  return Number.isFinite(volume) ? Math.max(0, Math.min(1, volume)) : 0;
}

/**
 * The three channel volumes and mute, and the loudness each sound gets from them: the sound's
 * own level × its channel's volume, or 0 when muted. Listeners hear every change, so sounds
 * already playing follow a slider at once.
 */
export class Mixer {
  private readonly volumes: Record<Channel, number>;
  private muted: boolean;
  private readonly listeners = new Set<() => void>();

  constructor(initial: MixSettings = DEFAULT_MIX) {
    this.volumes = { ...DEFAULT_MIX.volumes };
    for (const channel of CHANNELS) this.volumes[channel] = clampVolume(initial.volumes[channel]);
    this.muted = initial.muted;
  }

  get settings(): MixSettings {
    return { volumes: { ...this.volumes }, muted: this.muted };
  }

  volume(channel: Channel): number {
    return this.volumes[channel];
  }

  setVolume(channel: Channel, volume: number): void {
    this.volumes[channel] = clampVolume(volume);
    this.changed();
  }

  get isMuted(): boolean {
    return this.muted;
  }

  setMuted(muted: boolean): void {
    this.muted = muted;
    this.changed();
  }

  /** The channel's volume as heard: 0 when muted. */
  channelGain(channel: Channel): number {
    return this.muted ? 0 : this.volumes[channel];
  }

  /** The volume to play `sound` at now. */
  gainOf(sound: Sound): number {
    return SOUND_LEVEL[sound] * this.channelGain(SOUND_CHANNEL[sound]);
  }

  /** Calls `listener` after every change; returns a function that stops it. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
