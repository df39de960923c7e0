import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveGame, waitForScreen } from '../support/browser.ts';
import type { ServedGame } from '../support/browser.ts';

/** How long a new hire may read the call list or a debrief before playing on. */
const READING_MS = 40_000;

let game: ServedGame;

beforeAll(async () => {
  game = await serveGame();
}, 120_000);

afterAll(async () => {
  await game.close();
});

/** Starts a call from the select screen by its mirror button and waits for its first answers. */
async function startAndWaitForAnswers(page: Page, id: string): Promise<string> {
  await page.$eval(`#mirror button[data-scenario-id="${id}"]`, (button) => {
    (button as HTMLButtonElement).click();
  });
  await waitForScreen(page, 'call');
  await page.waitForSelector('#mirror button[data-choice-id]', { timeout: 30_000 });
  return page.$eval('#mirror [aria-live]', (live) => live.textContent);
}

describe('the answer clock, in Chromium', { timeout: 240_000 }, () => {
  it('never counts reading time: after 40 s on the call list or a debrief, the first turn waits for an answer', async () => {
    const page = await game.browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(game.url);
    await waitForScreen(page, 'title');
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'select');
    // Answer timers are on (the default): a clock that ran while the list was read would time
    // the first answer out before the customer had spoken.
    await page.waitForTimeout(READING_MS);
    const opening = await startAndWaitForAnswers(page, 'charged-twice');
    expect(opening).not.toContain('[You said nothing.]');
    expect(opening).toContain('Lin Hui');
    const first = await page.$$eval('#mirror button[data-choice-id]', (buttons) =>
      buttons.map((button) => (button as HTMLElement).dataset.choiceId),
    );
    expect(first).toContain('open-listen');
    // The state is still the opening node: nothing was answered for the player.
    expect(
      await page.$eval(
        '#mirror [role="status"]',
        (status) => (status as HTMLElement).dataset.state,
      ),
    ).toBe('open');

    // Play to the debrief (the worst answers end it fast), read it, and start another call.
    await page.keyboard.press(String(first.indexOf('open-data') + 1));
    for (let turn = 0; turn < 10; turn += 1) {
      await page.waitForSelector('#mirror button:not([data-choice-id])');
      await page.keyboard.press('Space');
      const screen = await page.$eval(
        '#mirror',
        (mirror) => (mirror as HTMLElement).dataset.screen,
      );
      if (screen === 'debrief') break;
      const ids = await page.$$eval('#mirror button[data-choice-id]', (buttons) =>
        buttons.map((button) => (button as HTMLElement).dataset.choiceId),
      );
      if (ids.length > 0) await page.keyboard.press('1');
    }
    await waitForScreen(page, 'debrief');
    await page.waitForTimeout(READING_MS);
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'title');
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'select');
    const again = await startAndWaitForAnswers(page, 'tutorial-first-call');
    expect(again).not.toContain('[You said nothing.]');
    expect(
      await page.$eval(
        '#mirror [role="status"]',
        (status) => (status as HTMLElement).dataset.state,
      ),
    ).toBe('open');
    await page.close();
  });
});
