import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { Plugin } from 'vite';
import { resolveOptions } from './options.ts';
import type { LmsBuildOptions } from './options.ts';
import { writePackages } from './package.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The page's entry in the normal build, and the LMS entry that takes its place. */
const GAME_ENTRY = '/src/main.ts';
const LMS_ENTRY = '/src/lms/main.ts';

/** Points the same `index.html` at the LMS entry: the normal build and its page stay as they are. */
function lmsEntryPlugin(): Plugin {
  return {
    name: 'service-dojo-lms-entry',
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        if (!html.includes(GAME_ENTRY)) throw new Error(`index.html no longer loads ${GAME_ENTRY}`);
        return html.replace(GAME_ENTRY, LMS_ENTRY);
      },
    },
  };
}

/** Builds the game once with the LMS entry into `webDir` (the project's Vite config otherwise). */
export async function buildLmsWeb(webDir: string, root: string = ROOT): Promise<void> {
  await build({
    root,
    logLevel: 'warn',
    plugins: [lmsEntryPlugin()],
    build: { outDir: webDir, emptyOutDir: true },
  });
}

/** One Vite build, then one zip per standard. Returns the zips' paths. */
export async function buildLmsPackages(options: LmsBuildOptions, root: string = ROOT) {
  const webDir = path.join(options.outDir, 'web');
  await buildLmsWeb(webDir, root);
  return writePackages(webDir, options);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const options = resolveOptions(process.argv.slice(2), ROOT);
  const zips = await buildLmsPackages(options);
  console.log(
    `Packaged ${options.scenarios.join(', ')} (mastery ${options.masteryScore}):\n${zips.map((zip) => `  ${path.relative(ROOT, zip)}`).join('\n')}`,
  );
}
