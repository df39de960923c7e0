import { describe, expect, it, vi } from 'vitest';
import { LOCALE_IDS } from '../../src/engine/index.ts';
import {
  Mood,
  babbleGapMs,
  babbleRate,
  moodOf,
  planBabble,
  tenseShare,
} from '../../src/audio/babble.ts';
import { CAPTION_GROUP, CAPTION_TEXT, CaptionName } from '../../src/audio/captions.ts';
import type { Caption } from '../../src/audio/captions.ts';
import { AudioDirector } from '../../src/audio/director.ts';
import {
  AMBIENCE,
  AMBIENCE_SPRITE,
  BABBLE,
  BABBLE_SYLLABLES,
  SOUND_MS,
  spritesOf,
  syllableSprite,
} from '../../src/audio/layout.ts';
import { DEFAULT_MIX, Mixer, clampVolume } from '../../src/audio/mixer.ts';
import type { Playback, PlayRequest, SoundPlayer, Timers } from '../../src/audio/player.ts';
import { seededRandom } from '../../src/audio/random.ts';
import { Channel, SOUNDS, SOUND_LEVEL, Sound } from '../../src/audio/sounds.ts';

/** One play the fake player saw, and what happened to it since. */
interface FakePlay {
  readonly sound: Sound;
  readonly request: PlayRequest;
  volume: number;
  stopped: number | null;
}

/** A player factory that records instead of playing. */
function fakePlayers() {
  const plays: FakePlay[] = [];
  const created: Sound[] = [];
  const createPlayer = (sound: Sound): SoundPlayer => {
    created.push(sound);
    return {
      play(request) {
        const play: FakePlay = { sound, request, volume: request.volume, stopped: null };
        plays.push(play);
        const playback: Playback = {
          setVolume: (volume) => {
            play.volume = volume;
          },
          stop: (fadeMs = 0) => {
            play.stopped = fadeMs;
          },
        };
        return playback;
      },
    };
  };
  return { plays, created, createPlayer };
}

/** Timers that run only when the test moves the clock. */
function fakeTimers() {
  let now = 0;
  let nextId = 0;
  const pending = new Map<number, { at: number; run: () => void }>();
  const timers: Timers = {
    setTimeout: (run, ms) => {
      pending.set(++nextId, { at: now + ms, run });
      return nextId;
    },
    clearTimeout: (handle) => {
      pending.delete(handle as number);
    },
  };
  const advance = (ms: number) => {
    const until = now + ms;
    for (;;) {
      const due = [...pending]
        .filter(([, timer]) => timer.at <= until)
        .sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      pending.delete(due[0]);
      now = due[1].at;
      due[1].run();
    }
    now = until;
  };
  return { timers, advance, pending };
}

function director() {
  const players = fakePlayers();
  const clock = fakeTimers();
  const audio = new AudioDirector({
    createPlayer: players.createPlayer,
    timers: clock.timers,
    random: seededRandom(42),
  });
  const captions: Caption[] = [];
  audio.onCaption((caption) => captions.push(caption));
  return { audio, captions, ...players, ...clock };
}

describe('the mixer', () => {
  it('multiplies each sound’s level by its channel volume, and mutes', () => {
    const mixer = new Mixer();
    expect(mixer.settings).toEqual(DEFAULT_MIX);
    mixer.setVolume(Channel.effects, 0.5);
    expect(mixer.gainOf(Sound.ring)).toBeCloseTo(SOUND_LEVEL.ring * 0.5);
    expect(mixer.gainOf(Sound.babble)).toBeCloseTo(SOUND_LEVEL.babble * DEFAULT_MIX.volumes.voice);
    mixer.setMuted(true);
    expect(SOUNDS.map((sound) => mixer.gainOf(sound))).toEqual(SOUNDS.map(() => 0));
    expect(mixer.volume(Channel.effects)).toBe(0.5); // mute keeps the slider where it was
    mixer.setMuted(false);
    expect(mixer.gainOf(Sound.ring)).toBeCloseTo(SOUND_LEVEL.ring * 0.5);
  });

  it('clamps volumes to 0–1 and treats nonsense as silence', () => {
    expect([clampVolume(-1), clampVolume(2), clampVolume(0.3), clampVolume(Number.NaN)]).toEqual([
      0, 1, 0.3, 0,
    ]);
    const mixer = new Mixer({ volumes: { voice: 3, effects: -2, ambience: 0.4 }, muted: false });
    expect(mixer.settings.volumes).toEqual({ voice: 1, effects: 0, ambience: 0.4 });
  });
});

describe('the babble plan', () => {
  it('rises in pitch and pace, shortens its pauses and tenses up with anger', () => {
    expect(babbleRate(0)).toBeLessThan(babbleRate(50));
    expect(babbleRate(50)).toBeLessThan(babbleRate(100));
    expect(babbleGapMs(100)).toBeLessThan(babbleGapMs(0));
    expect([tenseShare(0), tenseShare(100)]).toEqual([0, 1]);
    expect(babbleRate(-20)).toBe(babbleRate(0));
    expect(babbleRate(500)).toBe(babbleRate(100));
    expect([0, 24, 25, 49, 50, 74, 75, 100].map(moodOf)).toEqual([
      Mood.calm,
      Mood.calm,
      Mood.annoyed,
      Mood.annoyed,
      Mood.angry,
      Mood.angry,
      Mood.furious,
      Mood.furious,
    ]);
    const calm = planBabble(0, 3000, seededRandom(1));
    const furious = planBabble(100, 3000, seededRandom(1));
    expect(furious.length).toBeGreaterThan(calm.length * 1.5);
    expect(calm.every(({ syllable }) => syllable < BABBLE.soft)).toBe(true);
    expect(furious.every(({ syllable }) => syllable >= BABBLE.soft)).toBe(true);
  });

  it('fills the line, never repeats a syllable twice running, and repeats for a seed', () => {
    const plan = planBabble(60, 2500, seededRandom(9));
    expect(plan[0]?.atMs).toBe(0);
    expect(plan.every(({ atMs }) => atMs < 2500)).toBe(true);
    expect(plan.at(-1)?.atMs).toBeGreaterThan(2500 - 400);
    plan.slice(1).forEach(({ syllable }, i) => {
      expect(syllable).not.toBe(plan[i]?.syllable);
      expect(syllable).toBeLessThan(BABBLE_SYLLABLES);
    });
    // Phrases: now and then a longer breath between syllables.
    const gaps = plan.slice(1).map(({ atMs }, i) => atMs - (plan[i]?.atMs ?? 0));
    expect(Math.max(...gaps)).toBeGreaterThan(Math.min(...gaps) * 1.5);
    expect(planBabble(60, 2500, seededRandom(9))).toEqual(plan);
    expect(planBabble(60, 0, seededRandom(9))).toEqual([]);
    const low = planBabble(60, 1000, seededRandom(9), 0.8);
    expect(low[0]?.rate).toBeCloseTo(babbleRate(60) * 0.8);
  });
});

describe('the audio director', () => {
  it('plays a one-shot at its mixed volume, announces its caption and returns its length', () => {
    const { audio, captions, plays } = director();
    expect(audio.play(Sound.ring)).toBe(SOUND_MS.ring);
    expect(plays).toHaveLength(1);
    expect(plays[0]?.request).toEqual({ volume: audio.mixer.gainOf(Sound.ring) });
    expect(captions).toEqual([
      {
        sound: Sound.ring,
        channel: Channel.effects,
        captionKey: 'sound.ring',
        durationMs: SOUND_MS.ring,
        loop: false,
        audible: true,
      },
    ]);
  });

  it('moves every playing sound with the sliders and mute, at once', () => {
    const { audio, plays, advance } = director();
    audio.startAmbience();
    audio.play(Sound.sting);
    audio.mixer.setVolume(Channel.ambience, 0.25);
    expect(plays[0]?.volume).toBeCloseTo(SOUND_LEVEL.ambience * 0.25);
    expect(plays[1]?.volume).toBeCloseTo(audio.mixer.gainOf(Sound.sting));
    audio.mixer.setMuted(true);
    expect(plays.map((play) => play.volume)).toEqual([0, 0]);
    // A finished one-shot is forgotten; the loop keeps following the mixer.
    advance(SOUND_MS.sting + 1000);
    audio.mixer.setMuted(false);
    expect(plays[0]?.volume).toBeCloseTo(SOUND_LEVEL.ambience * 0.25);
    expect(plays[1]?.volume).toBe(0);
  });

  it('announces captions while muted, marked as not audible', () => {
    const { audio, captions } = director();
    audio.mixer.setMuted(true);
    audio.play(Sound.bad);
    audio.mixer.setMuted(false);
    audio.mixer.setVolume(Channel.effects, 0);
    audio.play(Sound.good);
    expect(captions.map(({ captionKey, audible }) => [captionKey, audible])).toEqual([
      ['sound.bad', false],
      ['sound.good', false],
    ]);
  });

  it('runs one ambience loop on its sprite, fading in and out', () => {
    const { audio, plays, captions } = director();
    audio.startAmbience();
    audio.startAmbience();
    expect(plays).toHaveLength(1);
    expect(plays[0]?.request.sprite).toBe(AMBIENCE_SPRITE);
    expect(plays[0]?.request.fadeInMs).toBeGreaterThan(0);
    expect(spritesOf(Sound.ambience)?.[AMBIENCE_SPRITE]).toEqual([
      AMBIENCE.padMs,
      AMBIENCE.loopMs,
      true,
    ]);
    expect(captions).toMatchObject([{ captionKey: 'sound.ambience', loop: true }]);
    expect(audio.ambienceRunning).toBe(true);
    audio.stopAmbience(300);
    expect(plays[0]?.stopped).toBe(300);
    expect(audio.ambienceRunning).toBe(false);
    audio.stopAmbience();
    audio.startAmbience();
    expect(plays).toHaveLength(2);
  });

  it('babbles a customer line syllable by syllable, captioned with the mood', () => {
    const { audio, plays, captions, advance } = director();
    audio.playBabble(90, 1500);
    expect(captions).toMatchObject([
      { sound: Sound.babble, captionKey: 'sound.babbleFurious', durationMs: 1500, audible: true },
    ]);
    expect(plays).toHaveLength(1); // the first syllable at once, the rest on timers
    advance(1500);
    expect(plays.length).toBeGreaterThan(8);
    for (const { request } of plays) {
      expect(request.rate).toBeCloseTo(babbleRate(90));
      expect(request.sprite).toMatch(/^syllable\d$/);
      expect(Number(request.sprite?.slice(-1))).toBeGreaterThanOrEqual(BABBLE.soft);
    }
    expect(spritesOf(Sound.babble)?.[syllableSprite(3)]).toEqual([
      3 * BABBLE.slotMs,
      BABBLE.regionMs,
    ]);
  });

  it('cuts a babble short: no more syllables, the one playing fades', () => {
    const { audio, plays, advance, pending } = director();
    audio.playBabble(10, 3000);
    advance(10);
    audio.stopBabble();
    expect(plays).toHaveLength(1);
    expect(plays[0]?.stopped).toBeGreaterThan(0);
    advance(5000);
    expect(plays).toHaveLength(1);
    // A new line replaces the old one rather than talking over it.
    audio.playBabble(10, 3000);
    audio.playBabble(40, 3000);
    expect(plays[1]?.stopped).not.toBeNull();
    audio.stopAll();
    expect(plays.every((play) => play.stopped !== null)).toBe(true);
    advance(10_000);
    expect(pending.size).toBe(0);
  });

  it('never throws without audio: the captions still come, marked not audible', () => {
    const captions: Caption[] = [];
    const broken = new AudioDirector({
      createPlayer: () => {
        throw new Error('no audio device');
      },
    });
    broken.onCaption((caption) => captions.push(caption));
    expect(() => {
      broken.preload();
      broken.play(Sound.click);
      broken.startAmbience();
      broken.playBabble(50, 0);
      broken.mixer.setVolume(Channel.voice, 0.2);
      broken.stopAll();
    }).not.toThrow();
    expect(captions.map((caption) => caption.audible)).toEqual([false, false, false]);

    const failing = new AudioDirector({
      createPlayer: () => ({
        play: () => {
          throw new Error('decode failed');
        },
      }),
    });
    expect(failing.play(Sound.good)).toBe(SOUND_MS.good);
  });

  it('keeps telling the other listeners when one caption listener breaks', () => {
    const { audio } = director();
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const heard: string[] = [];
    const stopBroken = audio.onCaption(() => {
      throw new Error('caption view broke');
    });
    audio.onCaption((caption) => heard.push(caption.captionKey));
    expect(() => audio.play(Sound.click)).not.toThrow();
    expect(heard).toEqual(['sound.click']);
    expect(error).toHaveBeenCalledOnce();
    stopBroken();
    audio.play(Sound.click);
    expect(error).toHaveBeenCalledOnce();
    error.mockRestore();
  });

  it('makes every player once when preloading', () => {
    const { audio, created } = director();
    audio.preload();
    audio.play(Sound.ring);
    expect(created).toEqual(SOUNDS);
  });
});

describe('the captions', () => {
  it('have a text in every locale for every caption the director can announce', () => {
    const { audio, captions } = director();
    audio.play(Sound.ring);
    audio.play(Sound.pickUp);
    audio.play(Sound.hangUp);
    audio.play(Sound.click);
    audio.play(Sound.good);
    audio.play(Sound.bad);
    audio.play(Sound.sting);
    audio.startAmbience();
    for (const anger of [0, 30, 60, 90]) audio.playBabble(anger, 100);
    const names = captions.map((caption) => caption.captionKey.slice(CAPTION_GROUP.length + 1));
    expect(names.toSorted()).toEqual(Object.values(CaptionName).toSorted());
    for (const locale of LOCALE_IDS) {
      for (const name of Object.values(CaptionName)) {
        expect(CAPTION_TEXT[locale][name]).toMatch(locale === 'en' ? /^\[.+\]$/ : /^【.+】$/);
      }
    }
  });
});

describe('the audio module in Node', () => {
  it('imports and plays without an audio device, announcing inaudible captions', async () => {
    const {
      audio,
      Sound: Sounds,
      unlock,
      preloadAudio,
      speak,
    } = await import('../../src/audio/index.ts');
    const captions: Caption[] = [];
    const stop = audio.onCaption((caption) => captions.push(caption));
    expect(() => {
      preloadAudio();
      unlock();
      audio.play(Sounds.ring);
      audio.startAmbience();
      audio.playBabble(70, 0);
      audio.stopAll();
    }).not.toThrow();
    expect(speak('Hello', 'en', 50)).toBe(false);
    expect(captions.map((caption) => caption.audible)).toEqual([false, false, false]);
    stop();
  });
});
