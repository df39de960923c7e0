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
async function playByKeyboard(page: Page, events: readonly CallEvent[]): Promise<void> {
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
  await page.waitForSelector('#mirror button:not([data-choice-id])');
  await page.keyboard.press('Space');
  await waitForScreen(page, 'debrief');
}

describe('the game in Chromium', () => {
  it('draws the title screen with every shipped scenario', async () => {
    const page = await openTitle();
    await page.waitForTimeout(300);
    expect(await pixelSpread(page)).toBeGreaterThan(10);
    const listed = await page.$$eval('#mirror button[data-scenario-id]', (buttons) =>
      buttons.map((button) => (button as HTMLElement).dataset.scenarioId),
    );
    const shipped = (await import('node:fs'))
      .readdirSync(SCENARIO_DIR)
      .filter((name) => name.endsWith('.yaml'))
      .map((name) => name.replace('.yaml', ''));
    expect([...listed].sort()).toEqual([...shipped].sort());
    await page.screenshot({ path: path.join(SHOTS, 'title-en.png') });
    await page.close();
  });

  it('plays the tutorial by keyboard to a debrief whose total is the engine’s score', async () => {
    const page = await openTitle();
    await page.keyboard.press('t'); // answer timers off: the total must not depend on how fast the test types
    await waitForScreen(page, 'title');
    const ids = await page.$$eval('#mirror button[data-scenario-id]', (buttons) =>
      buttons.map((button) => (button as HTMLElement).dataset.scenarioId),
    );
    await page.keyboard.press(String(ids.indexOf('tutorial-first-call') + 1));
    await waitForScreen(page, 'call');
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
    await page.close();
  });

  it('switches to Chinese and shows the call in Chinese', async () => {
    const page = await openTitle();
    await page.keyboard.press('l');
    await page.waitForFunction(
      () => document.querySelector('#mirror h1')?.textContent === '客服道场',
    );
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(SHOTS, 'title-zh-Hans.png') });
    await page.keyboard.press('1');
    await waitForScreen(page, 'call');
    await page.waitForTimeout(300);
    expect(await page.$eval('#mirror [aria-live]', (line) => line.textContent)).toMatch(
      /[\u4e00-\u9fff]/,
    );
    await page.screenshot({ path: path.join(SHOTS, 'call-zh-Hans.png') });
    await page.close();
  });
});
