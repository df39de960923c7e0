import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoreTranscript } from '../../src/engine/index.ts';
import type { CallEvent, Transcript } from '../../src/engine/index.ts';
import { ROOT } from '../support/fixtures.ts';
import { loadShipped, SCENARIO_DIR, TRANSCRIPT_DIR } from '../support/library.ts';
import { pixelSpread, serveGame, waitForScreen } from '../support/browser.ts';
import type { ServedGame } from '../support/browser.ts';
import { readFileSync } from 'node:fs';
import { transcriptOf } from '../support/transcripts.ts';

const SHOTS = path.join(ROOT, 'tests/e2e/__output__');
let game: ServedGame;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  game = await serveGame();
}, 120_000);

afterAll(async () => {
  await game.close();
});

async function openTitle(): Promise<Page> {
  const page = await game.browser.newPage({ viewport: { width: 1280, height: 720 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(game.url);
  await waitForScreen(page, 'title');
  expect(errors).toEqual([]);
  return page;
}

function recordedBest(scenarioId: string): CallEvent[] {
  const fixture = JSON.parse(
    readFileSync(path.join(TRANSCRIPT_DIR, scenarioId, 'best.json'), 'utf8'),
  ) as { transcript: Transcript };
  return fixture.transcript.events;
}

/** Plays a call to the debrief by pressing the number key of each choice, then Space. */
async function playByKeyboard(
  page: Page,
  events: readonly CallEvent[],
  options: { toDebrief?: boolean } = {},
): Promise<void> {
  for (const event of events) {
    if (event.type !== 'CHOOSE') throw new Error('the recorded best path has no silence');
    const ids = await page.$$eval('#mirror button[data-choice-id]', (buttons) =>
      buttons.map((button) => (button as HTMLElement).dataset.choiceId),
    );
    const index = ids.indexOf(event.choiceId);
    expect(index, `${event.choiceId} on offer`).toBeGreaterThanOrEqual(0);
    await page.keyboard.press(String(index + 1));
    await page.waitForSelector('#mirror button:not([data-choice-id])');
    await page.keyboard.press('Space');
  }
  if (options.toDebrief === false) return;
  await page.waitForSelector('#mirror button:not([data-choice-id])');
  await page.keyboard.press('Space');
  await waitForScreen(page, 'debrief');
}

/** Plays a call by clicking the drawn canvas buttons, at the bounds the mirror reports. */
async function playByMouse(page: Page, events: readonly CallEvent[]): Promise<void> {
  const canvas = await page.$('canvas');
  const box = await canvas?.boundingBox();
  if (!box) throw new Error('no canvas');
  const scale = box.width / 1280;
  for (const event of events) {
    if (event.type !== 'CHOOSE') throw new Error('the recorded best path has no silence');
    const bounds = await page.$eval(
      `#mirror button[data-choice-id="${event.choiceId}"]`,
      (button) => (button as HTMLElement).dataset.bounds ?? '',
    );
    const [x = 0, y = 0, width = 0, height = 0] = bounds.split(',').map(Number);
    await page.mouse.click(box.x + (x + width / 2) * scale, box.y + (y + height / 2) * scale);
    await page.waitForSelector('#mirror button:not([data-choice-id])');
    await page.mouse.click(box.x + 200 * scale, box.y + 650 * scale); // an empty spot: move on
  }
  await page.waitForSelector('#mirror button:not([data-choice-id])');
  await page.mouse.click(box.x + 200 * scale, box.y + 650 * scale);
  await waitForScreen(page, 'debrief');
}

/** From the title: open scenario select and start a call by keyboard. */
async function startScenario(page: Page, id: string): Promise<void> {
  await page.keyboard.press('Enter');
  await waitForScreen(page, 'select');
  const ids = await page.$$eval('#mirror button[data-scenario-id]', (buttons) =>
    buttons.map((button) => (button as HTMLElement).dataset.scenarioId),
  );
  const index = ids.indexOf(id);
  expect(index, `${id} listed`).toBeGreaterThanOrEqual(0);
  // Eight cards a page: turn pages with the arrow key, then press the card's number.
  for (let turned = 0; turned < Math.floor(index / 8); turned += 1) {
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(
      (pageNumber) =>
        document
          .querySelector('#mirror [role="status"]')
          ?.textContent.startsWith(`Page ${pageNumber} `),
      turned + 2,
    );
  }
  await page.keyboard.press(String((index % 8) + 1));
  await waitForScreen(page, 'call');
}

/** The phone rings first; the customer speaks and the choices appear after it. */
async function waitForChoices(page: Page): Promise<void> {
  await page.waitForSelector('#mirror button[data-choice-id]', { timeout: 15_000 });
}

function expectedTotal(id: string, events: readonly CallEvent[]): number | false {
  const scenario = loadShipped(path.join(SCENARIO_DIR, `${id}.yaml`));
  const expected = scoreTranscript(
    scenario,
    transcriptOf(
      scenario,
      events.map((event) => ({ ...event, elapsedMs: 0 })),
      { timed: false },
    ),
  );
  return expected.ok && expected.scorecard.total;
}

describe('the game in Chromium', { timeout: 60_000 }, () => {
  it('draws the title, and lists every shipped scenario on the select screen', async () => {
    const page = await openTitle();
    await page.waitForTimeout(300);
    expect(await pixelSpread(page)).toBeGreaterThan(10);
    await page.screenshot({ path: path.join(SHOTS, 'title-en.png') });
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'select');
    await page.waitForTimeout(300);
    const listed = await page.$$eval('#mirror button[data-scenario-id]', (buttons) =>
      buttons.map((button) => (button as HTMLElement).dataset.scenarioId),
    );
    const shipped = (await import('node:fs'))
      .readdirSync(SCENARIO_DIR)
      .filter((name) => name.endsWith('.yaml'))
      .map((name) => name.replace('.yaml', ''));
    expect([...listed].sort()).toEqual([...shipped].sort());
    await page.screenshot({ path: path.join(SHOTS, 'select-en.png') });
    await page.close();
  });

  it('plays the tutorial by keyboard to a debrief whose total is the engine’s score', async () => {
    const page = await openTitle();
    await page.keyboard.press('t'); // answer timers off: the total must not depend on how fast the test types
    await waitForScreen(page, 'title');
    await startScenario(page, 'tutorial-first-call');
    await waitForChoices(page);
    await page.waitForTimeout(200);
    expect(await pixelSpread(page)).toBeGreaterThan(10);
    await page.screenshot({ path: path.join(SHOTS, 'call-en.png') });

    const events = recordedBest('tutorial-first-call');
    await playByKeyboard(page, events);
    const total = Number(
      await page.$eval(
        '#mirror [role="status"]',
        (status) => (status as HTMLElement).dataset.total,
      ),
    );
    const scenario = loadShipped(path.join(SCENARIO_DIR, 'tutorial-first-call.yaml'));
    const expected = scoreTranscript(
      scenario,
      transcriptOf(
        scenario,
        events.map((event) => ({ ...event, elapsedMs: 0 })),
        { timed: false },
      ),
    );
    expect(expected.ok && expected.scorecard.total).toBe(total);
    await page.waitForTimeout(200);
    await page.screenshot({ path: path.join(SHOTS, 'debrief-en.png') });

    // The call is kept in IndexedDB: a reload finds it in the history.
    await page.reload();
    await waitForScreen(page, 'title');
    await page.keyboard.press('h');
    await waitForScreen(page, 'history');
    await page.waitForSelector('#mirror [role="status"][data-calls="1"]');
    await page.waitForTimeout(300);
    expect(await pixelSpread(page)).toBeGreaterThan(10);
    await page.screenshot({ path: path.join(SHOTS, 'history-en.png') });
    await page.close();
  });

  it('plays another call by keyboard, switching to Chinese mid-call, to the engine’s score', async () => {
    const page = await openTitle();
    await page.keyboard.press('t');
    await waitForScreen(page, 'title');
    await startScenario(page, 'same-defect-again');
    await waitForChoices(page);
    const events = recordedBest('same-defect-again');
    const [first, ...rest] = events;
    if (!first) throw new Error('empty best path');
    await playByKeyboard(page, [first], { toDebrief: false });
    await page.waitForSelector('#mirror button[data-choice-id]');
    await page.keyboard.press('l'); // the same call, now in Simplified Chinese
    await page.waitForFunction(() =>
      /[\u4e00-\u9fff]/.test(document.querySelector('#mirror [aria-live]')?.textContent ?? ''),
    );
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(SHOTS, 'call-switched-zh-Hans.png') });
    await playByKeyboard(page, rest);
    const total = Number(
      await page.$eval(
        '#mirror [role="status"]',
        (status) => (status as HTMLElement).dataset.total,
      ),
    );
    expect(total).toBe(expectedTotal('same-defect-again', events));
    await page.close();
  });

  it('plays a call by mouse on the canvas to a debrief whose total is the engine’s score', async () => {
    const page = await openTitle();
    await page.keyboard.press('t');
    await waitForScreen(page, 'title');
    await startScenario(page, 'charged-twice');
    await waitForChoices(page);
    const events = recordedBest('charged-twice');
    await playByMouse(page, events);
    const total = Number(
      await page.$eval(
        '#mirror [role="status"]',
        (status) => (status as HTMLElement).dataset.total,
      ),
    );
    expect(total).toBe(expectedTotal('charged-twice', events));
    await page.keyboard.press('t');
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(SHOTS, 'debrief-transcript-en.png') });
    await page.close();
  });

  it('sends silence when the answer time runs out', async () => {
    const page = await game.browser.newPage({ viewport: { width: 1280, height: 720 } });
    // Keep every line the mirror announces: the silence shows for a moment, then the call goes on.
    await page.addInitScript(() => {
      const heard: string[] = [];
      (window as unknown as { heard: string[] }).heard = heard;
      new MutationObserver(() => {
        const line = document.querySelector('#mirror [aria-live]')?.textContent ?? '';
        if (line && heard.at(-1) !== line) heard.push(line);
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    await page.clock.install();
    await page.goto(game.url);
    await waitForScreen(page, 'title');
    await startScenario(page, 'tutorial-first-call');
    const scenario = loadShipped(path.join(SCENARIO_DIR, 'tutorial-first-call.yaml'));
    const heard = () => page.evaluate(() => (window as unknown as { heard: string[] }).heard);
    // Jump fake time (running every frame of 30 s would take minutes), then let a few frames run.
    const jump = async (ms: number) => {
      await page.clock.fastForward(ms);
      await page.clock.runFor(200);
    };
    await page.clock.runFor(4_000); // the ring and the pick-up, frame by frame (Phaser timers)
    await waitForChoices(page);
    await jump(20_000); // the first line is typed out; the answer clock starts
    await jump((scenario.timeLimit - 3) * 1000);
    expect((await heard()).some((line) => line.startsWith('[You said nothing.]'))).toBe(false);
    await jump(4_000);
    expect((await heard()).some((line) => line.startsWith('[You said nothing.]'))).toBe(true);
    await page.close();
  });

  it('has no serious or critical accessibility violations on the title, the call and the debrief', async () => {
    const page = await openTitle();
    const audit = async () => {
      await page.addScriptTag({ path: path.join(ROOT, 'node_modules/axe-core/axe.min.js') });
      const results = await page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: {
              run: (
                context: Document,
              ) => Promise<{ violations: { id: string; impact: string | null }[] }>;
            };
          }
        ).axe;
        return (await axe.run(document)).violations.map((violation) => ({
          id: violation.id,
          impact: violation.impact,
        }));
      });
      return results.filter(
        (violation) => violation.impact === 'serious' || violation.impact === 'critical',
      );
    };
    expect(await audit()).toEqual([]);
    await page.keyboard.press('t');
    await startScenario(page, 'tutorial-first-call');
    await waitForChoices(page);
    expect(await audit()).toEqual([]);
    await playByKeyboard(page, recordedBest('tutorial-first-call'));
    expect(await audit()).toEqual([]);
    await page.close();
  });

  it('fits a phone-sized touch screen and answers to a tap', async () => {
    const context = await game.browser.newContext({
      viewport: { width: 740, height: 360 },
      hasTouch: true,
      isMobile: true,
    });
    const page = await context.newPage();
    await page.goto(game.url);
    await waitForScreen(page, 'title');
    const canvas = await page.$('canvas');
    const box = await canvas?.boundingBox();
    expect(box && box.width <= 740 && box.height <= 360).toBe(true);
    if (!box) return;
    const scale = box.width / 1280;
    await page.touchscreen.tap(box.x + 640 * scale, box.y + 320 * scale); // "Play a call"
    await waitForScreen(page, 'select');
    await page.touchscreen.tap(box.x + 345 * scale, box.y + 168 * scale); // the first call's card
    await waitForScreen(page, 'call');
    await waitForChoices(page);
    await page.waitForTimeout(300);
    expect(await pixelSpread(page)).toBeGreaterThan(10);
    await page.screenshot({ path: path.join(SHOTS, 'call-phone.png') });
    await context.close();
  });

  it('switches to Chinese and shows the call in Chinese', async () => {
    const page = await openTitle();
    await page.keyboard.press('l');
    await page.waitForFunction(
      () => document.querySelector('#mirror h1')?.textContent === '客服道场',
    );
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(SHOTS, 'title-zh-Hans.png') });
    await page.keyboard.press('1'); // the menu's first entry: play a call
    await waitForScreen(page, 'select');
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(SHOTS, 'select-zh-Hans.png') });
    await page.keyboard.press('1');
    await waitForScreen(page, 'call');
    await waitForChoices(page);
    await page.waitForTimeout(300);
    expect(await page.$eval('#mirror [aria-live]', (line) => line.textContent)).toMatch(
      /[\u4e00-\u9fff]/,
    );
    await page.screenshot({ path: path.join(SHOTS, 'call-zh-Hans.png') });
    await page.close();
  });
});
