import i18next from 'i18next';
import { LOCALE_IDS, Locale } from '../../engine/index.ts';
import type { LocaleId } from '../../engine/index.ts';
import { settingsStore } from '../storage.ts';
import { en, zhHans, zhHant } from './messages.ts';

const STORAGE_KEY = 'service-dojo.locale';

function savedLocale(): LocaleId {
  const saved = settingsStore.get(STORAGE_KEY);
  return (LOCALE_IDS as readonly string[]).includes(saved ?? '') ? (saved as LocaleId) : Locale.en;
}

/** i18next for the UI's own strings; scenario text is picked per locale by the engine's textFor. */
export const i18n = i18next.createInstance();
void i18n.init({
  lng: savedLocale(),
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
  settingsStore.set(STORAGE_KEY, next);
  return next;
}

export const t = i18n.t.bind(i18n);
