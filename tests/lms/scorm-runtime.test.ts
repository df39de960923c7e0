import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLmsWeb } from '../../src/build/lms/build.ts';
import { resolveOptions } from '../../src/build/lms/options.ts';
import { PACKAGE_FILES, writePackages } from '../../src/build/lms/package.ts';
import { LMS_STANDARDS } from '../../src/lms/package-config.ts';
import type { CallEvent, Transcript } from '../../src/engine/index.ts';
import { CHROMIUM, CHROMIUM_ARGS } from '../support/browser.ts';
import { ROOT } from '../support/fixtures.ts';
import { TRANSCRIPT_DIR } from '../support/library.ts';
import { startLmsHost } from './lms-host.ts';
import type { LmsHost } from './lms-host.ts';
import { unzip } from './support.ts';

const WORK = path.join(ROOT, 'node_modules/.cache/lms-test');
const SCENARIOS = ['tutorial-first-call', 'follow-up-call'] as const;
/** Answers given before the learner "closes the window" in the second call. */
const LEFT_AFTER = 2;

/** How each SCORM version names its runtime, and where its data model keeps what we check. */
const RUNTIMES = {
  scorm12: {
    global: 'API',
    create: 'Scorm12API',
    resume: (suspend: string) => ({
      suspend_data: suspend,
      core: { entry: 'resume', lesson_status: 'incomplete' },
      student_data: { mastery_score: '50' },
    }),
    read: (cmi: Cmi12) => ({
      raw: Number(cmi.core.score.raw),
      status: cmi.core.lesson_status,
      passed: cmi.core.lesson_status === 'passed',
      interactions: Object.values(cmi.interactions.childArray ?? cmi.interactions),
      suspend: cmi.suspend_data,
      objectives: Object.values(cmi.objectives.childArray ?? cmi.objectives),
      exit: cmi.core.exit,
    }),
  },
  scorm2004: {
    global: 'API_1484_11',
    create: 'Scorm2004API',
    resume: (suspend: string) => ({
      suspend_data: suspend,
      entry: 'resume',
      completion_status: 'incomplete',
      scaled_passing_score: '0.5',
    }),
    read: (cmi: Cmi2004) => ({
      raw: Number(cmi.score.scaled) * 100,
      status: cmi.completion_status,
      passed: cmi.success_status === 'passed',
      interactions: Object.values(cmi.interactions.childArray ?? cmi.interactions),
      suspend: cmi.suspend_data,
      objectives: Object.values(cmi.objectives.childArray ?? cmi.objectives),
      exit: cmi.exit,
    }),
  },
} as const;
type Standard = keyof typeof RUNTIMES;

interface Interaction {
  id: string;
  type: string;
  result: string;
  latency: string;
  student_response?: string;
  learner_response?: string;
}
type List<T> = Record<string, T> & { childArray?: T[] };
interface Cmi12 {
  core: { score: { raw: string }; lesson_status: string; exit: string };
  interactions: List<Interaction>;
  objectives: List<{ id: string }>;
  suspend_data: string;
}
interface Cmi2004 {
  score: { scaled: string };
  completion_status: string;
  success_status: string;
  interactions: List<Interaction>;
  objectives: List<{ id: string }>;
  suspend_data: string;
  exit: string;
}

let host: LmsHost;
let browser: Browser;

beforeAll(async () => {
  rmSync(WORK, { recursive: true, force: true });
  const web = path.join(WORK, 'web');
  // One Vite build for every package of this file.
  await buildLmsWeb(web);
  const options = resolveOptions(
    ['--scenarios', SCENARIOS.join(','), '--timers', 'off', '--out', path.join(WORK, 'zips')],
    ROOT,
  );
  writePackages(web, options);
  const folders: Record<string, string> = {};
  for (const standard of LMS_STANDARDS) {
    const folder = path.join(WORK, standard);
    for (const [name, data] of Object.entries(
      unzip(path.join(WORK, 'zips', PACKAGE_FILES[standard])),
    )) {
      mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
      writeFileSync(path.join(folder, name), data);
    }
    folders[standard] = folder;
  }
  host = await startLmsHost(folders);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}, 120_000);

afterAll(async () => {
  await browser.close();
  await host.close();
});

function bestEvents(id: string): CallEvent[] {
  const fixture = JSON.parse(readFileSync(path.join(TRANSCRIPT_DIR, id, 'best.json'), 'utf8')) as {
    transcript: Transcript;
  };
  return fixture.transcript.events;
}

/** Opens the LMS page, puts the runtime on it (with saved data) and launches the package in a frame. */
async function launch(page: Page, standard: Standard, saved?: object): Promise<Frame> {
  await page.goto(`${host.url}/host.html`);
  const { global, create } = RUNTIMES[standard];
  await page.evaluate(
    ({ global, create, saved, src }) => {
      const scope = window as unknown as Record<string, unknown>;
      const Api = scope[create] as new (settings: object) => { loadFromJSON(json: object): void };
      const api = new Api({ logLevel: 5, autocommit: false });
      if (saved) api.loadFromJSON(saved);
      scope[global] = api;
      const frame = document.createElement('iframe');
      frame.src = src;
      frame.style.cssText = 'width:1280px;height:720px;border:0';
      document.body.append(frame);
    },
    { global, create, saved, src: `/pkg/${standard}/index.html` },
  );
  const frame = await waitForFrame(page, standard);
  return frame;
}

async function waitForFrame(page: Page, standard: Standard): Promise<Frame> {
  for (let tries = 0; tries < 100; tries += 1) {
    const frame = page.frames().find((candidate) => candidate.url().includes(`/pkg/${standard}/`));
    if (frame) return frame;
    await page.waitForTimeout(50);
  }
  throw new Error('the package frame never loaded');
}

/** The learner closes the window: the frame unloads, and the game finishes the LMS session. */
async function leave(page: Page): Promise<void> {
  await page.evaluate(() => {
    document.querySelector('iframe')?.remove();
  });
}

async function readCmi(page: Page, standard: Standard) {
  const cmi = (await page.evaluate(
    (global) =>
      JSON.parse(
        JSON.stringify((window as unknown as Record<string, { cmi: unknown }>)[global]?.cmi),
      ) as unknown,
    RUNTIMES[standard].global,
  )) as Cmi12 & Cmi2004;
  return RUNTIMES[standard].read(cmi);
}

const screen = (frame: Frame, name: string) =>
  frame.waitForSelector(`#mirror[data-screen="${name}"]`, { timeout: 15_000 });
const press = (frame: Frame, selector: string) =>
  frame.$eval(selector, (button) => {
    (button as HTMLElement).click();
  });

/** From the title to a call, through the select screen; returns the scenarios it listed. */
async function startCall(frame: Frame, id: string): Promise<string[]> {
  await screen(frame, 'title');
  // A course package has no Scenario Lab and no team drills on its title.
  const menu = await frame.$$eval('#mirror button[data-screen]', (buttons) =>
    buttons.map((button) => (button as HTMLElement).dataset.screen ?? ''),
  );
  expect(menu).toEqual(['select', 'history', 'settings']);
  // Nor a timers switch: the package decides the answer timers its scores depend on.
  await press(frame, '#mirror button[data-screen="settings"]');
  await screen(frame, 'settings');
  const settings = await frame.$$eval('#mirror button[data-setting]', (buttons) =>
    buttons.map((button) => (button as HTMLElement).dataset.setting ?? ''),
  );
  expect(settings).not.toContain('timers');
  expect(settings.length).toBeGreaterThan(3);
  await press(frame, '#mirror button:not([data-setting])');
  await screen(frame, 'title');
  await press(frame, '#mirror button[data-screen="select"]');
  await screen(frame, 'select');
  const listed = await frame.$$eval('#mirror button[data-scenario-id]', (buttons) =>
    buttons.map((button) => (button as HTMLElement).dataset.scenarioId ?? ''),
  );
  await press(frame, `#mirror button[data-scenario-id="${id}"]`);
  await screen(frame, 'call');
  // The phone rings: pick up.
  await frame.waitForSelector('#mirror button');
  if (!(await frame.$('#mirror button[data-choice-id]'))) await press(frame, '#mirror button');
  return listed;
}

/** Gives these answers through the DOM mirror, moving on after each. */
async function answer(frame: Frame, events: readonly CallEvent[]): Promise<void> {
  for (const event of events) {
    if (event.type !== 'CHOOSE') throw new Error('the recorded best path has no silence');
    await frame.waitForSelector(`#mirror button[data-choice-id="${event.choiceId}"]`);
    await press(frame, `#mirror button[data-choice-id="${event.choiceId}"]`);
    await frame.waitForSelector('#mirror button:not([data-choice-id])');
    await press(frame, '#mirror button:not([data-choice-id])');
  }
}

/** From the debrief back to the title: its last mirrored action. */
async function backToTitle(frame: Frame): Promise<void> {
  await frame.$$eval('#mirror button', (buttons) => {
    (buttons.at(-1) as HTMLElement | undefined)?.click();
  });
}

/** Moves on from the ending to the debrief, and reads the game's total there. */
async function debriefTotal(frame: Frame): Promise<number> {
  await screen(frame, 'debrief');
  const total = await frame.$eval('#mirror [data-total]', (status) =>
    Number((status as HTMLElement).dataset.total),
  );
  return total;
}

const SUSPEND_LIMIT = 4096;

describe(
  'SCORM packages in an LMS frame (scorm-again)',
  { timeout: 90_000, concurrent: true },
  () => {
    for (const standard of Object.keys(RUNTIMES) as Standard[]) {
      it(`${standard}: reports score, interactions and tips, and resumes a call left half-way`, async () => {
        const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
        const errors: string[] = [];
        page.on('pageerror', (error) => errors.push(error.message));

        // Launch 1: the first call, played to the end.
        const frame = await launch(page, standard);
        const first = bestEvents(SCENARIOS[0]);
        expect(await startCall(frame, SCENARIOS[0])).toEqual([...SCENARIOS]);
        await answer(frame, first);
        await frame.waitForSelector('#mirror button:not([data-choice-id])');
        await press(frame, '#mirror button:not([data-choice-id])');
        const firstTotal = await debriefTotal(frame);
        let cmi = await readCmi(page, standard);
        expect(cmi.raw).toBeCloseTo(firstTotal, 5);
        expect(cmi.status).toBe('incomplete');
        expect(cmi.interactions).toHaveLength(first.length);
        const [interaction] = cmi.interactions as Interaction[];
        expect(interaction?.id).toBe(`${SCENARIOS[0]}-a1-t1`);
        expect(interaction?.type).toBe('choice');
        expect(interaction?.student_response ?? interaction?.learner_response).toBe(
          (first[0] as { choiceId: string }).choiceId,
        );
        expect(['correct', 'wrong', 'incorrect', 'neutral']).toContain(interaction?.result);
        expect(interaction?.latency).toMatch(
          standard === 'scorm12' ? /^\d{2,4}:\d\d:\d\d(\.\d{1,2})?$/ : /^PT/,
        );
        expect(cmi.objectives.map((objective) => (objective as { id: string }).id)).toContain(
          'tip-sweetWords',
        );
        expect(cmi.suspend.length).toBeLessThanOrEqual(SUSPEND_LIMIT);

        // Still launch 1: back to the title, the second call, left after two answers.
        await backToTitle(frame);
        const second = bestEvents(SCENARIOS[1]);
        await startCall(frame, SCENARIOS[1]);
        await answer(frame, second.slice(0, LEFT_AFTER));
        const leftAt = await frame.$eval(
          '#mirror [data-state]',
          (status) => (status as HTMLElement).dataset.state,
        );
        await leave(page);
        cmi = await readCmi(page, standard);
        expect(cmi.exit).toBe('suspend');
        expect(cmi.interactions).toHaveLength(first.length + LEFT_AFTER);
        expect(cmi.suspend.length).toBeLessThanOrEqual(SUSPEND_LIMIT);

        // Launch 2: straight back into that call, at the same node; finish it.
        const resumed = await launch(page, standard, RUNTIMES[standard].resume(cmi.suspend));
        await screen(resumed, 'call');
        await resumed.waitForSelector('#mirror button[data-choice-id]');
        expect(
          await resumed.$eval(
            '#mirror [data-state]',
            (status) => (status as HTMLElement).dataset.state,
          ),
        ).toBe(leftAt);
        await answer(resumed, second.slice(LEFT_AFTER));
        await resumed.waitForSelector('#mirror button:not([data-choice-id])');
        await press(resumed, '#mirror button:not([data-choice-id])');
        const secondTotal = await debriefTotal(resumed);
        cmi = await readCmi(page, standard);
        expect(cmi.interactions).toHaveLength(second.length - LEFT_AFTER);
        expect(cmi.raw).toBeCloseTo((firstTotal + secondTotal) / 2, 1);
        expect(cmi.status).toBe(standard === 'scorm12' ? 'passed' : 'completed');
        expect(cmi.passed).toBe(true);
        expect(errors).toEqual([]);
        await page.close();
      });
    }
    it('cmi5: launches from the LMS URL and sends initialized, answered, completed, terminated', async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      const launchUrl = new URL(`${host.url}/pkg/cmi5/index.html`);
      for (const [key, value] of Object.entries({
        endpoint: `${host.url}/cmi5/xapi/`,
        fetch: `${host.url}/cmi5/fetch`,
        actor: JSON.stringify({ account: { homePage: 'https://lms.example', name: 'l-1' } }),
        registration: '9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d',
        activityId: 'urn:service-dojo:course:test/au',
      }))
        launchUrl.searchParams.set(key, value);
      await page.goto(launchUrl.toString());
      const frame = page.mainFrame();
      const first = bestEvents(SCENARIOS[0]);
      await startCall(frame, SCENARIOS[0]);
      await answer(frame, first);
      await frame.waitForSelector('#mirror button:not([data-choice-id])');
      await press(frame, '#mirror button:not([data-choice-id])');
      await debriefTotal(frame);
      // The learner closes the window: "terminated" goes out as the page unloads.
      await page.goto('about:blank');
      const verbs = () =>
        host.cmi5.statements.map((statement) => statement.verb.id.split('/').at(-1));
      for (let tries = 0; tries < 100 && !verbs().includes('terminated'); tries += 1)
        await new Promise((resolve) => setTimeout(resolve, 50));
      expect(verbs()[0]).toBe('initialized');
      expect(verbs().filter((verb) => verb === 'answered')).toHaveLength(first.length);
      // The call's "completed" only: the AU is not complete with one of its two calls played.
      expect(verbs().filter((verb) => verb === 'completed')).toHaveLength(1);
      expect(verbs().at(-1)).toBe('terminated');
      expect(host.cmi5.states.get('urn:service-dojo:state:progress')).toMatch(/suspendData/);
      expect(errors).toEqual([]);
      await page.close();
    });
  },
);
