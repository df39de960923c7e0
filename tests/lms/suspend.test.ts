import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CallEventType, MAX_TRANSCRIPT_EVENTS, TIP_IDS } from '../../src/engine/index.ts';
import type { CallEvent, Scenario, Transcript } from '../../src/engine/index.ts';
import {
  decodeEvents,
  decodeProgress,
  emptyProgress,
  encodeEvents,
  encodeProgress,
} from '../../src/lms/suspend.ts';
import type { Progress } from '../../src/lms/suspend.ts';
import { loadShipped, shippedScenarioFiles, TRANSCRIPT_DIR } from '../support/library.ts';

/** SCORM 1.2's cmi.suspend_data is a CMIString4096. */
const SCORM12_SUSPEND_LIMIT = 4096;
/** The transcript schema's cap on one answer's time (an hour). */
const MAX_ELAPSED_MS = 3_600_000;

const scenarios = shippedScenarioFiles().map(loadShipped);
const choiceCount = (scenario: Scenario) =>
  Object.values(scenario.nodes).reduce((sum, node) => sum + node.choices.length, 0);
const [largest] = [...scenarios].sort((a, b) => choiceCount(b) - choiceCount(a));
if (!largest) throw new Error('no shipped scenarios');

/** Progress as full as it gets: every scenario scored 100, every tip at its largest sums. */
function fullProgress(current: Progress['current']): Progress {
  const progress = emptyProgress(scenarios.length);
  const tips = { ...progress.tips };
  for (const tip of TIP_IDS) tips[tip] = { sum: 100 * 9999, count: 9999 };
  return { best: scenarios.map(() => 100), tips, attempts: 99_999, current };
}

describe('suspend data', () => {
  it('round-trips every recorded transcript of every shipped scenario', () => {
    for (const scenario of scenarios) {
      for (const kind of ['best', 'worst', 'mixed']) {
        const { transcript } = JSON.parse(
          readFileSync(path.join(TRANSCRIPT_DIR, scenario.id, `${kind}.json`), 'utf8'),
        ) as { transcript: Transcript };
        const packed = encodeEvents(scenario, transcript.events);
        // The order shown is not packed: the seed alone gives it back when the call resumes.
        const bare = transcript.events.map(({ shown: _shown, ...event }) => event);
        expect(decodeEvents(scenario, packed), `${scenario.id}/${kind}`).toEqual(bare);
      }
    }
  });

  it(`fits SCORM 1.2's ${SCORM12_SUSPEND_LIMIT} characters with the largest scenario's worst-case call`, () => {
    // The engine refuses transcripts longer than MAX_TRANSCRIPT_EVENTS; the worst case is that
    // many answers, each the choice with the longest code, each at the longest answer time.
    const ids = Object.values(largest.nodes).flatMap((node) => node.choices.map((c) => c.id));
    const lastChoice = ids.at(-1) ?? '';
    const worst: CallEvent[] = Array.from({ length: MAX_TRANSCRIPT_EVENTS }, (_, index) =>
      index % 2
        ? { type: CallEventType.silence, elapsedMs: MAX_ELAPSED_MS }
        : { type: CallEventType.choose, choiceId: lastChoice, elapsedMs: MAX_ELAPSED_MS },
    );
    const events = encodeEvents(largest, worst);
    const text = encodeProgress(
      fullProgress({
        scenario: scenarios.length - 1,
        hash: largest.hash.slice(0, 4),
        seed: 0xffff_ffff,
        events,
      }),
    );
    expect(text.length).toBeLessThanOrEqual(SCORM12_SUSPEND_LIMIT);
    // Printed for the record: how much of the budget the worst case uses.
    console.info(
      `worst-case suspend data: ${text.length} / ${SCORM12_SUSPEND_LIMIT} characters (${largest.id}, ${ids.length} choices)`,
    );
    const decoded = decodeProgress(text, scenarios.length);
    expect(decodeEvents(largest, decoded.current?.events ?? '')).toEqual(worst);
    expect(decoded.best).toEqual(scenarios.map(() => 100));
    expect(decoded.attempts).toBe(99_999);
    expect(decoded.current?.seed).toBe(0xffff_ffff);
  });

  it('reads version 1 (before shuffled answers): the scores stay, the old call is not resumed', () => {
    const decoded = decodeProgress(
      '1|2s,|0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0|3|0:abcd:0012c',
      2,
    );
    expect(decoded.best).toEqual([100, null]);
    expect(decoded.attempts).toBe(3);
    expect(decoded.current).toBeNull();
  });

  it('starts afresh on text it cannot read', () => {
    expect(decodeProgress('', 3)).toEqual(emptyProgress(3));
    expect(decodeProgress('9|whatever', 3)).toEqual(emptyProgress(3));
    expect(decodeEvents(largest, 'zz12')).toBeNull();
  });
});
