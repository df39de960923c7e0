// The self-hosted CJK font subsets the build plugin (src/build/font-subset-plugin.ts) makes.
// An ambient module cannot import the engine's LocaleId, so the locales are spelled out here.
declare module 'virtual:service-dojo/fonts' {
  type FontLocale = 'en' | 'zh-Hans' | 'zh-Hant';

  /** The CSS font family of each locale: put it first in the locale's font stack. */
  export const families: Readonly<Record<FontLocale, string>>;

  /**
   * Per locale, a few characters that make `document.fonts.load(font, text)` fetch a slice:
   * `title` is what the title screen draws, `calls` everything else (scenarios, debriefs).
   */
  export const samples: Readonly<
    Record<FontLocale, { readonly title: string; readonly calls: string }>
  >;

  /** The `@font-face` rules of every family, with the build's asset URLs: add it to a <style>. */
  export const css: string;
}
