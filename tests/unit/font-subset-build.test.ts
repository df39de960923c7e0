import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'vite';
import { LOCALE_IDS, Locale } from '../../src/engine/index.ts';
import type { LocaleId } from '../../src/engine/index.ts';
import { FONTS_MODULE, fontSubsetPlugin } from '../../src/build/font-subset-plugin.ts';
import { collectCharacters } from '../../src/build/fonts/characters.ts';
import type { GameCharacters } from '../../src/build/fonts/characters.ts';
import { FONT_FAMILIES } from '../../src/build/fonts/font-module.ts';
import { loadGameText } from '../../src/build/fonts/game-text.ts';
import { fontCoverage } from '../../src/build/fonts/source-fonts.ts';
import { ROOT } from '../support/fixtures.ts';

const SCENARIOS = path.join(ROOT, 'scenarios');
const BUILD_TIMEOUT = 240_000;

/**
 * Budgets, in bytes of WOFF2. The title slice is in the players' first download (≤ 600 KB gzip
 * with ~430 KB of JavaScript); the rest catches a subsetter setting that bloats every face
 * (layout closure alone adds a quarter).
 */
const TITLE_BUDGET = 120_000;
const LOCALE_BUDGET = 300_000;
const EN_BUDGET = 40_000;

interface Built {
  /** Emitted files by name: asset bytes, or chunk code. */
  readonly files: ReadonlyMap<string, Uint8Array | string>;
}

interface Face {
  readonly locale: LocaleId;
  readonly slice: string;
  readonly bytes: Uint8Array;
}

/** Builds a one-line app that imports the fonts module, in memory, without the cache. */
async function buildApp(root: string): Promise<Built> {
  const result = await build({
    root,
    configFile: false,
    logLevel: 'silent',
    base: './',
    plugins: [fontSubsetPlugin({ folder: SCENARIOS, cacheDir: false })],
    build: { write: false, target: 'es2022' },
  });
  if (!Array.isArray(result) && !('output' in result)) throw new Error('expected a build output');
  const outputs = Array.isArray(result) ? result : [result];
  const files = new Map<string, Uint8Array | string>();
  for (const item of outputs.flatMap((output) => output.output)) {
    files.set(item.fileName, item.type === 'chunk' ? item.code : item.source);
  }
  return { files };
}

/** The woff2 assets, read back from their names: service-dojo-<locale>-<slice>-<source>-<hash>. */
function faces(built: Built): Face[] {
  return [...built.files].flatMap(([name, content]) => {
    const match = /service-dojo-(en|zh-Hans|zh-Hant)-(title|calls)-\w+-[\w-]+\.woff2$/.exec(name);
    if (!match || typeof content === 'string') return [];
    return [{ locale: match[1] as LocaleId, slice: match[2] ?? '', bytes: content }];
  });
}

const codePoints = (text: string) => Array.from(text, (c) => c.codePointAt(0) ?? 0);
const size = (list: readonly Face[]) => list.reduce((total, face) => total + face.bytes.length, 0);

describe('fontSubsetPlugin in a Vite build', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'font-subset-'));
  let first: Built;
  let second: Built;
  let characters: GameCharacters;

  beforeAll(async () => {
    writeFileSync(
      path.join(root, 'index.html'),
      '<!doctype html><html><body><script type="module" src="./main.js"></script></body></html>',
    );
    writeFileSync(
      path.join(root, 'main.js'),
      `import { css, families, samples } from '${FONTS_MODULE}';\nconsole.log(css, families, samples);\n`,
    );
    characters = collectCharacters(loadGameText(SCENARIOS).text);
    first = await buildApp(root);
    second = await buildApp(root);
  }, BUILD_TIMEOUT);

  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('emits a title and a calls face for every locale', () => {
    const found = faces(first).map((face) => `${face.locale} ${face.slice}`);
    for (const locale of LOCALE_IDS) {
      expect(found).toContain(`${locale} title`);
      expect(found).toContain(`${locale} calls`);
    }
  });

  it('subsets to exactly the collected characters: every one is in a face, no face has more', () => {
    for (const locale of LOCALE_IDS) {
      const mine = faces(first).filter((face) => face.locale === locale);
      const mapped = new Set<number>();
      for (const face of mine) {
        const cmap = fontCoverage(Buffer.from(face.bytes));
        const allowed = new Set(
          codePoints(face.slice === 'title' ? characters[locale].title : characters[locale].calls),
        );
        expect([...cmap].filter((codePoint) => !allowed.has(codePoint))).toEqual([]);
        for (const codePoint of cmap) mapped.add(codePoint);
      }
      const collected = codePoints(characters[locale].title + characters[locale].calls);
      const unmapped = collected.filter((codePoint) => !mapped.has(codePoint));
      expect(String.fromCodePoint(...unmapped)).toBe('');
    }
  });

  it('stays within the size budgets', () => {
    for (const locale of [Locale.zhHans, Locale.zhHant]) {
      const mine = faces(first).filter((face) => face.locale === locale);
      expect(size(mine.filter((face) => face.slice === 'title'))).toBeLessThan(TITLE_BUDGET);
      expect(size(mine)).toBeLessThan(LOCALE_BUDGET);
    }
    expect(size(faces(first).filter((face) => face.locale === Locale.en))).toBeLessThan(EN_BUDGET);
  });

  it('puts the @font-face rules, with every face URL, in the JavaScript', () => {
    const code = [...first.files.values()].filter((file) => typeof file === 'string').join('\n');
    for (const family of Object.values(FONT_FAMILIES)) expect(code).toContain(family);
    for (const name of first.files.keys()) {
      if (name.endsWith('.woff2')) expect(code).toContain(path.basename(name));
    }
    expect(code).toContain('unicode-range:');
  });

  it('ships the fonts’ licence beside them', () => {
    const licenses = [...first.files].filter(([name]) => /OFL.*\.txt$/.test(name));
    expect(licenses).toHaveLength(1);
    const [[name, text] = ['', '']] = licenses;
    expect(String(typeof text === 'string' ? text : Buffer.from(text))).toContain(
      'SIL Open Font License',
    );
    const code = [...first.files.values()].filter((file) => typeof file === 'string').join('\n');
    expect(code).toContain(path.basename(name));
  });

  it('gives the same bytes when built twice', () => {
    expect([...second.files.keys()].sort()).toEqual([...first.files.keys()].sort());
    for (const [name, content] of first.files) expect(second.files.get(name)).toEqual(content);
  });
});
