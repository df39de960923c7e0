/**
 * The game's sound: the only module that knows sound files, volumes and sprites. Scenes call
 * `audio.play(Sound.ring)`, `audio.playBabble(anger, ms)` and friends, and show the captions it
 * announces through `audio.onCaption`. Safe without audio (Node, no device): nothing throws.
 */
import type { LocaleId } from '../engine/index.ts';
import { AudioDirector } from './director.ts';
import { howlerPlayer, unlockHowler } from './howler-player.ts';
import { SOUND_LEVEL, Channel, Sound } from './sounds.ts';
import { loadSystemVoices, speakWithSystemVoice, stopSpeaking } from './speech.ts';

export { Sound, SOUNDS, Channel, CHANNELS } from './sounds.ts';
export { AudioDirector } from './director.ts';
export type { DirectorOptions, OneShotSound } from './director.ts';
export { CAPTION_GROUP, CAPTION_TEXT, CaptionName, captionKey } from './captions.ts';
export type { Caption, CaptionKey } from './captions.ts';
export { DEFAULT_MIX, Mixer } from './mixer.ts';
export type { MixSettings } from './mixer.ts';
export { Mood, moodOf } from './babble.ts';
export type { Playback, PlayerFactory, PlayRequest, SoundPlayer, Timers } from './player.ts';

/** The game's one audio director, playing through Howler. */
export const audio = new AudioDirector({ createPlayer: howlerPlayer });

/** Starts loading every sound (and the system's voice list) so nothing waits on first use. */
export function preloadAudio(): void {
  audio.preload();
  loadSystemVoices();
}

/**
 * Call from a user gesture (click, key) to let audio start under the browser's autoplay rules.
 * Howler also unlocks by itself on the first gesture; this never throws.
 */
export function unlock(): void {
  unlockHowler();
}

/**
 * Reads a customer's line aloud with the system's own voice for `locale`, higher and faster
 * with `anger` (0–100), at the voice channel's volume. Does nothing and returns false when the
 * system has no voice for the locale, speech is unsupported, or the voice channel is silent —
 * then play the babble instead.
 */
export function speak(text: string, locale: LocaleId, anger: number): boolean {
  const volume = audio.mixer.channelGain(Channel.voice) * SOUND_LEVEL[Sound.babble];
  return speakWithSystemVoice(text, locale, { anger, volume });
}

/** Stops reading aloud (the player moved on). */
export function stopSpeech(): void {
  stopSpeaking();
}
