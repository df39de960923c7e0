import { MOOD_CAPTION, moodOf, planBabble } from './babble.ts';
import { CaptionName, captionKey } from './captions.ts';
import type { Caption } from './captions.ts';
import { AMBIENCE_SPRITE, playedMs, syllableSprite } from './layout.ts';
import { Mixer } from './mixer.ts';
import type { MixSettings } from './mixer.ts';
import { realTimers, silentPlayer } from './player.ts';
import type { Playback, PlayerFactory, PlayRequest, SoundPlayer, Timers } from './player.ts';
import { seededRandom } from './random.ts';
import { SOUNDS, SOUND_CHANNEL, Sound } from './sounds.ts';

/** Sounds played once with `play`; the ambience and the babble have their own methods. */
export type OneShotSound = Exclude<Sound, typeof Sound.ambience | typeof Sound.babble>;

const SOUND_CAPTION: Readonly<Record<OneShotSound, CaptionName>> = {
  ring: CaptionName.ring,
  pickUp: CaptionName.pickUp,
  hangUp: CaptionName.hangUp,
  click: CaptionName.click,
  good: CaptionName.good,
  bad: CaptionName.bad,
  sting: CaptionName.sting,
};

const AMBIENCE_FADE_IN_MS = 800;
const AMBIENCE_FADE_OUT_MS = 600;
/** A babble cut short (the player skipped ahead) fades this fast, so it never clicks. */
const BABBLE_FADE_OUT_MS = 40;
/** A finished sound is forgotten this long after its nominal end (Howler's end can lag). */
const FORGET_AFTER_MS = 250;

export interface DirectorOptions {
  readonly createPlayer: PlayerFactory;
  readonly timers?: Timers;
  /** Picks babble syllables; seeded by default so a session sounds the same every time. */
  readonly random?: () => number;
  readonly mix?: MixSettings;
}

interface Active {
  readonly sound: Sound;
  readonly playback: Playback;
}

/**
 * What the game hears: plays sounds at the mixer's volumes, keeps playing sounds in step with
 * volume changes, runs the ambience loop and the customer's babble, and announces a caption for
 * every sound it plays. Knows nothing of Howler (the player factory does), and never throws
 * because audio is missing.
 */
export class AudioDirector {
  readonly mixer: Mixer;
  private readonly createPlayer: PlayerFactory;
  private readonly timers: Timers;
  private readonly random: () => number;
  private readonly players = new Map<Sound, SoundPlayer>();
  private readonly active = new Set<Active>();
  private readonly captionListeners = new Set<(caption: Caption) => void>();
  private ambience: Active | null = null;
  private babble: { timers: unknown[]; playing: Set<Active> } | null = null;

  constructor(options: DirectorOptions) {
    this.createPlayer = options.createPlayer;
    this.timers = options.timers ?? realTimers;
    this.random = options.random ?? seededRandom(0x5d0);
    this.mixer = new Mixer(options.mix);
    this.mixer.onChange(() => {
      for (const { sound, playback } of this.active) playback.setVolume(this.mixer.gainOf(sound));
    });
  }

  /** Makes every sound's player now, so the first play does not wait for a download. */
  preload(): void {
    for (const sound of SOUNDS) this.playerOf(sound);
  }

  /** Plays a sound once; returns how long it lasts (ms), e.g. to start the next thing after it. */
  play(sound: OneShotSound): number {
    const durationMs = playedMs(sound);
    const active = this.start(sound, { volume: this.mixer.gainOf(sound) });
    if (active) this.forgetLater(active, durationMs);
    this.announce(sound, SOUND_CAPTION[sound], durationMs, false, active !== null);
    return durationMs;
  }

  /** Starts the office ambience loop (fading in); does nothing if it is already running. */
  startAmbience(): void {
    if (this.ambience) return;
    this.ambience = this.start(Sound.ambience, {
      sprite: AMBIENCE_SPRITE,
      volume: this.mixer.gainOf(Sound.ambience),
      fadeInMs: AMBIENCE_FADE_IN_MS,
    });
    this.announce(
      Sound.ambience,
      CaptionName.ambience,
      playedMs(Sound.ambience),
      true,
      this.ambience !== null,
    );
  }

  stopAmbience(fadeMs = AMBIENCE_FADE_OUT_MS): void {
    if (!this.ambience) return;
    this.stopPlayback(this.ambience, fadeMs);
    this.ambience = null;
  }

  get ambienceRunning(): boolean {
    return this.ambience !== null;
  }

  /**
   * The customer's voice without words under a line of `durationMs`: higher, faster and tenser
   * as `anger` (0–100) rises. `pitch` (1 = neutral) gives a customer a lower or higher voice.
   * Replaces any babble still going.
   */
  playBabble(anger: number, durationMs: number, pitch = 1): void {
    this.stopBabble();
    const plan = planBabble(anger, durationMs, this.random, pitch);
    const babble = { timers: [] as unknown[], playing: new Set<Active>() };
    this.babble = babble;
    let audible = false;
    for (const { atMs, syllable, rate } of plan) {
      const say = () => {
        const active = this.start(Sound.babble, {
          sprite: syllableSprite(syllable),
          volume: this.mixer.gainOf(Sound.babble),
          rate,
        });
        if (!active) return false;
        babble.playing.add(active);
        this.forgetLater(active, playedMs(Sound.babble) / rate, babble.playing);
        return true;
      };
      if (atMs === 0) audible = say();
      else babble.timers.push(this.timers.setTimeout(say, atMs));
    }
    this.announce(
      Sound.babble,
      MOOD_CAPTION[moodOf(anger)],
      Math.max(0, durationMs),
      false,
      audible,
    );
  }

  /** Cuts the babble short (the player moved on before the line was done). */
  stopBabble(): void {
    if (!this.babble) return;
    for (const handle of this.babble.timers) this.timers.clearTimeout(handle);
    for (const active of this.babble.playing) this.stopPlayback(active, BABBLE_FADE_OUT_MS);
    this.babble = null;
  }

  /** Silences everything (leaving a scene, the game hidden). */
  stopAll(fadeMs = 0): void {
    this.stopBabble();
    this.ambience = null;
    for (const active of [...this.active]) this.stopPlayback(active, fadeMs);
  }

  /** Calls `listener` with a caption for every sound played; returns a function that stops it. */
  onCaption(listener: (caption: Caption) => void): () => void {
    this.captionListeners.add(listener);
    return () => {
      this.captionListeners.delete(listener);
    };
  }

  private playerOf(sound: Sound): SoundPlayer {
    let player = this.players.get(sound);
    if (!player) {
      try {
        player = this.createPlayer(sound);
      } catch {
        player = silentPlayer; // no audio here: captions go on without sound
      }
      this.players.set(sound, player);
    }
    return player;
  }

  private start(sound: Sound, request: PlayRequest): Active | null {
    let playback: Playback | null;
    try {
      playback = this.playerOf(sound).play(request);
    } catch {
      playback = null;
    }
    if (!playback) return null;
    const active = { sound, playback };
    this.active.add(active);
    return active;
  }

  private forgetLater(active: Active, ms: number, alsoFrom?: Set<Active>): void {
    this.timers.setTimeout(() => {
      this.active.delete(active);
      alsoFrom?.delete(active);
    }, ms + FORGET_AFTER_MS);
  }

  private stopPlayback(active: Active, fadeMs: number): void {
    this.active.delete(active);
    try {
      active.playback.stop(fadeMs);
    } catch {
      // Stopping a sound that failed is not worth failing the game over.
    }
  }

  private announce(
    sound: Sound,
    name: CaptionName,
    durationMs: number,
    loop: boolean,
    started: boolean,
  ): void {
    const caption: Caption = {
      sound,
      channel: SOUND_CHANNEL[sound],
      captionKey: captionKey(name),
      durationMs,
      loop,
      audible: started && this.mixer.gainOf(sound) > 0,
    };
    for (const listener of this.captionListeners) {
      try {
        listener(caption);
      } catch (error) {
        // A broken caption view must not stop the sound, the other listeners or the call.
        console.error(error);
      }
    }
  }
}
