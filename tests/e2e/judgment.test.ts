import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CallEventType, scoreTranscript } from '../../src/engine/index.ts';
import type { Scenario } from '../../src/engine/index.ts';
import { ROOT } from '../support/fixtures.ts';
import { loadShipped, shippedScenarioFiles } from '../support/library.ts';
import { serveGame, waitForScreen } from '../support/browser.ts';
import type { ServedGame } from '../support/browser.ts';
import { transcriptOf } from '../support/transcripts.ts';

const SHOTS = path.join(ROOT, 'tests/e2e/__output__');
/** "Well under 60": what a trainee who presses one key without reading may score on average. */
const KEY_PRESSER_MEAN_AT_MOST = 45;

let game: ServedGame;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  game = await serveGame();
}, 120_000);

afterAll(async () => {
  await game.close();
});

interface KeyCall {
  readonly total: number;
  /** The choice ids on screen at each turn, in the order shown. */
  readonly shown: readonly (readonly string[])[];
  readonly pressed: readonly string[];
}

/** From the title, starts `id` by clicking its card's mirror button (no paging needed). */
async function start(page: Page, id: string): Promise<void> {
  await page.keyboard.press('Enter');
  await waitForScreen(page, 'select');
  // The mirror's own button (the canvas draws the card on top of it): the select screen's keyboard
  // paging is tested elsewhere.
  await page.$eval(`#mirror button[data-scenario-id="${id}"]`, (button) => {
    (button as HTMLButtonElement).click();
  });
  await waitForScreen(page, 'call');
}

/** Plays a whole call pressing the same number key at every turn (the last answer if fewer). */
async function pressAtEveryTurn(page: Page, scenario: Scenario, key: number): Promise<KeyCall> {
  const shown: string[][] = [];
  const pressed: string[] = [];
  for (let turn = 0; turn < 60; turn += 1) {
    await page.waitForSelector('#mirror button[data-choice-id]', { timeout: 15_000 });
    const ids = await page.$$eval('#mirror button[data-choice-id]', (buttons) =>
      buttons.map((button) => (button as HTMLElement).dataset.choiceId ?? ''),
    );
    const position = Math.min(key, ids.length);
    shown.push(ids);
    pressed.push(ids[position - 1] ?? '');
    await page.keyboard.press(String(position));
    await page.waitForSelector('#mirror button:not([data-choice-id])');
    const state = await page.$eval(
      '#mirror [role="status"]',
      (status) => (status as HTMLElement).dataset.state ?? '',
    );
    await page.keyboard.press('Space');
    if (Object.hasOwn(scenario.endings, state)) {
      // The customer's closing line, then the debrief.
      await page.waitForSelector('#mirror button:not([data-choice-id])');
      await page.keyboard.press('Space');
      await waitForScreen(page, 'debrief');
      const total = Number(
        await page.$eval(
          '#mirror [role="status"]',
          (status) => (status as HTMLElement).dataset.total,
        ),
      );
      return { total, shown, pressed };
    }
  }
  throw new Error(`${scenario.id}: the call did not end`);
}

describe('answering without judgment, in Chromium', { timeout: 300_000 }, () => {
  it('pressing 1, 2 or 3 at every turn of every shipped scenario scores well under 60 on average; the keys follow the shuffled order', async () => {
    const page = await game.browser.newPage({ viewport: { width: 1280, height: 720 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(game.url);
    await waitForScreen(page, 'title');
    await page.keyboard.press('t'); // timers off: the totals must not depend on the test's speed
    const calls: { id: string; key: number; call: KeyCall }[] = [];
    const scenarios = shippedScenarioFiles().map(loadShipped);
    for (const [index, scenario] of scenarios.entries()) {
      const key = (index % 3) + 1;
      await start(page, scenario.id);
      const call = await pressAtEveryTurn(page, scenario, key);
      calls.push({ id: scenario.id, key, call });
      // The debrief's total is the engine's score of the answers the keys picked: the number
      // keys chose the answer shown at that position, whatever the file's order.
      const events = call.pressed.map((choiceId) => ({
        type: CallEventType.choose,
        choiceId,
        elapsedMs: 0,
      }));
      const expected = scoreTranscript(scenario, transcriptOf(scenario, events, { timed: false }));
      expect(expected.ok && expected.scorecard.total, scenario.id).toBe(call.total);
      if (index === 0) await page.screenshot({ path: path.join(SHOTS, 'debrief-key-presser.png') });
      await page.keyboard.press('Enter');
      await waitForScreen(page, 'title');
    }
    const mean = calls.reduce((sum, entry) => sum + entry.call.total, 0) / calls.length;
    console.info(
      `key presser: ${calls.map((entry) => `${entry.id} [${String(entry.key)}] ${String(entry.call.total)}`).join(', ')}; mean ${mean.toFixed(1)}`,
    );
    expect(mean).toBeLessThanOrEqual(KEY_PRESSER_MEAN_AT_MOST);
    // Shuffled: the answer a file lists first is not always the one shown first.
    const turns = calls.flatMap(({ id, call }) => {
      const scenario = scenarios.find((candidate) => candidate.id === id);
      return call.shown.map((ids) => {
        const node = Object.values(scenario?.nodes ?? {}).find((candidate) =>
          candidate.choices.some((choice) => choice.id === ids[0]),
        );
        return node?.choices[0]?.id === ids[0];
      });
    });
    expect(turns.filter((fileFirst) => !fileFirst).length).toBeGreaterThan(turns.length / 3);
    expect(errors).toEqual([]);
    await page.close();
  });
});
