import { families } from 'virtual:service-dojo/fonts';
import { Locale } from '../engine/index.ts';
import type { LocaleId } from '../engine/index.ts';

export const GAME_WIDTH = 1280;
export const GAME_HEIGHT = 720;

/** Colours as Phaser numbers and CSS strings; meters also carry an icon and a number, never colour alone. */
export interface Palette {
  background: number;
  panel: number;
  panelLight: number;
  accent: number;
  good: number;
  bad: number;
  text: string;
  muted: string;
  dark: string;
  accentCss: string;
}

const STANDARD: Readonly<Palette> = {
  background: 0x14213d,
  panel: 0x1f2f54,
  panelLight: 0x2b3f6b,
  accent: 0xfca311,
  good: 0x2a9d8f,
  bad: 0xe63946,
  text: '#f1f1f1',
  muted: '#a9b4c9',
  dark: '#14213d',
  accentCss: '#fca311',
};

/** High contrast: black ground, white text, saturated signals (WCAG AAA for the text). */
const HIGH_CONTRAST: Readonly<Palette> = {
  background: 0x000000,
  panel: 0x1a1a1a,
  panelLight: 0x3a3a3a,
  accent: 0xffd400,
  good: 0x00c853,
  bad: 0xff3b30,
  text: '#ffffff',
  muted: '#e0e0e0',
  dark: '#000000',
  accentCss: '#ffd400',
};

/** The palette in use; scenes read it when they draw, so a change shows on the next screen. */
export const Colour: Palette = { ...STANDARD };

export function applyContrast(high: boolean): void {
  Object.assign(Colour, high ? HIGH_CONTRAST : STANDARD);
}

/** Our self-hosted subsets first (every character the game shows), then system fonts. */
const FONT_STACK: Readonly<Record<LocaleId, string>> = {
  [Locale.en]: `"${families[Locale.en]}", "Noto Sans", "Segoe UI", Roboto, sans-serif`,
  [Locale.zhHans]: `"${families[Locale.zhHans]}", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif`,
  [Locale.zhHant]: `"${families[Locale.zhHant]}", "Noto Sans CJK TC", "PingFang TC", "Microsoft JhengHei", sans-serif`,
};

export function fontFor(locale: LocaleId): string {
  return FONT_STACK[locale];
}
