import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import {
  compileScenario,
  explore,
  loadLibrary,
  qualityChecks,
  replay,
  scoreTranscript,
  transcriptSchema,
} from '../../src/engine/index.ts';
import type { Scorecard } from '../../src/engine/index.ts';
import { ROOT } from '../support/fixtures.ts';
import {
  TRANSCRIPT_DIR,
  loadShipped,
  randomWalk,
  seeded,
  shippedScenarioFiles,
} from '../support/library.ts';
import { transcriptOf } from '../support/transcripts.ts';

const files = shippedScenarioFiles();
const SEEDS = path.join(ROOT, '../shared/seeds/clean');

describe('the shipped library', () => {
  it('has scenarios, and checks clean as a whole', () => {
    expect(files.length).toBeGreaterThanOrEqual(2);
    const report = loadLibrary(
      files.map((file) => ({ file, text: readFileSync(file, 'utf8'), kind: 'scenario' as const })),
    );
    expect(report.files.flatMap((file) => file.problems)).toEqual([]);
  });
});

describe.each(files.map((file) => [path.basename(file), file]))('%s', (_name, file) => {
  const scenario = loadShipped(file);

  it('meets the explorer’s bar: every node and ending reached, no dead end, follow-up needed for a good ending, best ≥ 95, worst ≤ 20, at least six decisions on the best path', () => {
    const report = explore(scenario);
    expect(qualityChecks(report).filter((check) => !check.passed)).toEqual([]);
    expect(report.best?.events.length).toBeGreaterThanOrEqual(scenario.id === 'tutorial-first-call' ? 5 : 6);
  });

  it('names a section that exists in its seed article', () => {
    if (!existsSync(SEEDS)) return; // shared/ sits beside the repository in CI and in sessions
    const seed = readdirSync(SEEDS).find((name) => name.startsWith(scenario.source.doc));
    expect(seed).toBeDefined();
    const article = readFileSync(path.join(SEEDS, seed ?? ''), 'utf8');
    // A section is the article's heading, optionally followed by an item number: `四、平息顧客的不滿 2`.
    const heading = scenario.source.section.split(/\s+/).reduce((longest, part) => (part.length > longest.length ? part : longest), '');
    expect(article).toContain(heading);
  });

  it.each(['best', 'worst', 'mixed'])(
    'replays the recorded %s transcript to its recorded states and scorecard',
    (name) => {
      const fixture = JSON.parse(
        readFileSync(path.join(TRANSCRIPT_DIR, scenario.id, `${name}.json`), 'utf8'),
      ) as {
        transcript: unknown;
        expected: { states: string[]; scorecard: Scorecard };
      };
      const transcript = transcriptSchema.parse(fixture.transcript);
      const replayed = replay(scenario, transcript);
      if (!replayed.ok)
        throw new Error(
          `${replayed.error.message} — re-record with \`npm run record\` if the change was intended`,
        );
      expect(replayed.result.states).toEqual(fixture.expected.states);
      expect(scoreTranscript(scenario, transcript)).toEqual({
        ok: true,
        scorecard: fixture.expected.scorecard,
      });
    },
  );

  it('replays random walks to identical states and scorecards, through a live actor too', () => {
    const { machine } = compileScenario(scenario);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 }), fc.boolean(), (seed, timed) => {
        const events = randomWalk(scenario, timed, seeded(seed));
        const transcript = transcriptOf(scenario, events, { timed });
        const first = replay(scenario, transcript);
        const again = replay(scenario, JSON.parse(JSON.stringify(transcript)) as typeof transcript);
        expect(first.ok).toBe(true);
        if (!first.ok || !again.ok) return;
        expect(again.result.states).toEqual(first.result.states);
        expect(scoreTranscript(scenario, transcript)).toEqual(
          scoreTranscript(scenario, transcript),
        );

        // The browser runs a live actor: it must settle in the same states with the same context.
        const actor = createActor(machine, { input: { timed } }).start();
        const live: string[] = [];
        for (const event of events) {
          actor.send(event);
          live.push(String(actor.getSnapshot().value));
        }
        expect(live).toEqual(first.result.states);
        expect(actor.getSnapshot().context).toEqual(first.result.final.context);
        actor.stop();
      }),
      { numRuns: 150 },
    );
  });
});
