import { Howl, Howler } from 'howler';
import { SOUND_URLS } from './assets.ts';
import { AUDIO_FORMATS, spritesOf } from './layout.ts';
import type { Playback, PlayRequest, SoundPlayer } from './player.ts';
import type { Sound } from './sounds.ts';

/** Howler's sprite map type wants mutable tuples; ours are read-only data. */
type HowlSprites = Record<string, [number, number] | [number, number, boolean]>;

function spriteMap(sound: Sound): HowlSprites | undefined {
  const sprites = spritesOf(sound);
  if (!sprites) return undefined;
  const out: HowlSprites = {};
  for (const [name, [start, length, loop]] of Object.entries(sprites)) {
    out[name] = loop === undefined ? [start, length] : [start, length, loop];
  }
  return out;
}

/**
 * A sound file played through Howler (Web Audio, or HTML5 audio where that is missing). The
 * formats are named explicitly: Howler would otherwise guess from the URL, and Vite's hashed or
 * inlined URLs do not always end in the extension.
 */
export function howlerPlayer(sound: Sound): SoundPlayer {
  const urls = SOUND_URLS[sound];
  const sprite = spriteMap(sound);
  const howl = new Howl({
    src: AUDIO_FORMATS.map((format) => urls[format]),
    format: [...AUDIO_FORMATS],
    preload: true,
    ...(sprite ? { sprite } : {}),
  });
  return {
    play(request: PlayRequest): Playback | null {
      if (Howler.noAudio) return null; // no Web Audio and no <audio>: nothing will be heard
      // Before the file has loaded or audio is unlocked, Howler queues the play and its settings.
      const id = request.sprite === undefined ? howl.play() : howl.play(request.sprite);
      let volume = request.volume;
      howl.volume(request.fadeInMs ? 0 : volume, id);
      if (request.rate !== undefined) howl.rate(request.rate, id);
      if (request.fadeInMs) howl.fade(0, volume, request.fadeInMs, id);
      return {
        setVolume(next: number) {
          volume = next;
          howl.volume(next, id);
        },
        stop(fadeMs?: number) {
          if (!fadeMs) {
            howl.stop(id);
            return;
          }
          howl.once('fade', () => howl.stop(id), id);
          howl.fade(volume, 0, fadeMs, id);
        },
      };
    },
  };
}

/**
 * Resumes the audio context from inside a user gesture (click, key, touch). Howler also does
 * this by itself on the first gesture; calling it is harmless and never throws.
 */
export function unlockHowler(): void {
  try {
    const context = (Howler as { ctx?: AudioContext | null }).ctx;
    if (context?.state === 'suspended') void context.resume().catch(() => undefined);
  } catch {
    // No audio on this machine: there is nothing to unlock.
  }
}
