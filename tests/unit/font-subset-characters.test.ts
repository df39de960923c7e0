import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  Locale,
  PRINCIPLES,
  STEP_NAMES,
  TIP_IDS,
  TIP_NAMES,
  deriveHant,
  textFor,
} from '../../src/engine/index.ts';
import type { LocaleId } from '../../src/engine/index.ts';
import { BASE_CHARACTERS, collectCharacters, FontSlice } from '../../src/build/fonts/characters.ts';
import type { GameCharacters, GameText } from '../../src/build/fonts/characters.ts';
import { loadGameText } from '../../src/build/fonts/game-text.ts';
import { unicodeRange } from '../../src/build/fonts/unicode-range.ts';
import { en, zhHans, zhHant } from '../../src/game/i18n/messages.ts';
import { ROOT } from '../support/fixtures.ts';

const SCENARIOS = path.join(ROOT, 'scenarios');
const ZH_HANS = 'zh-Hans';

/** Every character of a locale, both slices. */
const shown = (characters: GameCharacters, locale: LocaleId) =>
  new Set(characters[locale].title + characters[locale].calls);

/** The characters of `text` a font must draw (layout whitespace is not drawn). */
const drawn = (text: string) => Array.from(text.replace(/\s/g, ''));

/** Every `zh-Hans` string in a parsed YAML tree, found without the engine's loader. */
function simplifiedStrings(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(simplifiedStrings);
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([key, value]) =>
    key === ZH_HANS && typeof value === 'string' ? [value] : simplifiedStrings(value),
  );
}

describe('collectCharacters on made-up text', () => {
  const text: GameText = {
    messages: {
      [Locale.en]: { greet: 'Hi' },
      [Locale.zhHans]: { greet: '你好' },
      [Locale.zhHant]: { greet: '妳好' },
    },
    title: [{ en: 'Tea', [Locale.zhHans]: '茶' }],
    calls: [
      { line: { en: 'Cup', [Locale.zhHans]: '杯子', [Locale.zhHant]: '盃子' } },
      ['§plain 中 🙂\uFE0F\n'],
      '好茶',
    ],
  };
  const characters = collectCharacters(text);

  it('puts each locale its own text, Traditional falling back to Simplified', () => {
    expect(characters[Locale.zhHans].title).toContain('你');
    expect(characters[Locale.zhHant].title).toContain('妳');
    expect(characters[Locale.zhHant].title).not.toContain('你');
    expect(characters[Locale.zhHant].title).toContain('茶');
    expect(characters[Locale.zhHant].calls).toContain('盃');
    expect(characters[Locale.zhHans].calls).not.toContain('盃');
    expect(characters[Locale.en].calls).not.toContain('杯');
  });

  it('gives plain strings to every locale, without emoji or control characters', () => {
    for (const locale of [Locale.en, Locale.zhHans, Locale.zhHant]) {
      expect(characters[locale].calls).toContain('§');
      expect(characters[locale].calls).toContain('中');
      const all = characters[locale].title + characters[locale].calls;
      for (const skipped of ['🙂', '\uFE0F', '\n']) expect(all).not.toContain(skipped);
    }
  });

  it('keeps ASCII and punctuation in the title slice and never repeats it in calls', () => {
    for (const locale of [Locale.en, Locale.zhHans, Locale.zhHant]) {
      const { title, calls } = characters[locale];
      for (const character of BASE_CHARACTERS) expect(title).toContain(character);
      expect(Array.from(calls).filter((character) => title.includes(character))).toEqual([]);
    }
    expect(characters[Locale.zhHans].calls).not.toContain('好');
    expect(characters[Locale.en].calls).toContain('好');
  });

  it('lists each character once, sorted by code point', () => {
    for (const slice of [FontSlice.title, FontSlice.calls]) {
      const codes = Array.from(characters[Locale.zhHans][slice], (c) => c.codePointAt(0) ?? 0);
      expect(codes).toEqual([...new Set(codes)].sort((a, b) => a - b));
    }
  });
});

describe('collectCharacters on the shipped game', () => {
  let characters: GameCharacters;
  beforeAll(() => {
    characters = collectCharacters(loadGameText(SCENARIOS).text);
  });

  it('has every UI string of each locale in its title slice', () => {
    const messages = { [Locale.en]: en, [Locale.zhHans]: zhHans, [Locale.zhHant]: zhHant };
    for (const [locale, strings] of Object.entries(messages) as [LocaleId, typeof en][]) {
      const title = characters[locale].title;
      for (const value of [strings.title, strings.tagline, strings.chooseCall, strings.debrief])
        for (const character of drawn(value)) expect(title).toContain(character);
    }
    expect(characters[Locale.zhHant].title).toContain('場');
    expect(characters[Locale.zhHans].title).toContain('场');
  });

  it('has the tip names on the title, the step names and principles somewhere', () => {
    for (const locale of [Locale.zhHans, Locale.zhHant]) {
      const all = shown(characters, locale);
      for (const tip of TIP_IDS)
        for (const character of drawn(TIP_NAMES[tip][locale]))
          expect(characters[locale].title).toContain(character);
      for (const value of [
        STEP_NAMES.followUp[locale],
        PRINCIPLES.ventBalloon.text[locale],
        PRINCIPLES.smilingFace.text[locale],
      ])
        for (const character of drawn(textFor(value, locale)))
          expect(all.has(character)).toBe(true);
    }
  });

  it('has every character of a whole scenario, and of its derived Traditional text', () => {
    const yaml = readFileSync(path.join(SCENARIOS, 'charged-twice.yaml'), 'utf8');
    const lines = simplifiedStrings(parse(yaml));
    expect(lines.length).toBeGreaterThan(20);
    const hans = shown(characters, Locale.zhHans);
    const hant = shown(characters, Locale.zhHant);
    const missing = (set: Set<string>, text: string) =>
      drawn(text).filter((character) => !set.has(character));
    expect(lines.flatMap((line) => missing(hans, line))).toEqual([]);
    expect(lines.flatMap((line) => missing(hant, deriveHant(line)))).toEqual([]);
    expect(hant.has('顧')).toBe(true);
  });

  it('keeps the title slice to what the title screen shows', () => {
    // Dialogue-only characters wait for the calls slice; the title stays a fraction of the font.
    for (const locale of [Locale.zhHans, Locale.zhHant]) {
      expect(characters[locale].calls.length).toBeGreaterThan(characters[locale].title.length / 2);
    }
  });
});

describe('unicodeRange', () => {
  it('merges runs of consecutive code points', () => {
    expect(unicodeRange('CAB中')).toBe('U+41-43,U+4E2D');
    expect(unicodeRange('𠀀a')).toBe('U+61,U+20000');
    expect(unicodeRange('')).toBe('');
  });
});
