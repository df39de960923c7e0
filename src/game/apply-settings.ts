import type Phaser from 'phaser';
import { audio } from '../audio/index.ts';
import { VOLUME_CHANNELS } from '../storage/index.ts';
import type { Settings } from '../storage/index.ts';
import { RegistryKey } from './keys.ts';
import { applyContrast } from './theme.ts';

/** Makes settings take effect: the mixer, the palette, and the shared state the scenes read. */
export function applySettings(registry: Phaser.Data.DataManager, settings: Settings): void {
  registry.set(RegistryKey.timers, settings.timers);
  registry.set(RegistryKey.textSpeed, settings.textSpeed);
  registry.set(RegistryKey.reducedMotion, settings.reducedMotion);
  for (const channel of VOLUME_CHANNELS) audio.mixer.setVolume(channel, settings.volumes[channel]);
  audio.mixer.setMuted(settings.muted);
  applyContrast(settings.highContrast);
}
