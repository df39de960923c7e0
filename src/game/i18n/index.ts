import i18next from 'i18next';
import { LOCALE_IDS, Locale } from '../../engine/index.ts';
import type { LocaleId } from '../../engine/index.ts';
import { loadSettings, updateSettings } from '../../storage/index.ts';
import { en, zhHans, zhHant } from './messages.ts';

/** i18next for the UI's own strings; scenario text is picked per locale by the engine's textFor. */
export const i18n = i18next.createInstance();
void i18n.init({
  lng: loadSettings().locale,
  fallbackLng: Locale.en,
  initAsync: false,
  interpolation: { escapeValue: false },
  resources: {
    [Locale.en]: { translation: en },
    [Locale.zhHans]: { translation: zhHans },
    [Locale.zhHant]: { translation: zhHant },
  },
});

export function currentLocale(): LocaleId {
  return (LOCALE_IDS as readonly string[]).includes(i18n.language)
    ? (i18n.language as LocaleId)
    : Locale.en;
}

/** Cycles en → zh-Hans → zh-Hant and remembers the choice. */
export function nextLocale(): LocaleId {
  const next =
    LOCALE_IDS[(LOCALE_IDS.indexOf(currentLocale()) + 1) % LOCALE_IDS.length] ?? Locale.en;
  void i18n.changeLanguage(next);
  updateSettings({ locale: next });
  return next;
}

export const t = i18n.t.bind(i18n);
