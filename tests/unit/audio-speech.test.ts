import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  pickVoice,
  speakWithSystemVoice,
  speechProsody,
  stopSpeaking,
} from '../../src/audio/speech.ts';
import type { VoiceInfo } from '../../src/audio/speech.ts';

interface Voice extends VoiceInfo {
  readonly name: string;
}

function voice(name: string, lang: string, localService = true, isDefault = false): Voice {
  return { name, lang, localService, default: isDefault };
}

const VOICES: readonly Voice[] = [
  voice('Daniel', 'en-GB', true),
  voice('Google US', 'en-US', false, true),
  voice('Tingting', 'zh-CN', true),
  voice('Google 粤語', 'zh-HK', false),
  voice('Meijia', 'zh_TW', true),
  voice('Thomas', 'fr-FR', true),
];

describe('picking a system voice', () => {
  it('matches each locale, preferring on-device voices and Taiwan for Traditional', () => {
    expect(pickVoice(VOICES, 'en')?.name).toBe('Daniel');
    expect(pickVoice(VOICES, 'zh-Hans')?.name).toBe('Tingting');
    expect(pickVoice(VOICES, 'zh-Hant')?.name).toBe('Meijia');
    const noTaiwan = VOICES.filter((v) => v.name !== 'Meijia');
    expect(pickVoice(noTaiwan, 'zh-Hant')?.name).toBe('Google 粤語');
  });

  it('finds nothing rather than a wrong language', () => {
    const french = [voice('Thomas', 'fr-FR'), voice('Eng-ish', 'eng')];
    expect(pickVoice(french, 'en')).toBeUndefined();
    expect(pickVoice([voice('Tingting', 'zh-CN')], 'zh-Hant')).toBeUndefined();
    expect(pickVoice([voice('Meijia', 'zh-TW')], 'zh-Hans')).toBeUndefined();
    expect(pickVoice([voice('Script', 'cmn-Hans-CN')], 'zh-Hans')?.name).toBe('Script');
    expect(pickVoice<Voice>([], 'en')).toBeUndefined();
  });

  it('speaks higher and faster with anger', () => {
    expect(speechProsody(0)).toEqual({ pitch: 1, rate: 1 });
    expect(speechProsody(100).pitch).toBeGreaterThan(speechProsody(50).pitch);
    expect(speechProsody(100).rate).toBeGreaterThan(1);
    expect(speechProsody(1000)).toEqual(speechProsody(100));
  });
});

describe('speaking', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  function stubSpeech(voices: readonly Voice[]) {
    const spoken: Record<string, unknown>[] = [];
    const synth = {
      getVoices: () => voices,
      speak: vi.fn((utterance: Record<string, unknown>) => spoken.push(utterance)),
      cancel: vi.fn(),
    };
    vi.stubGlobal('speechSynthesis', synth);
    vi.stubGlobal(
      'SpeechSynthesisUtterance',
      class {
        text: string;
        constructor(text: string) {
          this.text = text;
        }
      },
    );
    return { synth, spoken };
  }

  it('does nothing without speech synthesis', () => {
    expect(speakWithSystemVoice('Hi', 'en', { anger: 0, volume: 1 })).toBe(false);
    expect(() => {
      stopSpeaking();
    }).not.toThrow();
  });

  it('reads with the locale’s voice, pitched by anger, replacing what was being read', () => {
    const { synth, spoken } = stubSpeech(VOICES);
    expect(speakWithSystemVoice('我要退款！', 'zh-Hans', { anger: 100, volume: 0.5 })).toBe(true);
    expect(synth.cancel).toHaveBeenCalledOnce();
    expect(spoken).toMatchObject([
      {
        text: '我要退款！',
        lang: 'zh-CN',
        voice: { name: 'Tingting' },
        volume: 0.5,
        ...speechProsody(100),
      },
    ]);
  });

  it('stays silent when the system has no voice for the locale or the volume is 0', () => {
    const { synth } = stubSpeech([voice('Thomas', 'fr-FR')]);
    expect(speakWithSystemVoice('Hello', 'en', { anger: 0, volume: 1 })).toBe(false);
    stubSpeech(VOICES);
    expect(speakWithSystemVoice('Hello', 'en', { anger: 0, volume: 0 })).toBe(false);
    expect(synth.speak).not.toHaveBeenCalled();
  });
});
