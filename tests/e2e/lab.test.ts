import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pixelSpread, serveGame, waitForScreen } from '../support/browser.ts';
import type { ServedGame } from '../support/browser.ts';
import { ROOT, editedMiniCall, lineOf } from '../support/fixtures.ts';

const SHOTS = path.join(ROOT, 'tests/e2e/__output__');
let game: ServedGame;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  game = await serveGame();
}, 120_000);

afterAll(async () => {
  await game.close();
});

/** The mini call with one misspelt target: the loader must point at that very line. */
const BROKEN = editedMiniCall(
  '{ goto: sorry }]\n      - id: listen',
  '{ goto: sorrry }]\n      - id: listen',
);
const BROKEN_LINE = lineOf(BROKEN, 'goto: sorrry');

/** Pastes text over the whole document, as a trainer would with Ctrl+A, Ctrl+V. */
async function pasteOverAll(page: Page, text: string): Promise<void> {
  await page.click('#lab .cm-content');
  await page.keyboard.press('Control+A');
  await page.evaluate((pasted) => {
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    document
      .querySelector('#lab .cm-content')
      ?.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
  }, text);
}

async function editorText(page: Page): Promise<string> {
  return page.$$eval('#lab .cm-line', (lines) => lines.map((line) => line.textContent).join('\n'));
}

/** Top of the gutter row that shows a line number, and of the lint gutter's error marker. */
async function gutterTops(page: Page, line: number): Promise<{ number: number; marker: number[] }> {
  return page.evaluate((wanted) => {
    const number = [...document.querySelectorAll('#lab .cm-lineNumbers .cm-gutterElement')].find(
      (element) => element.textContent === String(wanted),
    );
    const markers = [...document.querySelectorAll('#lab .cm-gutter-lint .cm-gutterElement')].filter(
      (element) => element.querySelector('.cm-lint-marker-error'),
    );
    return {
      number: number?.getBoundingClientRect().top ?? -1,
      marker: markers.map((element) => element.getBoundingClientRect().top),
    };
  }, line);
}

/** Clicks a DOM mirror button (visually hidden, so by the DOM, as assistive tech would). */
async function pressMirror(page: Page, selector: string): Promise<void> {
  await page.waitForSelector(selector, { state: 'attached', timeout: 15_000 });
  await page.$eval(selector, (button) => {
    (button as HTMLButtonElement).click();
  });
}

describe('the Scenario Lab in Chromium', { timeout: 60_000 }, () => {
  it('marks a pasted error on its line, plays the fixed file from a middle node, keeps the draft', async () => {
    const page = await game.browser.newPage({ viewport: { width: 1280, height: 720 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${game.url}?lab`);
    await page.waitForSelector('#lab[data-ready] .cm-content', { timeout: 20_000 });
    await waitForScreen(page, 'lab');
    await page.waitForSelector('#lab .lab-status[data-state="valid"]');
    await page.waitForSelector('#lab .lab-explorer[data-state="done"]', { timeout: 15_000 });
    await page.screenshot({ path: path.join(SHOTS, 'lab-template-en.png') });

    // Paste a broken scenario: the error is listed and marked in the lint gutter at its line.
    await pasteOverAll(page, BROKEN);
    await page.waitForSelector('#lab .lab-status[data-state="problems"]');
    const problem = await page.$eval('#lab .lab-problem[data-code="badReference"]', (element) => ({
      line: Number((element as HTMLElement).dataset.line),
      text: element.textContent,
    }));
    expect(problem.line).toBe(BROKEN_LINE);
    expect(problem.text).toContain('sorrry');
    // The problem takes the editor to its line: the gutter marks it there.
    await page.click('#lab .lab-problem[data-code="badReference"]');
    await page.waitForSelector('#lab .cm-gutter-lint .cm-lint-marker-error');
    const tops = await gutterTops(page, BROKEN_LINE);
    expect(tops.number).toBeGreaterThan(0);
    expect(tops.marker.some((top) => Math.abs(top - tops.number) < 2)).toBe(true);
    expect(
      await page.$$eval('#lab .cm-lintRange-error', (ranges) => ranges.map((r) => r.textContent)),
    ).toContain('sorrry');
    await page.screenshot({ path: path.join(SHOTS, 'lab-error-en.png') });

    // Fix it: the cursor is at the misspelt word; select it and retype it. (Typing h, s or b
    // here must not reach the game's title behind the Lab.)
    await page.keyboard.press('Control+Shift+ArrowRight');
    await page.keyboard.type('sorry');
    await page.waitForSelector('#lab .lab-status[data-state="valid"]');
    await page.waitForSelector('#lab .lab-explorer[data-state="done"]', { timeout: 15_000 });
    expect(await editorText(page)).toContain('{ goto: sorry }]\n      - id: listen');
    const best = Number(
      await page.$eval(
        '#lab [data-score="best"]',
        (element) => (element as HTMLElement).dataset.total,
      ),
    );
    expect(best).toBeGreaterThan(0);
    await page.waitForSelector('#lab-save[data-state="saved"]');
    await page.screenshot({ path: path.join(SHOTS, 'lab-valid-en.png') });
    await page.$eval('#lab .lab-side', (side) => {
      side.scrollTop = side.scrollHeight;
    });
    await page.screenshot({ path: path.join(SHOTS, 'lab-explorer-en.png') });

    // Play from the middle node `offer`, with trust high enough to reach the follow-up.
    await page.click('#lab [data-node-id="offer"]');
    expect(
      await page.$eval('#lab-play-node', (select) => (select as HTMLSelectElement).value),
    ).toBe('offer');
    await page.fill('#lab-play-anger', '30');
    await page.fill('#lab-play-trust', '45');
    await page.click('#lab-play-button');
    await waitForScreen(page, 'call');
    expect(await page.isHidden('#lab')).toBe(true);
    await page.waitForSelector('#mirror button[data-choice-id]', {
      state: 'attached',
      timeout: 15_000,
    });
    // The offer node's two answers, in the shuffled order of this playtest's seed.
    expect(
      (
        await page.$$eval('#mirror button[data-choice-id]', (buttons) =>
          buttons.map((button) => (button as HTMLElement).dataset.choiceId ?? ''),
        )
      ).sort(),
    ).toEqual(['refund-today', 'voucher']);
    await page.waitForTimeout(300);
    expect(await pixelSpread(page)).toBeGreaterThan(10);
    await page.screenshot({ path: path.join(SHOTS, 'lab-play-offer-en.png') });
    await pressMirror(page, '#mirror button[data-choice-id="refund-today"]');
    await pressMirror(page, '#mirror button:not([data-choice-id])');
    await page.waitForSelector('#mirror [role="status"][data-state="followup"]', {
      state: 'attached',
    });
    await pressMirror(page, '#mirror button[data-choice-id="call-back"]');
    await pressMirror(page, '#mirror button:not([data-choice-id])');
    await page.waitForSelector('#mirror [role="status"][data-state="resolvedWithFollowUp"]', {
      state: 'attached',
    });
    await page.screenshot({ path: path.join(SHOTS, 'lab-play-ending-en.png') });
    await pressMirror(page, '#mirror button:not([data-choice-id])');

    // Back in the Lab with the draft as it was.
    await waitForScreen(page, 'lab');
    await page.waitForSelector('#lab:not([hidden]) .cm-content');
    expect(await editorText(page)).toContain('{ goto: sorry }]\n      - id: listen');

    // Reload: the draft is still there, in IndexedDB.
    await page.reload();
    await page.waitForSelector('#lab[data-ready] .cm-content', { timeout: 20_000 });
    await page.waitForSelector('#lab .lab-status[data-state="valid"]');
    const reloaded = await editorText(page);
    expect(reloaded).toContain('title: { en: Mini call, zh-Hans: 小电话 }');
    expect(reloaded).toContain('{ goto: sorry }]\n      - id: listen');
    expect(
      await page.$$eval('#lab-drafts [aria-current="true"]', (current) => current.length),
    ).toBe(1);
    await page.screenshot({ path: path.join(SHOTS, 'lab-reloaded-en.png') });
    expect(errors).toEqual([]);
    await page.close();
  });
});
