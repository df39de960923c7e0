import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replay, scoreTranscript } from '../../src/engine/index.ts';
import type { Scenario, Transcript } from '../../src/engine/index.ts';
import {
  observeCalls,
  reportCallEnded,
  reportCallStarted,
  reportChoice,
} from '../../src/game/reporting.ts';
import { cmi5LaunchParameters } from '../../src/lms/cmi5/launch.ts';
import { Cmi5Target } from '../../src/lms/cmi5/target.ts';
import { LmsStandard } from '../../src/lms/package-config.ts';
import type { PackageConfig } from '../../src/lms/package-config.ts';
import { LmsTracker } from '../../src/lms/tracker.ts';
import { memoryStore } from '../../src/lms/xapi/queue.ts';
import type { IdentifiedStatement } from '../../src/lms/xapi/statements.ts';
import { SCENARIO_DIR, TRANSCRIPT_DIR, loadShipped } from '../support/library.ts';

const SCENARIO_ID = 'charged-twice';
const AU = 'urn:service-dojo:course:test/au';
const SESSION = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
const CMI5 = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
const MOVEON = 'https://w3id.org/xapi/cmi5/context/categories/moveon';
const ACTOR = { objectType: 'Agent', account: { homePage: 'https://lms.example', name: 'l-1' } };
const REGISTRATION = '9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d';

/** A cmi5 LMS's launch side: the fetch URL, the State API and the statements resource. */
const lms = {
  statements: [] as IdentifiedStatement[],
  states: new Map<string, string>(),
  auth: new Set<string>(),
  stateQueries: new Set<string>(),
  tokens: 0,
};
let server: Server;
let base = '';
let scenario: Scenario;
let transcript: Transcript;

beforeAll(async () => {
  lms.states.set(
    'LMS.LaunchData',
    JSON.stringify({
      contextTemplate: {
        extensions: { [SESSION]: 'session-1' },
        contextActivities: { grouping: [{ objectType: 'Activity', id: 'urn:publisher:course' }] },
      },
      launchMode: 'Normal',
      moveOn: 'CompletedAndPassed',
      masteryScore: 0.5,
    }),
  );
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://lms');
      if (url.pathname === '/fetch') {
        lms.tokens += 1;
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ 'auth-token': 'dG9rZW4=' }));
        return;
      }
      lms.auth.add(String(request.headers.authorization));
      if (url.pathname === '/xapi/activities/state') {
        lms.stateQueries.add(
          `${url.searchParams.get('activityId')} ${url.searchParams.get('registration')}`,
        );
        const id = url.searchParams.get('stateId') ?? '';
        if (request.method === 'GET') {
          const kept = lms.states.get(id);
          response.writeHead(kept ? 200 : 404, { 'content-type': 'application/json' });
          response.end(kept ?? '');
        } else {
          lms.states.set(id, body);
          response.writeHead(204).end();
        }
        return;
      }
      if (url.pathname === '/xapi/statements' && request.method === 'POST') {
        const parsed = JSON.parse(body) as IdentifiedStatement | IdentifiedStatement[];
        lms.statements.push(...(Array.isArray(parsed) ? parsed : [parsed]));
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end('[]');
        return;
      }
      response.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  scenario = loadShipped(path.join(SCENARIO_DIR, `${SCENARIO_ID}.yaml`));
  transcript = (
    JSON.parse(readFileSync(path.join(TRANSCRIPT_DIR, SCENARIO_ID, 'best.json'), 'utf8')) as {
      transcript: Transcript;
    }
  ).transcript;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => {
    server.close(() => {
      resolve();
    });
  });
});

const config: PackageConfig = {
  standard: LmsStandard.cmi5,
  id: 'test',
  activityId: 'urn:service-dojo:course:test',
  title: 'Test',
  scenarios: [SCENARIO_ID],
  masteryScore: 0.8,
  timers: false,
};

function launchSearch(): string {
  const params = new URLSearchParams({
    endpoint: `${base}/xapi/`,
    fetch: `${base}/fetch`,
    actor: JSON.stringify(ACTOR),
    registration: REGISTRATION,
    activityId: AU,
  });
  return `?${params.toString()}`;
}

const until = async (check: () => boolean) => {
  for (let tries = 0; tries < 300 && !check(); tries += 1)
    await new Promise((resolve) => setTimeout(resolve, 10));
};

/** Plays the recorded call through the game's reporting hook, as the scenes do. */
function playCall(): void {
  reportCallStarted(scenario, () => ({ ...transcript, events: [] }));
  const replayed = replay(scenario, transcript);
  if (!replayed.ok) throw new Error('the fixture does not replay');
  replayed.result.turns.forEach((turn, index) => {
    const sofar = { ...transcript, events: transcript.events.slice(0, index + 1) };
    reportChoice(
      scenario,
      turn.nodeId,
      () => sofar,
      () => {
        const scored = scoreTranscript(scenario, sofar);
        if (!scored.ok) throw new Error(scored.error.message);
        return scored.scorecard;
      },
    );
  });
  const scored = scoreTranscript(scenario, transcript);
  if (!scored.ok) throw new Error(scored.error.message);
  reportCallEnded(scenario, transcript, scored.scorecard);
}

describe('cmi5 launch and statements', () => {
  it('reads the launch URL, fetches the token and LaunchData, and sends the cmi5 statements', async () => {
    expect(cmi5LaunchParameters('?endpoint=x')).toBeNull();
    expect(Cmi5Target.fromLaunchUrl(config, launchSearch())).not.toBeNull();
    const launch = await new Cmi5Target(
      config,
      cmi5LaunchParameters(launchSearch()) ?? never(),
      memoryStore(),
    ).start();
    expect(launch).toMatchObject({ suspendData: '', masteryScore: 0.5, recording: true });
    expect(lms.auth).toEqual(new Set(['Basic dG9rZW4=']));
    await until(() => lms.statements.length === 1);
    lms.statements.length = 0;

    const cmi5 = new Cmi5Target(
      config,
      cmi5LaunchParameters(launchSearch()) ?? never(),
      memoryStore(),
    );
    const tracker = new LmsTracker(config, cmi5, await cmi5.start());
    const stops = [observeCalls(tracker), observeCalls(cmi5.reporter ?? never())];
    playCall();
    tracker.finish(65_000);
    for (const stop of stops) stop();
    const expected = 1 + transcript.events.length + 1 + 2 + 1;
    await until(() => lms.statements.length >= expected);

    const verbs = lms.statements.map((statement) => statement.verb.id.split('/').at(-1));
    expect(verbs[0]).toBe('initialized');
    expect(verbs.at(-1)).toBe('terminated');
    expect(verbs.filter((verb) => verb === 'answered')).toHaveLength(transcript.events.length);
    expect(verbs).toContain('passed');
    expect(new Set(lms.statements.map((statement) => statement.id)).size).toBe(expected);

    const defined = lms.statements.filter(
      (statement) => (statement.object as { id: string }).id === AU,
    );
    expect(defined.map((statement) => statement.verb.id.split('/').at(-1))).toEqual([
      'initialized',
      'completed',
      'passed',
      'terminated',
    ]);
    for (const statement of lms.statements) {
      expect(statement.context?.registration).toBe(REGISTRATION);
      expect(statement.context?.extensions?.[SESSION]).toBe('session-1');
      expect(statement.actor).toEqual(ACTOR);
      const categories = (statement.context?.contextActivities?.category ?? []) as { id: string }[];
      // cmi5-defined statements carry the cmi5 category; "cmi5 allowed" ones must not.
      expect(categories.some((category) => category.id === CMI5)).toBe(
        (statement.object as { id: string }).id === AU,
      );
    }
    const passed = defined.find((statement) => statement.verb.id.endsWith('/passed'));
    const scored = scoreTranscript(scenario, transcript);
    if (!scored.ok) throw new Error('unscorable');
    expect(passed?.result?.score?.scaled).toBe(scored.scorecard.total / 100);
    expect(passed?.result?.success).toBe(true);
    const passedCategories = passed?.context?.contextActivities?.category as { id: string }[];
    expect(passedCategories.map((category) => category.id)).toContain(MOVEON);
    expect(defined.at(-1)?.result?.duration).toBe('PT1M5S');

    expect(lms.stateQueries).toEqual(new Set([`${AU} ${REGISTRATION}`]));
    // The progress document is what a later launch resumes from.
    await cmi5.settled();
    const relaunch = await new Cmi5Target(
      config,
      cmi5LaunchParameters(launchSearch()) ?? never(),
      memoryStore(),
    ).start();
    expect(relaunch.suspendData).toMatch(/^2\|/);
    expect(relaunch.suspendData.split('|')[1]).toBe(scored.scorecard.total.toString(36));
  });
});

function never(): never {
  throw new Error('unexpected null');
}
