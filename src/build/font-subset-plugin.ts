import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { collectCharacters } from './fonts/characters.ts';
import { createFontBuilder } from './fonts/build-fonts.ts';
import type { FontBuilder } from './fonts/build-fonts.ts';
import { fontModuleCode } from './fonts/font-module.ts';
import { loadGameText } from './fonts/game-text.ts';
import { NO_CACHE, cacheKey, diskCache } from './fonts/subset-cache.ts';
import { SOURCE_FONT_FILES } from './fonts/source-fonts.ts';

/** The module the game imports its font families, `@font-face` CSS and load samples from. */
export const FONTS_MODULE = 'virtual:service-dojo/fonts';
const RESOLVED = `\0${FONTS_MODULE}`;
/** Where the dev server serves the subsets (the build emits them as hashed assets instead). */
const DEV_PATH = '@service-dojo-fonts/';
const WOFF2_TYPE = 'font/woff2';

export interface FontSubsetOptions {
  /** The scenario folder (drills in its drills/), as given to the scenarios plugin. */
  readonly folder: string;
  /** Subset cache folder; default node_modules/.cache/service-dojo-fonts; false: none. */
  readonly cacheDir?: string | false;
}

/** Keys the disk cache to the installed packages: a new subsetter or font invalidates it. */
function installedFingerprint(root: string): string | null {
  try {
    return cacheKey([readFileSync(path.join(root, 'node_modules', '.package-lock.json'))]);
  } catch {
    return null;
  }
}

/**
 * Self-hosts the game's CJK font: at build time (and in dev) collects every character the game
 * can show — all scenarios and drills through the engine's loader (derived Traditional included),
 * the UI strings, the tip, step and principle names — and cuts Noto Sans SC / TC down to exactly
 * those glyphs, as WOFF2 assets. Each locale gets one family of a title face (in the players'
 * first download) and a calls face (fetched once the title is up). A character no source font
 * has is a warning: the players' system fonts draw it.
 */
export function fontSubsetPlugin(options: FontSubsetOptions): Plugin {
  let build: FontBuilder | null = null;
  let serving = false;
  let devBase = '/';
  const served = new Map<string, Uint8Array>();

  return {
    name: 'service-dojo-font-subset',
    configResolved(config) {
      serving = config.command === 'serve';
      devBase = config.base.startsWith('/') ? config.base : '/';
      const fingerprint = installedFingerprint(config.root);
      const folder =
        options.cacheDir ?? path.join(config.root, 'node_modules', '.cache', 'service-dojo-fonts');
      build = createFontBuilder({
        cache: folder === false || fingerprint === null ? NO_CACHE : diskCache(folder),
        fingerprint: fingerprint ?? '',
      });
    },
    resolveId(id) {
      return id === FONTS_MODULE ? RESOLVED : undefined;
    },
    // The English title font is what a first visit draws first: preload it from the HTML so it
    // downloads while the JavaScript does, instead of after it.
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const asset = Object.values(context.bundle ?? {}).find(
          (output) =>
            output.type === 'asset' && /service-dojo-en-title-[^/]*\.woff2$/.test(output.fileName),
        );
        if (!asset) return undefined;
        return [
          {
            tag: 'link',
            attrs: {
              rel: 'preload',
              href: `./${asset.fileName}`,
              as: 'font',
              type: 'font/woff2',
              crossorigin: '',
            },
            injectTo: 'head',
          },
        ];
      },
    },
    async load(id) {
      if (id !== RESOLVED || !build) return undefined;
      const { text, files } = loadGameText(options.folder);
      for (const file of files) this.addWatchFile(file);
      const fonts = await build(collectCharacters(text));
      for (const [locale, missing] of Object.entries(fonts.missing)) {
        if (missing !== '') this.warn(`no ${locale} font has ${JSON.stringify(missing)}`);
      }
      if (serving) {
        for (const file of fonts.files) served.set(file.name, file.bytes);
        const licenses = fonts.licenses.flatMap(({ sources }) =>
          sources.map((id) => JSON.stringify(SOURCE_FONT_FILES[id].license)),
        );
        return fontModuleCode(
          fonts,
          (file) => JSON.stringify(devBase + DEV_PATH + file.name),
          licenses,
        );
      }
      const licenseUrls = fonts.licenses.map(
        ({ sources, text: license }) =>
          `import.meta.ROLLUP_FILE_URL_${this.emitFile({ type: 'asset', name: `noto-sans-${sources.join('-')}-OFL.txt`, source: license })}`,
      );
      return fontModuleCode(
        fonts,
        (file) =>
          `import.meta.ROLLUP_FILE_URL_${this.emitFile({ type: 'asset', name: file.name, source: file.bytes })}`,
        licenseUrls,
      );
    },
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const [pathname = ''] = (request.url ?? '').split('?');
        const bytes = pathname.startsWith(devBase + DEV_PATH)
          ? served.get(pathname.slice((devBase + DEV_PATH).length))
          : undefined;
        if (!bytes) {
          next();
          return;
        }
        response.setHeader('Content-Type', WOFF2_TYPE);
        response.end(bytes);
      });
    },
  };
}
