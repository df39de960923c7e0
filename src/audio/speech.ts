import { Locale } from '../engine/index.ts';
import type { LocaleId } from '../engine/index.ts';
import { clampAnger } from './babble.ts';

/** The parts of a SpeechSynthesisVoice we look at. */
export interface VoiceInfo {
  readonly lang: string;
  readonly localService: boolean;
  readonly default: boolean;
}

/**
 * Voice languages for each locale, best first. Browsers write tags as `zh-CN`, `zh_CN` or
 * `cmn-Hans-CN`; Traditional Chinese prefers a Taiwanese voice, then a Hong Kong one.
 */
const VOICE_LANGS: Readonly<Record<LocaleId, readonly RegExp[]>> = {
  [Locale.en]: [/^en(?:[-_]|$)/i],
  [Locale.zhHans]: [/^(?:zh|cmn)[-_](?:Hans[-_])?(?:CN|SG)\b/i, /^(?:zh|cmn)[-_]Hans\b/i],
  [Locale.zhHant]: [
    /^(?:zh|cmn)[-_](?:Hant[-_])?TW\b/i,
    /^(?:zh|yue)[-_](?:Hant[-_])?(?:HK|MO)\b/i,
    /^(?:zh|cmn)[-_]Hant\b/i,
  ],
};

/**
 * The voice to read `locale` with, or undefined when the system has none: an on-device voice
 * before a network one, the system's default before the rest.
 */
export function pickVoice<V extends VoiceInfo>(
  voices: readonly V[],
  locale: LocaleId,
): V | undefined {
  for (const pattern of VOICE_LANGS[locale]) {
    const matching = voices.filter((voice) => pattern.test(voice.lang));
    const ranked = [...matching].sort(
      (a, b) =>
        Number(b.localService) - Number(a.localService) || Number(b.default) - Number(a.default),
    );
    if (ranked[0]) return ranked[0];
  }
  return undefined;
}

/** Pitch and rate for speech synthesis (1 = the voice's own): higher and quicker with anger. */
export function speechProsody(anger: number): { pitch: number; rate: number } {
  const share = clampAnger(anger) / 100;
  return { pitch: 1 + 0.35 * share, rate: 1 + 0.25 * share };
}

/**
 * Reads `text` aloud with the browser's speech synthesis, if it has a voice for `locale`,
 * replacing anything still being read. Returns whether it speaks; never throws.
 */
export function speakWithSystemVoice(
  text: string,
  locale: LocaleId,
  options: { anger: number; volume: number },
): boolean {
  try {
    if (typeof speechSynthesis === 'undefined' || typeof SpeechSynthesisUtterance === 'undefined') {
      return false;
    }
    const voice = pickVoice(speechSynthesis.getVoices(), locale);
    if (!voice || options.volume <= 0) return false;
    const utterance = new SpeechSynthesisUtterance(text);
    const { pitch, rate } = speechProsody(options.anger);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.pitch = pitch;
    utterance.rate = rate;
    utterance.volume = Math.max(0, Math.min(1, options.volume));
    speechSynthesis.cancel();
    speechSynthesis.speak(utterance);
    return true;
  } catch {
    return false;
  }
}

/** Asks for the voice list early: some browsers load it only on the first request. */
export function loadSystemVoices(): void {
  try {
    if (typeof speechSynthesis !== 'undefined') speechSynthesis.getVoices();
  } catch {
    // No speech synthesis: speaking will simply do nothing.
  }
}

/** Stops any speech in progress. */
export function stopSpeaking(): void {
  try {
    if (typeof speechSynthesis !== 'undefined') speechSynthesis.cancel();
  } catch {
    // Nothing to stop.
  }
}
