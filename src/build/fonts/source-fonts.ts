import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { create } from 'fontkit';
import { Locale } from '../../engine/index.ts';
import type { LocaleId } from '../../engine/index.ts';

/** The full fonts the subsets are cut from: Noto Sans SC and TC, Regular, from npm packages. */
export const SourceFont = { sc: 'sc', tc: 'tc' } as const;
export type SourceFontId = (typeof SourceFont)[keyof typeof SourceFont];

/**
 * Package paths of each source font and its licence (SIL Open Font License 1.1). Google Fonts'
 * TrueType builds: WOFF2's glyph transform makes their subsets about a third smaller than the
 * CFF (OTF) builds of the same glyphs.
 */
export const SOURCE_FONT_FILES: Readonly<
  Record<SourceFontId, { readonly font: string; readonly license: string }>
> = {
  [SourceFont.sc]: {
    font: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
    license: '@expo-google-fonts/noto-sans-sc/LICENSE_FONT',
  },
  [SourceFont.tc]: {
    font: '@expo-google-fonts/noto-sans-tc/400Regular/NotoSansTC_400Regular.ttf',
    license: '@expo-google-fonts/noto-sans-tc/LICENSE_FONT',
  },
};

/**
 * Which fonts draw each locale, first choice first: a character the first lacks (Simplified
 * text a drill has no Traditional for, say) comes from the next.
 */
export const LOCALE_SOURCES: Readonly<Record<LocaleId, readonly SourceFontId[]>> = {
  [Locale.en]: [SourceFont.sc],
  [Locale.zhHans]: [SourceFont.sc, SourceFont.tc],
  [Locale.zhHant]: [SourceFont.tc, SourceFont.sc],
};

/** A source font read from node_modules, with the code points its cmap maps. */
export interface SourceFontData {
  readonly id: SourceFontId;
  readonly bytes: Buffer;
  readonly coverage: ReadonlySet<number>;
  readonly licenseText: string;
}

const require = createRequire(import.meta.url);

/** The end marker every format-4 cmap has, which fontkit lists as if it were a character. */
const CMAP_END_MARKER = 0xffff;

/** Code points a font (TTF, OTF, WOFF or WOFF2) maps to glyphs. */
export function fontCoverage(bytes: Buffer): ReadonlySet<number> {
  const font = create(bytes);
  if (!('characterSet' in font)) throw new Error('a font collection is not a font');
  return new Set(font.characterSet.filter((codePoint) => codePoint !== CMAP_END_MARKER));
}

export function readSourceFont(id: SourceFontId): SourceFontData {
  const files = SOURCE_FONT_FILES[id];
  const bytes = readFileSync(require.resolve(files.font));
  return {
    id,
    bytes,
    coverage: fontCoverage(bytes),
    licenseText: readFileSync(require.resolve(files.license), 'utf8'),
  };
}
