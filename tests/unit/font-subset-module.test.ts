import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { Locale } from '../../src/engine/index.ts';
import type { LocaleId } from '../../src/engine/index.ts';
import { FontSlice } from '../../src/build/fonts/characters.ts';
import type { GameCharacters } from '../../src/build/fonts/characters.ts';
import { createFontBuilder } from '../../src/build/fonts/build-fonts.ts';
import type { BuiltFonts, FontFile } from '../../src/build/fonts/build-fonts.ts';
import { FONT_FAMILIES, fontModuleCode } from '../../src/build/fonts/font-module.ts';
import { SourceFont, fontCoverage } from '../../src/build/fonts/source-fonts.ts';
import type { SourceFontId } from '../../src/build/fonts/source-fonts.ts';
import { cacheKey, diskCache } from '../../src/build/fonts/subset-cache.ts';
import type { SubsetCache } from '../../src/build/fonts/subset-cache.ts';
import { unicodeRange } from '../../src/build/fonts/unicode-range.ts';

const scratch = mkdtempSync(path.join(tmpdir(), 'font-module-'));
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

interface FontsModule {
  families: Record<LocaleId, string>;
  samples: Record<LocaleId, { title: string; calls: string }>;
  css: string;
}

/** Runs generated module code as Node would run the bundle's. */
async function evaluate(code: string, name: string): Promise<FontsModule> {
  const file = path.join(scratch, `${name}.mjs`);
  writeFileSync(file, code);
  return (await import(/* @vite-ignore */ pathToFileURL(file).href)) as FontsModule;
}

function face(
  locale: LocaleId,
  slice: FontFile['slice'],
  source: SourceFontId,
  characters: string,
  ranged: boolean,
): FontFile {
  const name = `service-dojo-${locale}-${slice}-${source}.woff2`;
  return { locale, slice, source, name, characters, ranged, bytes: new Uint8Array([1]) };
}

const MADE_UP: BuiltFonts = {
  files: [
    face(Locale.en, FontSlice.title, SourceFont.sc, ' AB', false),
    face(Locale.en, FontSlice.calls, SourceFont.sc, '中', true),
    face(Locale.zhHans, FontSlice.title, SourceFont.sc, ' 客服', false),
    face(Locale.zhHans, FontSlice.calls, SourceFont.sc, '顾客', true),
    face(Locale.zhHant, FontSlice.title, SourceFont.tc, ' 顧', false),
    face(Locale.zhHant, FontSlice.title, SourceFont.sc, '关', true),
    face(Locale.zhHant, FontSlice.calls, SourceFont.tc, '場', true),
  ],
  missing: { [Locale.en]: '', [Locale.zhHans]: '', [Locale.zhHant]: '' },
  licenses: [{ sources: [SourceFont.sc, SourceFont.tc], text: 'OFL' }],
};

describe('fontModuleCode', () => {
  const urlOf = (file: FontFile) => JSON.stringify(`/fonts/${file.name}`);

  it('exports the families, and one @font-face per file in order', async () => {
    const module = await evaluate(
      fontModuleCode(MADE_UP, urlOf, [JSON.stringify('/fonts/OFL.txt')]),
      'order',
    );
    expect(module.families).toEqual(FONT_FAMILIES);
    const rules = module.css.match(/@font-face\{[^}]*\}/g) ?? [];
    expect(rules).toHaveLength(MADE_UP.files.length);
    MADE_UP.files.forEach((file, index) => {
      const rule = rules[index] ?? '';
      expect(rule).toContain(`font-family:"${FONT_FAMILIES[file.locale]}"`);
      expect(rule).toContain(`url("/fonts/${file.name}") format("woff2")`);
      if (file.ranged) expect(rule).toContain(`unicode-range:${unicodeRange(file.characters)}`);
      else expect(rule).not.toContain('unicode-range');
    });
    expect(module.css).toContain('SIL Open Font License 1.1: /fonts/OFL.txt */');
  });

  it('samples one visible character of each face of a slice', async () => {
    const module = await evaluate(fontModuleCode(MADE_UP, urlOf, []), 'samples');
    expect(module.samples[Locale.en]).toEqual({ title: 'A', calls: '中' });
    expect(module.samples[Locale.zhHant]).toEqual({ title: '顧关', calls: '場' });
  });
});

describe('createFontBuilder', () => {
  const tiny: GameCharacters = {
    [Locale.en]: { title: ' AB', calls: '中' },
    [Locale.zhHans]: { title: ' 客服', calls: '顾' },
    // 关 is Simplified only: the Traditional font lacks it, so the SC font draws it.
    [Locale.zhHant]: { title: ' 顧关', calls: '場' },
  };

  it('subsets tiny slices, falls back to the next source font, and fills the cache', async () => {
    const stored = new Map<string, Uint8Array>();
    const recording: SubsetCache = {
      get: (key) => stored.get(key),
      set: (key, bytes) => stored.set(key, bytes),
    };
    const fonts = await createFontBuilder({ cache: recording, fingerprint: 'test' })(tiny);
    expect(fonts.missing).toEqual({ [Locale.en]: '', [Locale.zhHans]: '', [Locale.zhHant]: '' });
    const hant = fonts.files.filter((file) => file.locale === Locale.zhHant);
    expect(hant.map((file) => [file.slice, file.source, file.characters, file.ranged])).toEqual([
      [FontSlice.title, SourceFont.tc, ' 顧', false],
      [FontSlice.title, SourceFont.sc, '关', true],
      [FontSlice.calls, SourceFont.tc, '場', true],
    ]);
    for (const file of fonts.files) {
      const cmap = fontCoverage(Buffer.from(file.bytes));
      expect(String.fromCodePoint(...[...cmap].sort((a, b) => a - b))).toBe(file.characters);
    }
    expect(stored.size).toBe(new Set(fonts.files.map((file) => file.bytes)).size);

    const again = await createFontBuilder({ cache: recording, fingerprint: 'test' })(tiny);
    expect(again.files.map((file) => file.bytes)).toEqual(fonts.files.map((file) => file.bytes));
    expect(fonts.licenses).toHaveLength(1);
    expect(fonts.licenses[0]?.text).toContain('SIL Open Font License');
  }, 60_000);

  it('takes finished subsets from the cache', async () => {
    const sentinel = new Uint8Array([42]);
    const fonts = await createFontBuilder({
      cache: { get: () => sentinel, set: () => undefined },
      fingerprint: 'test',
    })(tiny);
    for (const file of fonts.files) expect(file.bytes).toBe(sentinel);
  }, 60_000);
});

describe('diskCache', () => {
  it('reads back what it wrote and keeps the most recent entries only', () => {
    const folder = path.join(scratch, 'cache');
    const cache = diskCache(folder);
    expect(cache.get(cacheKey(['absent']))).toBeUndefined();
    const keys = Array.from({ length: 60 }, (_, index) => cacheKey([String(index)]));
    keys.forEach((key, index) => {
      cache.set(key, new Uint8Array([index]));
    });
    expect(readdirSync(folder).length).toBeLessThanOrEqual(48);
    expect(cache.get(keys.at(-1) ?? '')).toEqual(new Uint8Array([59]));
  });

  it('keys on every part, and on where one part ends', () => {
    expect(cacheKey(['ab', 'c'])).not.toBe(cacheKey(['a', 'bc']));
    expect(cacheKey(['ab', 'c'])).toBe(cacheKey(['ab', 'c']));
  });
});
