import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import {
  CallEventType,
  offeredChoices,
  startCall,
  stateOf,
  step,
  timeLimitMs,
} from '../../src/engine/index.ts';
import type { CallEvent, Scenario } from '../../src/engine/index.ts';
import { ROOT, loadValid } from './fixtures.ts';
import { seededRandom } from '../../src/audio/random.ts';

export const SCENARIO_DIR = path.join(ROOT, 'scenarios');
export const TRANSCRIPT_DIR = path.join(SCENARIO_DIR, 'transcripts');

/** Every shipped scenario file (drills excluded). */
export function shippedScenarioFiles(): string[] {
  return readdirSync(SCENARIO_DIR)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => path.join(SCENARIO_DIR, name));
}

export function loadShipped(file: string): Scenario {
  return loadValid(readFileSync(file, 'utf8'), path.relative(ROOT, file));
}

/**
 * A random call driven by `next` (a number in [0, 1)): random choices among those on offer,
 * random answer times, and now and then silence when timers are on.
 */
export function randomWalk(scenario: Scenario, timed: boolean, next: () => number): CallEvent[] {
  let snapshot = startCall(scenario, timed);
  const events: CallEvent[] = [];
  while (snapshot.status === 'active' && events.length < 80) {
    const nodeId = stateOf(snapshot);
    const limit = timeLimitMs(scenario, nodeId);
    const offered = offeredChoices(scenario, nodeId, snapshot.context);
    const silent = timed && (offered.length === 0 || next() < 0.1);
    const event: CallEvent = silent
      ? { type: CallEventType.silence, elapsedMs: limit }
      : {
          type: CallEventType.choose,
          choiceId: offered[Math.floor(next() * offered.length)] ?? '',
          elapsedMs: Math.floor(next() * (timed ? limit : 3 * limit)),
        };
    const stepped = step(scenario, snapshot, event);
    if (!stepped) break;
    snapshot = stepped.next;
    events.push(event);
  }
  return events;
}

/** The seeded generator the sound module uses (mulberry32): recorded walks repeat on every machine. */
export const seeded = seededRandom;
