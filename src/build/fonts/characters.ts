import { LOCALE_IDS, Locale, textFor } from '../../engine/index.ts';
import type { LocaleId, LocalizedText } from '../../engine/index.ts';

/**
 * The two slices of a locale's font: what the title screen draws (in the players' first download)
 * and what only a call or its debrief draws (fetched after the title is up).
 */
export const FontSlice = { title: 'title', calls: 'calls' } as const;
export type FontSliceId = (typeof FontSlice)[keyof typeof FontSlice];
export const FONT_SLICE_IDS: readonly FontSliceId[] = [FontSlice.title, FontSlice.calls];

/** Each slice's characters: unique, sorted by code point; `calls` never repeats a `title` one. */
export type LocaleCharacters = Readonly<Record<FontSliceId, string>>;
export type GameCharacters = Readonly<Record<LocaleId, LocaleCharacters>>;

/** Everything the game can show, as loaded data: any nesting of objects, arrays and strings. */
export interface GameText {
  /** The UI's own strings, one tree per locale (i18next falls back to `en`). */
  readonly messages: Readonly<Record<LocaleId, unknown>>;
  /** Shown on the title screen: tip names, the scenario catalogue, drills. */
  readonly title: readonly unknown[];
  /** Shown only in calls and debriefs: whole scenarios, step names, principles. */
  readonly calls: readonly unknown[];
}

/**
 * Always in the title slice: printable ASCII (numbers, keys, ids the game prints) and the
 * punctuation and symbols the scenes compose at run time (stars, ticks, arrows, separators).
 */
export const BASE_CHARACTERS =
  Array.from({ length: 0x7f - 0x20 }, (_, index) => String.fromCharCode(0x20 + index)).join('') +
  '·–—−…‘’“”←→↑↓★☆✓×÷±%°、。，；：？！「」『』（）【】《》〈〉～';

/**
 * Never subset: control characters, and emoji with their joiners and modifiers, which the
 * players' own emoji font draws (a CJK text font has no colour glyphs).
 */
const SKIPPED =
  /^(?:\p{Cc}|\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Regional_Indicator}|\p{Variation_Selector}|\u{200D}|\u{20E3})$/u;

function isLocalizedText(value: object): value is LocalizedText {
  const entries = Object.entries(value);
  return (
    entries.length > 0 &&
    entries.every(
      ([key, text]) => (LOCALE_IDS as readonly string[]).includes(key) && typeof text === 'string',
    )
  );
}

/** Adds every character `value` shows in `locale`: per-locale text through the engine's fallbacks. */
function addShown(value: unknown, locale: LocaleId, into: Set<string>): void {
  if (typeof value === 'string') {
    for (const character of value) into.add(character);
  } else if (Array.isArray(value)) {
    for (const item of value) addShown(item, locale, into);
  } else if (typeof value === 'object' && value !== null) {
    if (isLocalizedText(value)) addShown(textFor(value, locale), locale, into);
    else for (const item of Object.values(value)) addShown(item, locale, into);
  }
}

/** Sorted by code point, so the same text always gives the same subset. */
function sorted(characters: Iterable<string>): string {
  return [...characters]
    .filter((character) => !SKIPPED.test(character))
    .sort((a, b) => (a.codePointAt(0) ?? 0) - (b.codePointAt(0) ?? 0))
    .join('');
}

/** Every character each locale can show, split into the title slice and the calls slice. */
export function collectCharacters(text: GameText): GameCharacters {
  const forLocale = (locale: LocaleId): LocaleCharacters => {
    const title = new Set<string>(BASE_CHARACTERS);
    addShown([text.messages[locale], text.messages[Locale.en], text.title], locale, title);
    const calls = new Set<string>();
    addShown(text.calls, locale, calls);
    for (const character of title) calls.delete(character);
    return { title: sorted(title), calls: sorted(calls) };
  };
  return {
    [Locale.en]: forLocale(Locale.en),
    [Locale.zhHans]: forLocale(Locale.zhHans),
    [Locale.zhHant]: forLocale(Locale.zhHant),
  };
}
