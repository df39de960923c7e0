// Records the regression transcripts of every shipped scenario: the explorer's best and worst
// calls and one seeded mixed call, each with the states and scorecard they replay to.
// Run `npm run record` after an intended change to a scenario or to scoring, and review the diff.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { explore, replay, scoreTranscript } from '../../src/engine/index.ts';
import type { CallEvent, Scenario } from '../../src/engine/index.ts';
import {
  TRANSCRIPT_DIR,
  loadShipped,
  randomWalk,
  seeded,
  shippedScenarioFiles,
} from '../support/library.ts';
import { transcriptOf } from '../support/transcripts.ts';

/** Each fixture is recorded with its own seed, so the fixtures cover different answer orders. */
const SEEDS = { best: 1001, worst: 1002, mixed: 1003 } as const;

function record(
  scenario: Scenario,
  name: keyof typeof SEEDS,
  events: readonly CallEvent[],
  locale: 'en' | 'zh-Hans',
) {
  const transcript = transcriptOf(scenario, events, { locale, seed: SEEDS[name] });
  const replayed = replay(scenario, transcript);
  const scored = scoreTranscript(scenario, transcript);
  if (!replayed.ok || !scored.ok) throw new Error(`${scenario.id}/${name} does not replay`);
  const folder = path.join(TRANSCRIPT_DIR, scenario.id);
  mkdirSync(folder, { recursive: true });
  const fixture = {
    transcript,
    expected: { states: replayed.result.states, scorecard: scored.scorecard },
  };
  writeFileSync(path.join(folder, `${name}.json`), `${JSON.stringify(fixture, null, 2)}\n`);
  process.stdout.write(
    `${scenario.id}/${name}: ${scored.scorecard.total} (${scored.scorecard.grade})\n`,
  );
}

for (const file of shippedScenarioFiles()) {
  const scenario = loadShipped(file);
  const report = explore(scenario);
  if (!report.best || !report.worst) throw new Error(`${scenario.id}: no complete path`);
  record(scenario, 'best', report.best.events, 'en');
  record(scenario, 'worst', report.worst.events, 'zh-Hans');
  // A seeded walk whose score lands in the middle: the kind of call a real trainee makes.
  for (let seed = 1; seed < 500; seed += 1) {
    const events = randomWalk(scenario, true, seeded(seed));
    const scored = scoreTranscript(scenario, transcriptOf(scenario, events));
    if (
      scored.ok &&
      scored.scorecard.total >= 40 &&
      scored.scorecard.total <= 80 &&
      scored.scorecard.outcome.outcome !== null
    ) {
      record(scenario, 'mixed', events, 'en');
      break;
    }
  }
}
