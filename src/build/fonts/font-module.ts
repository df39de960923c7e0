import { LOCALE_IDS, Locale } from '../../engine/index.ts';
import type { LocaleId } from '../../engine/index.ts';
import { FONT_SLICE_IDS } from './characters.ts';
import type { BuiltFonts, FontFile } from './build-fonts.ts';
import { unicodeRange } from './unicode-range.ts';

/** The CSS family of each locale's self-hosted faces (no Reserved Font Name of the sources). */
export const FONT_FAMILIES: Readonly<Record<LocaleId, string>> = {
  [Locale.en]: 'Service Dojo en',
  [Locale.zhHans]: 'Service Dojo zh-Hans',
  [Locale.zhHant]: 'Service Dojo zh-Hant',
};

/** A character of a face that `document.fonts.load` can ask for: visible, so never a space. */
function sampleOf(file: FontFile): string {
  // Code points, not graphemes: a font's cmap maps code points.
  return Array.from(file.characters).find((character) => character > ' ') ?? '';
}

/** Per locale and slice, one character of each face: enough for `document.fonts.load` to fetch them all. */
export function fontSamples(fonts: BuiltFonts): Record<LocaleId, Record<string, string>> {
  const samples = {} as Record<LocaleId, Record<string, string>>;
  for (const locale of LOCALE_IDS) {
    const files = fonts.files.filter((file) => file.locale === locale);
    samples[locale] = Object.fromEntries(
      FONT_SLICE_IDS.map((slice) => [
        slice,
        files
          .filter((file) => file.slice === slice)
          .map(sampleOf)
          .join(''),
      ]),
    );
  }
  return samples;
}

/**
 * The JavaScript of `virtual:service-dojo/fonts`. `urlOf` gives a JavaScript expression for a
 * file's URL (the build's asset reference, or a dev-server path). Faces with a `unicode-range`
 * come after the one without, and CSS checks a family's later faces first, so each character is
 * fetched from the one face that has it.
 */
export function fontModuleCode(
  fonts: BuiltFonts,
  urlOf: (file: FontFile) => string,
  licenseUrls: readonly string[],
): string {
  const rule = (file: FontFile) => {
    const range = file.ranged ? `;unicode-range:${unicodeRange(file.characters)}` : '';
    return `${JSON.stringify(`@font-face{font-family:"${FONT_FAMILIES[file.locale]}";src:url("`)} + ${urlOf(file)} + ${JSON.stringify(`") format("woff2");font-display:swap${range}}`)}`;
  };
  const notice = [
    JSON.stringify('/* Subsets of Noto Sans SC and TC, SIL Open Font License 1.1: '),
    ...licenseUrls.flatMap((url, index) => (index === 0 ? [url] : ['" "', url])),
    JSON.stringify(' */'),
  ].join(' + ');
  return [
    `export const families = ${JSON.stringify(FONT_FAMILIES)};`,
    `export const samples = ${JSON.stringify(fontSamples(fonts))};`,
    `export const css = [\n  ${[notice, ...fonts.files.map(rule)].join(',\n  ')},\n].join("\\n");`,
    '',
  ].join('\n');
}
