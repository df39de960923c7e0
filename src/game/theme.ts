import { families } from 'virtual:service-dojo/fonts';
import { Locale } from '../engine/index.ts';
import type { LocaleId } from '../engine/index.ts';

export const GAME_WIDTH = 1280;
export const GAME_HEIGHT = 720;

/** Colours as Phaser numbers and CSS strings; meters also carry an icon and a number, never colour alone. */
export const Colour = {
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
} as const;

/** Our self-hosted subsets first (every character the game shows), then system fonts. */
const FONT_STACK: Readonly<Record<LocaleId, string>> = {
  [Locale.en]: `"${families[Locale.en]}", "Noto Sans", "Segoe UI", Roboto, sans-serif`,
  [Locale.zhHans]: `"${families[Locale.zhHans]}", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif`,
  [Locale.zhHant]: `"${families[Locale.zhHant]}", "Noto Sans CJK TC", "PingFang TC", "Microsoft JhengHei", sans-serif`,
};

export function fontFor(locale: LocaleId): string {
  return FONT_STACK[locale];
}
