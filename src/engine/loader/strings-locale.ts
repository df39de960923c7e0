import { LOCALE_IDS, Locale } from '../model/locales.ts';
import type { LocaleId } from '../model/locales.ts';

/** Tags translation tools write for our locales (CAT tools often use regions, not scripts). */
const ALIASES: Readonly<Record<string, LocaleId>> = {
  'zh-cn': Locale.zhHans,
  'zh-sg': Locale.zhHans,
  'zh-hans-cn': Locale.zhHans,
  'zh-tw': Locale.zhHant,
  'zh-hk': Locale.zhHant,
  'zh-mo': Locale.zhHant,
  'zh-hant-tw': Locale.zhHant,
};

/**
 * The game's locale for a language tag (`en-GB` → `en`, `zh-TW` → `zh-Hant`), or undefined.
 *
 * @example
 * localeFromTag('zh_CN') // 'zh-Hans'
 */
export function localeFromTag(tag: string): LocaleId | undefined {
  const wanted = tag.trim().replaceAll('_', '-').toLowerCase();
  const exact = LOCALE_IDS.find((locale) => locale.toLowerCase() === wanted);
  if (exact) return exact;
  if (wanted in ALIASES) return ALIASES[wanted];
  return wanted === 'en' || wanted.startsWith('en-') ? Locale.en : undefined;
}
