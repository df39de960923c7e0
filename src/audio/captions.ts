import { Locale } from '../engine/index.ts';
import type { LocaleId } from '../engine/index.ts';
import type { Channel, Sound } from './sounds.ts';

/** The i18next namespace key under which the caption texts are registered. */
export const CAPTION_GROUP = 'sound';

/** One caption per sound; the babble has one per mood, so its caption says how the customer sounds. */
export const CaptionName = {
  ring: 'ring',
  pickUp: 'pickUp',
  hangUp: 'hangUp',
  click: 'click',
  good: 'good',
  bad: 'bad',
  ambience: 'ambience',
  sting: 'sting',
  babbleCalm: 'babbleCalm',
  babbleAnnoyed: 'babbleAnnoyed',
  babbleAngry: 'babbleAngry',
  babbleFurious: 'babbleFurious',
} as const;
export type CaptionName = (typeof CaptionName)[keyof typeof CaptionName];

/** A caption's i18next key, e.g. `sound.ring`. */
export type CaptionKey = `${typeof CAPTION_GROUP}.${CaptionName}`;

export function captionKey(name: CaptionName): CaptionKey {
  return `${CAPTION_GROUP}.${name}`;
}

/** What the module announces each time it plays a sound, sound on or off. */
export interface Caption {
  readonly sound: Sound;
  readonly channel: Channel;
  /** Stable i18next key: `t(caption.captionKey)` gives the text. */
  readonly captionKey: CaptionKey;
  /** How long the sound lasts (for a loop: one pass; it goes on until stopped). */
  readonly durationMs: number;
  readonly loop: boolean;
  /** False when muted, at volume 0, or with no audio device: the caption is all there is. */
  readonly audible: boolean;
}

/** Caption texts in the three locales, for the UI's i18next resources under `sound`. */
export const CAPTION_TEXT: Readonly<Record<LocaleId, Readonly<Record<CaptionName, string>>>> = {
  [Locale.en]: {
    ring: '[Phone rings]',
    pickUp: '[Phone picked up]',
    hangUp: '[Call disconnected]',
    click: '[Click]',
    good: '[Pleasant chime]',
    bad: '[Warning tone]',
    ambience: '[Office background noise]',
    sting: '[Debrief jingle]',
    babbleCalm: '[Customer speaks calmly]',
    babbleAnnoyed: '[Customer sounds annoyed]',
    babbleAngry: '[Customer speaks angrily]',
    babbleFurious: '[Customer shouts furiously]',
  },
  [Locale.zhHans]: {
    ring: '【电话铃响】',
    pickUp: '【接起电话】',
    hangUp: '【通话已挂断】',
    click: '【点击声】',
    good: '【愉快的提示音】',
    bad: '【警示音】',
    ambience: '【办公室背景声】',
    sting: '【总结提示音】',
    babbleCalm: '【客户语气平静】',
    babbleAnnoyed: '【客户语气不耐烦】',
    babbleAngry: '【客户生气地说】',
    babbleFurious: '【客户愤怒地喊叫】',
  },
  [Locale.zhHant]: {
    ring: '【電話鈴響】',
    pickUp: '【接起電話】',
    hangUp: '【通話已掛斷】',
    click: '【點擊聲】',
    good: '【愉快的提示音】',
    bad: '【警示音】',
    ambience: '【辦公室背景聲】',
    sting: '【總結提示音】',
    babbleCalm: '【客戶語氣平靜】',
    babbleAnnoyed: '【客戶語氣不耐煩】',
    babbleAngry: '【客戶生氣地說】',
    babbleFurious: '【客戶憤怒地喊叫】',
  },
};
