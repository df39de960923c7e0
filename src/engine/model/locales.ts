/** Locales the game speaks. Simplified Chinese is written by us; Traditional is derived at build time. */
export const LOCALE_IDS = ['en', 'zh-Hans', 'zh-Hant'] as const;

export type LocaleId = (typeof LOCALE_IDS)[number];

export const Locale = {
  en: 'en',
  zhHans: 'zh-Hans',
  zhHant: 'zh-Hant',
} as const satisfies Record<string, LocaleId>;

/** Text after loading: one string per locale the scenario provides (derived ones included). */
export type LocalizedText = Readonly<Partial<Record<LocaleId, string>>>;

/** Any text field: one string for all locales, or one per locale. */
export type Text = string | LocalizedText;

/**
 * Picks the text for a locale, falling back to Traditional → Simplified, then English, then any.
 *
 * @example
 * textFor({ en: 'Hello', 'zh-Hans': '你好' }, 'zh-Hant') // '你好' when no zh-Hant was derived
 */
export function textFor(text: Text, locale: LocaleId): string {
  if (typeof text === 'string') return text;
  const direct = text[locale];
  if (direct !== undefined) return direct;
  const fallbacks: readonly LocaleId[] =
    locale === Locale.zhHant
      ? [Locale.zhHans, Locale.en]
      : [Locale.en, Locale.zhHans, Locale.zhHant];
  for (const candidate of fallbacks) {
    const value = text[candidate];
    if (value !== undefined) return value;
  }
  return '';
}
