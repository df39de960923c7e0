// Browser figures for `npm run bench` (never pass/fail): what a player downloads first, how fast
// the title becomes interactive against a bare Phaser page, how fast a choice draws the next line,
// and how the JS heap grows over 50 calls in one page.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { build, preview } from 'vite';
import { CHROMIUM, CHROMIUM_ARGS, serveGame } from '../support/browser.ts';
import { ROOT } from '../support/fixtures.ts';
import { SCENARIO_DIR, TRANSCRIPT_DIR, loadShipped } from '../support/library.ts';
import { table } from './measure.ts';

const RUNS = 9;
const CALLS = 50;

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

async function serveBarePhaser(): Promise<{ url: string; close: () => Promise<void> }> {
  const root = path.join(ROOT, 'tests/bench/bare-phaser');
  const outDir = path.join(ROOT, 'node_modules/.cache/bench-bare-phaser');
  await build({ root, configFile: false, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const server = await preview({
    root,
    configFile: false,
    logLevel: 'warn',
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1' },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('no URL for the bare page');
  return { url, close: () => server.close() };
}

/**
 * Milliseconds from navigation start to the moment `selector` matches, read inside the page
 * (performance.now() is measured from the navigation's time origin), so it counts what the player
 * waits for and not the harness's own overhead.
 */
async function timeToReady(browser: Browser, url: string, selector: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.addInitScript((wanted) => {
    const observer = new MutationObserver(() => {
      if (document.querySelector(wanted)) {
        (window as unknown as { readyAt: number }).readyAt = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document, { subtree: true, childList: true, attributes: true });
  }, selector);
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForSelector(selector);
  const readyAt = await page.evaluate(() => (window as unknown as { readyAt: number }).readyAt);
  await context.close();
  return Math.round(readyAt);
}

/** Bytes a first visit downloads before the title is interactive, gzipped as a server would send them. */
async function initialDownload(
  browser: Browser,
  url: string,
): Promise<{ total: number; byKind: Map<string, number> }> {
  const outDir = path.join(ROOT, 'node_modules/.cache/e2e-dist');
  const context = await browser.newContext();
  const page = await context.newPage();
  const paths: string[] = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    paths.push(pathname === '/' ? '/index.html' : pathname);
  });
  await page.goto(url);
  await page.waitForSelector('#mirror[data-screen="title"]');
  await page.waitForTimeout(1000);
  await context.close();
  const byKind = new Map<string, number>();
  let total = 0;
  for (const file of new Set(paths)) {
    const onDisk = path.join(outDir, file);
    if (!existsSync(onDisk)) continue;
    const size = gzipSync(readFileSync(onDisk)).length;
    const kind = path.extname(file).slice(1) || 'other';
    byKind.set(kind, (byKind.get(kind) ?? 0) + size);
    total += size;
  }
  return { total, byKind };
}

async function click(page: Page, selector: string): Promise<void> {
  await page.waitForSelector(selector, { state: 'attached', timeout: 20_000 });
  await page.$eval(selector, (button) => {
    (button as HTMLButtonElement).click();
  });
}

/** The choice ids of a recorded fixture (the worst call is the shortest to play). */
function recordedChoices(scenarioId: string, kind: 'best' | 'worst'): string[] {
  const file = path.join(TRANSCRIPT_DIR, scenarioId, `${kind}.json`);
  const { transcript } = JSON.parse(readFileSync(file, 'utf8')) as {
    transcript: { events: { choiceId?: string }[] };
  };
  return transcript.events.map((event) => event.choiceId ?? '');
}

/** Whether the call on screen has reached one of the scenario's endings. */
async function atEnding(page: Page, endings: readonly string[]): Promise<boolean> {
  const state = await page.$eval(
    '#mirror [role="status"]',
    (status) => (status as HTMLElement).dataset.state ?? '',
  );
  return endings.includes(state);
}

/** One short call through the DOM mirror: select, pick up, the recorded worst answers, back. */
async function quickCall(page: Page, scenarioId: string): Promise<void> {
  await click(page, '#mirror button[data-screen="select"]');
  await click(page, `#mirror button[data-scenario-id="${scenarioId}"]`);
  await page.waitForSelector('#mirror[data-screen="call"]');
  await click(page, '#mirror button:not([data-choice-id])'); // pick up
  for (const choiceId of recordedChoices(scenarioId, 'worst')) {
    await click(page, `#mirror button[data-choice-id="${choiceId}"]`);
    await click(page, '#mirror button:not([data-choice-id])'); // the reaction
  }
  await click(page, '#mirror button:not([data-choice-id])'); // the ending
  await page.waitForSelector('#mirror[data-screen="debrief"]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#mirror[data-screen="title"]');
}

export async function runBrowserBench(out: (line?: string) => void): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    out('(d) browser figures skipped: no Chromium at ' + CHROMIUM);
    return;
  }
  const game = await serveGame();
  const bare = await serveBarePhaser();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const download = await initialDownload(browser, game.url);
    out('(d) initial download before the title is interactive, gzipped (goal ≤ 600 KB)');
    out(
      table([
        ['kind', 'KB'],
        ...[...download.byKind]
          .sort((a, b) => b[1] - a[1])
          .map(([kind, bytes]) => [kind, (bytes / 1024).toFixed(1)]),
        ['total', (download.total / 1024).toFixed(1)],
      ]),
    );
    out();

    const gameTimes: number[] = [];
    const bareTimes: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      bareTimes.push(await timeToReady(browser, bare.url, 'body[data-ready="true"]'));
      gameTimes.push(await timeToReady(browser, game.url, '#mirror[data-screen="title"]'));
    }
    out(
      `(e) navigation to an interactive title, median of ${RUNS} (goal ≤ 1.2× a bare Phaser 4 page)`,
    );
    out(
      table([
        ['page', 'ms', 'ratio'],
        ['bare Phaser 4', String(median(bareTimes)), '1.00×'],
        [
          'Service Dojo title',
          String(median(gameTimes)),
          `${(median(gameTimes) / median(bareTimes)).toFixed(2)}×`,
        ],
      ]),
    );
    out();

    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(game.url);
    await page.waitForSelector('#mirror[data-screen="title"]');
    await page.keyboard.press('t'); // timers off: the bench answers at its own pace
    await page.waitForSelector('#mirror[data-screen="title"]');
    await click(page, '#mirror button[data-screen="select"]');
    await click(page, '#mirror button[data-scenario-id="charged-twice"]');
    await click(page, '#mirror button:not([data-choice-id])');
    // The best call: six answers, whatever order the seed shows them in.
    const endings = Object.keys(loadShipped(path.join(SCENARIO_DIR, 'charged-twice.yaml')).endings);
    const drawn: number[] = [];
    const handled: number[] = [];
    for (const choiceId of recordedChoices('charged-twice', 'best').slice(0, 6)) {
      await page.waitForSelector('#mirror button[data-choice-id]');
      drawn.push(
        await page.evaluate(async (id) => {
          const start = performance.now();
          document
            .querySelector<HTMLButtonElement>(`#mirror button[data-choice-id="${id}"]`)
            ?.click();
          (window as unknown as { handledMs: number }).handledMs = performance.now() - start;
          // Phaser's loop registered its frame callback first, so this one runs right after the
          // frame that draws the reply has been rendered.
          await new Promise((resolve) => requestAnimationFrame(resolve));
          return performance.now() - start;
        }, choiceId),
      );
      handled.push(
        await page.evaluate(() => (window as unknown as { handledMs: number }).handledMs),
      );
      await click(page, '#mirror button:not([data-choice-id])');
      if (await atEnding(page, endings)) break;
    }
    // The same wait for a frame with nothing answered: what a frame alone costs on this renderer.
    const idle: number[] = [];
    for (let sample = 0; sample < 6; sample += 1) {
      idle.push(
        await page.evaluate(async () => {
          const start = performance.now();
          await new Promise((resolve) => requestAnimationFrame(resolve));
          return performance.now() - start;
        }),
      );
    }
    out(
      '(f) choice → the reply drawn (the answer handled and the next frame painted), median (goal ≤ 16.7 ms)',
    );
    out(
      table([
        ['', 'ms', 'ratio'],
        ['the answer handled (engine and scene, before the frame)', median(handled).toFixed(1), ''],
        ['the next frame, nothing answered (baseline)', median(idle).toFixed(1), '1.00×'],
        [
          `a choice → the reply drawn (${drawn.length} answers)`,
          median(drawn).toFixed(1),
          `${(median(drawn) / median(idle)).toFixed(2)}×`,
        ],
      ]),
    );
    out(
      '    headless Chromium renders WebGL in software (SwiftShader): frames here are far slower than on a GPU',
    );
    out();

    await page.goto(game.url);
    await page.waitForSelector('#mirror[data-screen="title"]');
    const cdp = await page.context().newCDPSession(page);
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      return ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
    };
    await quickCall(page, 'competitor-at-the-door');
    const before = await heap();
    for (let call = 1; call < CALLS; call += 1) await quickCall(page, 'competitor-at-the-door');
    const after = await heap();
    out(`(g) JS heap growth over ${CALLS} consecutive calls in one page (goal < 10 MB)`);
    out(
      `    ${((after - before) / 1024 / 1024).toFixed(2)} MB (from ${(before / 1024 / 1024).toFixed(1)} MB after the first call)`,
    );
  } finally {
    await browser.close();
    await bare.close();
    await game.close();
  }
}
