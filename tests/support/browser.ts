import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { build, preview } from 'vite';
import type { PreviewServer } from 'vite';
import path from 'node:path';
import { ROOT } from './fixtures.ts';

/** Debian's Chromium; Playwright cannot download its own browsers on these machines. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Chromium flags for this sandbox: no network chatter, no GPU process (SwiftShader renders WebGL). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface ServedGame {
  readonly url: string;
  readonly browser: Browser;
  close(): Promise<void>;
}

/** Builds the game into a scratch folder, serves it on a free loopback port and opens Chromium. */
export async function serveGame(): Promise<ServedGame> {
  const outDir = path.join(ROOT, 'node_modules/.cache/e2e-dist');
  await build({ root: ROOT, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const server: PreviewServer = await preview({
    root: ROOT,
    logLevel: 'warn',
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1' },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the preview server printed no URL');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  return {
    url,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** Standard deviation of the screenshot's luminance: a blank canvas is close to 0. */
export async function pixelSpread(page: Page): Promise<number> {
  const png = PNG.sync.read(await page.screenshot());
  let sum = 0;
  let squares = 0;
  const pixels = png.width * png.height;
  for (let i = 0; i < png.data.length; i += 4) {
    const luminance =
      0.2126 * (png.data[i] ?? 0) +
      0.7152 * (png.data[i + 1] ?? 0) +
      0.0722 * (png.data[i + 2] ?? 0);
    sum += luminance;
    squares += luminance * luminance;
  }
  const mean = sum / pixels;
  return Math.sqrt(squares / pixels - mean * mean);
}

/** Waits until the DOM mirror shows a given screen (title, call, debrief). */
export async function waitForScreen(page: Page, screen: string): Promise<void> {
  await page.waitForSelector(`#mirror[data-screen="${screen}"]`, { timeout: 15_000 });
}
