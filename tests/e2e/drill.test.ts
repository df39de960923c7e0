import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallEvent, Transcript } from '../../src/engine/index.ts';
import { startServer } from '../../src/server/index.ts';
import { CHROMIUM, CHROMIUM_ARGS, waitForScreen } from '../support/browser.ts';
import { ROOT } from '../support/fixtures.ts';
import { SCENARIO_DIR, TRANSCRIPT_DIR } from '../support/library.ts';

const SHOTS = path.join(ROOT, 'tests/e2e/__output__');
/** Its own build folder, so this file and game.test.ts can run side by side. */
const DIST = path.join(ROOT, 'node_modules/.cache/e2e-drill-dist');
const PASSPHRASE = 'a passphrase for the e2e trainer';
const SCENARIO = 'tutorial-first-call';

type Server = Awaited<ReturnType<typeof startServer>>;
let server: Server;
let port = 0;
let dataDir: string;
let browser: Browser;

async function start(): Promise<Server> {
  return startServer({
    port,
    host: '127.0.0.1',
    dataDir,
    staticDir: DIST,
    scenariosDir: SCENARIO_DIR,
    trainerPassphrase: PASSPHRASE,
    log: false,
  });
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  await build({ root: ROOT, logLevel: 'warn', build: { outDir: DIST, emptyOutDir: true } });
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'drill-e2e-'));
  server = await start();
  port = Number(new URL(server.url).port);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}, 180_000);

afterAll(async () => {
  await browser.close();
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function recorded(name: 'best' | 'mixed' | 'worst'): CallEvent[] {
  const file = path.join(TRANSCRIPT_DIR, SCENARIO, `${name}.json`);
  return (JSON.parse(readFileSync(file, 'utf8')) as { transcript: Transcript }).transcript.events;
}

async function newPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  (page as Page & { errors: string[] }).errors = errors;
  return page;
}

/** The trainer logs in on the dashboard and opens a drill of one scenario from the checklist. */
async function trainerCreatesDrill(trainer: Page): Promise<string> {
  await trainer.goto(`${server.url}/?trainer`);
  await trainer.getByLabel('Passphrase').fill(PASSPHRASE);
  await trainer.getByRole('button', { name: 'Log in' }).click();
  await trainer.getByLabel('From a list of scenarios').check();
  await trainer.getByLabel('Title', { exact: true }).fill('E2E drill');
  await trainer.locator(`input[name="scenario"][value="${SCENARIO}"]`).check();
  // Timers off: a slow machine must not turn an answer into silence.
  await trainer.getByLabel('Answer timers').uncheck();
  await trainer.getByRole('button', { name: 'Open the drill' }).click();
  const code = await trainer.locator('[data-join-code]').getAttribute('data-join-code');
  if (!code) throw new Error('no join code shown');
  return code;
}

/** A player opens the QR code's address and joins with a name, landing in the lobby. */
async function playerJoins(page: Page, code: string, name: string): Promise<void> {
  await page.goto(`${server.url}/?join=${code}`);
  await page.getByLabel('Display name').fill(name);
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  await waitForScreen(page, 'drillLobby');
}

/**
 * Plays the drill's next call by keyboard: the number key of each recorded choice, Space to move
 * on. `beforeEnding` runs after the last answer, before the call reaches its ending (and is sent).
 */
async function playNext(
  page: Page,
  events: readonly CallEvent[],
  beforeEnding: () => Promise<void> = () => Promise.resolve(),
): Promise<void> {
  await page.locator('[data-action="play-next"]').click();
  await waitForScreen(page, 'call');
  for (const [index, event] of events.entries()) {
    if (event.type !== 'CHOOSE') throw new Error('the recorded path has no silence');
    await page.waitForSelector('#mirror button[data-choice-id]', { timeout: 15_000 });
    const ids = await page.$$eval('#mirror button[data-choice-id]', (buttons) =>
      buttons.map((button) => (button as HTMLElement).dataset.choiceId),
    );
    expect(ids).toContain(event.choiceId);
    await page.keyboard.press(String(ids.indexOf(event.choiceId) + 1));
    await page.waitForSelector('#mirror button:not([data-choice-id])');
    if (index === events.length - 1) await beforeEnding();
    await page.keyboard.press('Space');
  }
  await page.waitForSelector('#mirror button:not([data-choice-id])');
  await page.keyboard.press('Space');
  await waitForScreen(page, 'debrief');
  await page.keyboard.press('Enter');
  await waitForScreen(page, 'drillLobby');
}

/** The board's rows as the trainer sees them: name and points, top first. */
async function boardRows(
  page: Page,
): Promise<{ name: string; total: number; completed: string }[]> {
  return page.$$eval('.drill-board tbody tr[data-player-id]', (rows) =>
    rows.map((row) => ({
      name: row.querySelector('.name')?.textContent ?? '',
      total: Number(row.querySelector('.total')?.textContent),
      completed: row.querySelector('td.completed')?.textContent ?? '',
    })),
  );
}

describe('team drills in Chromium', { timeout: 90_000 }, () => {
  let code = '';
  let trainerContext: BrowserContext;
  let trainer: Page;

  it('a trainer opens a drill, two players play it, and the board ranks them live', async () => {
    trainerContext = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    trainer = await newPage(trainerContext);
    code = await trainerCreatesDrill(trainer);
    expect(code).toMatch(/^[A-Z2-9]{6}$/);
    const boardUrlBefore = trainer.url();

    const players = await Promise.all(
      ['Mei', 'Ravi'].map(async () =>
        newPage(await browser.newContext({ viewport: { width: 1280, height: 720 } })),
      ),
    );
    const [mei, ravi] = players;
    if (!mei || !ravi) throw new Error('no players');
    await Promise.all([playerJoins(mei, code, 'Mei'), playerJoins(ravi, code, 'Ravi')]);
    await Promise.all([playNext(ravi, recorded('worst')), playNext(mei, recorded('best'))]);

    // Both results reached the trainer's board over server-sent events: no reload.
    // Both joined first (rows without results): wait until both results are on the board.
    await expect
      .poll(
        async () => (await boardRows(trainer)).filter((row) => row.completed === '1 / 1').length,
        { timeout: 15_000 },
      )
      .toBe(2);
    const rows = await boardRows(trainer);
    expect(rows.map((row) => row.name)).toEqual(['Mei', 'Ravi']);
    expect(rows[0]?.total).toBeGreaterThan(rows[1]?.total ?? Infinity);
    expect(trainer.url()).toBe(boardUrlBefore);

    // The lobby marks the call done and has nothing waiting.
    await expect.poll(() => mei.locator('[data-queue]').getAttribute('data-pending')).toBe('0');
    expect(await mei.locator(`li[data-scenario-id="${SCENARIO}"]`).getAttribute('data-done')).toBe(
      'true',
    );
    await trainer.waitForSelector('svg.chart');
    await trainer.screenshot({ path: path.join(SHOTS, 'drill-dashboard.png'), fullPage: true });
    await mei.screenshot({ path: path.join(SHOTS, 'drill-lobby.png') });

    const projector = await newPage(
      await browser.newContext({ viewport: { width: 1920, height: 1080 } }),
    );
    await projector.goto(`${server.url}/?board=${code}`);
    await expect.poll(() => boardRows(projector)).toHaveLength(2);
    await projector.screenshot({ path: path.join(SHOTS, 'drill-projector.png') });

    // Mei's rejoin link, opened on another device, restores her progress from the server and
    // drops the token from the address bar.
    const token = await mei.evaluate(
      (drill) => localStorage.getItem(`service-dojo.drill-token.${drill}`),
      code,
    );
    const otherDevice = await newPage(
      await browser.newContext({ viewport: { width: 1280, height: 720 } }),
    );
    await otherDevice.goto(`${server.url}/?join=${code}#token=${token ?? ''}`);
    await waitForScreen(otherDevice, 'drillLobby');
    await expect
      .poll(() =>
        otherDevice.locator(`li[data-scenario-id="${SCENARIO}"]`).getAttribute('data-done'),
      )
      .toBe('true');
    expect(otherDevice.url()).not.toContain('token');
    await expect(otherDevice.locator('#mirror [role="status"]').textContent()).resolves.toContain(
      'Mei',
    );

    for (const page of [trainer, mei, ravi, projector, otherDevice])
      expect((page as Page & { errors: string[] }).errors).toEqual([]);
  });

  it('keeps a result while the server is down and sends it once when it is back', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const chen = await newPage(context);
    await playerJoins(chen, code, 'Chen');
    // Any finished call will do (the mixed fixture lets the timer run out once: too slow here).
    await playNext(chen, recorded('worst'), async () => {
      await server.close();
    });
    await expect
      .poll(() => chen.locator('[data-queue]').getAttribute('data-pending'), { timeout: 10_000 })
      .toBe('1');
    await expect(chen.locator('[data-queue]').textContent()).resolves.toContain(
      '1 result waiting to be sent',
    );
    await chen.screenshot({ path: path.join(SHOTS, 'drill-lobby-waiting.png') });

    server = await start();
    // The browser says it is back online: the queue sends at once instead of waiting its backoff.
    await context.setOffline(true);
    await context.setOffline(false);
    await expect
      .poll(() => chen.locator('[data-queue]').getAttribute('data-pending'), { timeout: 20_000 })
      .toBe('0');
    await expect
      .poll(async () => (await boardRows(trainer)).map((row) => row.name), { timeout: 15_000 })
      .toContain('Chen');

    // Stored exactly once: the server holds one result for Chen.
    const token = await chen.evaluate(
      (drill) => localStorage.getItem(`service-dojo.drill-token.${drill}`),
      code,
    );
    const me = (await (
      await fetch(`${server.url}/api/me`, { headers: { authorization: `Bearer ${token ?? ''}` } })
    ).json()) as { results: unknown[] };
    expect(me.results).toHaveLength(1);
    expect((await boardRows(trainer)).find((row) => row.name === 'Chen')).toBeDefined();
  });
  it('refuses look-alike and mixed-alphabet names with the reason, and lets the trainer remove a player', async () => {
    const page = await newPage(await browser.newContext({ viewport: { width: 390, height: 844 } }));
    await page.goto(`${server.url}/?join=${code}`);
    const error = page.locator('.drill-overlay [role="alert"]');
    // A Cyrillic "е" inside a Latin name: refused in the form, before the server sees it.
    await page.getByLabel('Display name').fill('M\u0435i');
    await page.getByRole('button', { name: 'Join', exact: true }).click();
    await expect.poll(() => error.textContent()).toContain('mixes two alphabets');
    // Greek capitals that read "MEI": one alphabet, but the server finds Mei's look-alike.
    await page.getByLabel('Display name').fill('\u039c\u0395\u0399');
    await page.getByRole('button', { name: 'Join', exact: true }).click();
    await expect.poll(() => error.textContent()).toContain('looks like "Mei"');
    await page.screenshot({ path: path.join(SHOTS, 'drill-join-look-alike.png') });
    await page.getByLabel('Display name').fill('Troll');
    await page.getByRole('button', { name: 'Join', exact: true }).click();
    await waitForScreen(page, 'drillLobby');

    await expect
      .poll(async () => (await boardRows(trainer)).map((row) => row.name), { timeout: 15_000 })
      .toContain('Troll');
    await trainer.screenshot({ path: path.join(SHOTS, 'drill-dashboard-remove.png') });
    trainer.once('dialog', (dialog) => {
      expect(dialog.message()).toContain('Troll');
      void dialog.accept();
    });
    await trainer.getByRole('button', { name: 'Remove Troll from this drill' }).click();
    await expect
      .poll(async () => (await boardRows(trainer)).map((row) => row.name), { timeout: 15_000 })
      .not.toContain('Troll');
    expect((await boardRows(trainer)).map((row) => row.name)).toContain('Mei');
    expect((page as Page & { errors: string[] }).errors).toEqual([]);
  });
});
