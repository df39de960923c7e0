import { LOCALE_IDS } from '../../engine/index.ts';
import type { LocaleId } from '../../engine/index.ts';
import { FONT_SLICE_IDS, FontSlice } from './characters.ts';
import type { FontSliceId, GameCharacters } from './characters.ts';
import { LOCALE_SOURCES, readSourceFont } from './source-fonts.ts';
import type { SourceFontData, SourceFontId } from './source-fonts.ts';
import { SUBSET_SETTINGS, subsetToWoff2 } from './subset.ts';
import { cacheKey } from './subset-cache.ts';
import type { SubsetCache } from './subset-cache.ts';

/** One WOFF2 subset: the characters of one slice of one locale that one source font draws. */
export interface FontFile {
  readonly locale: LocaleId;
  readonly slice: FontSliceId;
  readonly source: SourceFontId;
  /** Asset name, e.g. `service-dojo-zh-Hant-calls-tc.woff2` (the build adds a content hash). */
  readonly name: string;
  readonly characters: string;
  /**
   * False only for a locale's main title face, declared first with no `unicode-range`, so it
   * answers for every character no other face claims (and the CSS stays short).
   */
  readonly ranged: boolean;
  readonly bytes: Uint8Array;
}

export interface BuiltFonts {
  /** Each locale's faces in CSS order: the main title face first. */
  readonly files: readonly FontFile[];
  /** Per locale, characters no source font has: the players' system fonts draw them. */
  readonly missing: Readonly<Record<LocaleId, string>>;
  /** Each distinct licence text of the source fonts used (SIL Open Font License 1.1). */
  readonly licenses: readonly {
    readonly sources: readonly SourceFontId[];
    readonly text: string;
  }[];
}

export type FontBuilder = (characters: GameCharacters) => Promise<BuiltFonts>;

interface Part {
  readonly slice: FontSliceId;
  readonly source: SourceFontId;
  readonly characters: string;
}

/** Splits each slice by the first of the locale's fonts that has each character. */
function partition(
  locale: LocaleId,
  characters: GameCharacters,
  sources: (id: SourceFontId) => SourceFontData,
): { parts: Part[]; missing: string } {
  const parts: Part[] = [];
  let missing = '';
  for (const slice of FONT_SLICE_IDS) {
    const bySource = new Map<SourceFontId, string>(LOCALE_SOURCES[locale].map((id) => [id, '']));
    for (const character of characters[locale][slice]) {
      const codePoint = character.codePointAt(0) ?? 0;
      const source = LOCALE_SOURCES[locale].find((id) => sources(id).coverage.has(codePoint));
      if (source === undefined) missing += character;
      else bySource.set(source, (bySource.get(source) ?? '') + character);
    }
    for (const [source, text] of bySource) {
      if (text !== '') parts.push({ slice, source, characters: text });
    }
  }
  return { parts, missing };
}

/**
 * Makes the subsets for a set of characters. Source fonts are read once per builder; subsets are
 * kept in memory (a dev server reloading unchanged text) and in `cache` under a key of the
 * source font, the characters, the subsetter settings and `fingerprint` (the installed packages).
 */
export function createFontBuilder(options: {
  cache: SubsetCache;
  fingerprint: string;
}): FontBuilder {
  const loaded = new Map<SourceFontId, SourceFontData & { readonly hash: string }>();
  const source = (id: SourceFontId) => {
    let font = loaded.get(id);
    if (!font) {
      const data = readSourceFont(id);
      font = { ...data, hash: cacheKey([data.bytes]) };
      loaded.set(id, font);
    }
    return font;
  };
  const made = new Map<string, Promise<Uint8Array>>();
  const subset = (id: SourceFontId, characters: string): Promise<Uint8Array> => {
    const font = source(id);
    const key = cacheKey([font.hash, characters, SUBSET_SETTINGS, options.fingerprint]);
    let bytes = made.get(key);
    if (!bytes) {
      const cached = options.cache.get(key);
      bytes = cached
        ? Promise.resolve(cached)
        : subsetToWoff2(font.bytes, characters).then((woff2) => {
            options.cache.set(key, woff2);
            return woff2;
          });
      made.set(key, bytes);
      bytes.catch(() => made.delete(key));
    }
    return bytes;
  };

  return async (characters) => {
    const files: FontFile[] = [];
    const missing = {} as Record<LocaleId, string>;
    const used = new Set<SourceFontId>();
    for (const locale of LOCALE_IDS) {
      const split = partition(locale, characters, source);
      missing[locale] = split.missing;
      const [main] = LOCALE_SOURCES[locale];
      // One at a time: the wasm subsetter is single-threaded, and 10 MB fonts fill its memory.
      for (const part of split.parts) {
        used.add(part.source);
        files.push({
          locale,
          ...part,
          name: `service-dojo-${locale}-${part.slice}-${part.source}.woff2`,
          ranged: !(part.slice === FontSlice.title && part.source === main),
          bytes: await subset(part.source, part.characters),
        });
      }
    }
    const licenses = new Map<string, SourceFontId[]>();
    for (const id of [...used].sort()) {
      const text = source(id).licenseText;
      licenses.set(text, [...(licenses.get(text) ?? []), id]);
    }
    return {
      files,
      missing,
      licenses: [...licenses].map(([text, sources]) => ({ sources, text })),
    };
  };
}
