import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CRITICAL_CAP,
  CRITICAL_ERROR_IDS,
  PENALTY_POINTS,
  drillSchema,
  scoreTranscript,
  explore,
  loadScenario,
  qualityChecks,
  scenarioSchema,
} from '../../src/engine/index.ts';
import { fieldInfo } from '../../src/engine/loader/schema-walk.ts';
import type { CallEvent } from '../../src/engine/index.ts';
import { ROOT } from '../support/fixtures.ts';
import { choose, silence, transcriptOf } from '../support/transcripts.ts';

const guide = readFileSync(path.join(ROOT, 'scenarios/README.md'), 'utf8');

/** The first fenced block after a `<!-- guide:name -->` marker. */
function block(name: string): string {
  const marker = guide.indexOf(`<!-- guide:${name} -->`);
  const start = guide.indexOf('```yaml\n', marker);
  const end = guide.indexOf('```\n', start + 8);
  if (marker < 0 || start < 0 || end < 0) throw new Error(`no ${name} block in the guide`);
  return guide.slice(start + 8, end);
}

/** The quality checks `explore` prints for a scenario text that must load cleanly. */
function verdicts(text: string): { failed: string[]; best: number; worst: number } {
  const result = loadScenario(text, 'scenarios/late-refund.yaml');
  if (!result.ok) throw new Error(result.problems.map((problem) => problem.message).join('\n'));
  const report = explore(result.value);
  return {
    failed: qualityChecks(report)
      .filter((check) => !check.passed)
      .map((check) => check.label),
    best: report.best?.total ?? 0,
    worst: report.worst?.total ?? 100,
  };
}

describe('the trainer guide', () => {
  it.each([
    ['the call', []],
    ['a node', ['nodes', 'x']],
    ['a choice', ['nodes', 'x', 'choices', 0]],
    ['silence', ['nodes', 'x', 'onSilence']],
    ['an ending', ['endings', 'x']],
    ['the customer', ['customer']],
    ['limits', ['limits', 'anger']],
  ] as const)('documents every key of %s that the schema accepts', (_what, at) => {
    const keys = fieldInfo(scenarioSchema, at).keys ?? [];
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.filter((key) => !guide.includes(`\`${key}`))).toEqual([]);
  });

  it('documents every key of a drill', () => {
    const keys = fieldInfo(drillSchema, []).keys ?? [];
    expect(keys.filter((key) => !guide.includes(`${key}:`))).toEqual([]);
  });

  it('has a worked example that check accepts and explore judges as the guide says', () => {
    const three = verdicts(block('example'));
    expect(three.failed).toEqual([
      'a good ending is reached without following up: open → sorry → offer → resolved',
      `best path scores ${three.best} (needs ≥ 95)`,
      'always answer 2 scores 64 (needs ≤ 60)',
    ]);
    expect(guide).toContain(`Best path:          ${three.best}/100 in 3 turns`);
    expect(guide).toContain(`Worst path:         ${three.worst}/100 in 2 turns`);

    const withFollowUp = block('example').replace(
      '        next: resolved\n',
      '        next: callback\n',
    );
    const four = verdicts(`${withFollowUp}${block('fourth-node')}`);
    expect(four.failed).toEqual([]);
    expect(guide).toContain(`resolved\` at ${four.best}/100, worst path ${four.worst}/100`);
  });

  it('scores its worked examples exactly as the engine does', () => {
    const withFollowUp = block('example').replace(
      '        next: resolved\n',
      '        next: callback\n',
    );
    const loaded = loadScenario(`${withFollowUp}${block('fourth-node')}`, 'late-refund.yaml');
    if (!loaded.ok) throw new Error('the finished example does not load');
    const scenario = loaded.value;
    const calls: [string, CallEvent[]][] = [
      [
        'listen → apologise → offer-ask → arrange-call',
        ['listen', 'apologise', 'offer-ask', 'arrange-call'].map((id) => choose(id, 5000)),
      ],
      [
        '*silence*, then the same four answers',
        [
          silence(),
          ...['listen', 'apologise', 'offer-ask', 'arrange-call'].map((id) => choose(id, 5000)),
        ],
      ],
      [
        '**policy** → apologise → offer-ask → arrange-call',
        ['policy', 'apologise', 'offer-ask', 'arrange-call'].map((id) => choose(id, 5000)),
      ],
      [
        'listen → **blame-bank** → offer-ask → arrange-call',
        ['listen', 'blame-bank', 'offer-ask', 'arrange-call'].map((id) => choose(id, 5000)),
      ],
      [
        'listen → apologise → offer-ask → **check-app**',
        ['listen', 'apologise', 'offer-ask', 'check-app'].map((id) => choose(id, 5000)),
      ],
    ];
    for (const [row, events] of calls) {
      const scored = scoreTranscript(scenario, transcriptOf(scenario, events, { seed: 1 }));
      if (!scored.ok) throw new Error(scored.error.message);
      expect(guide).toContain(
        `| ${row} | **${String(scored.scorecard.total)} (${scored.scorecard.grade})** |`,
      );
    }
  });

  it('writes down the penalties and the cap the engine uses', () => {
    expect(guide).toContain(`| Interruption | −${String(PENALTY_POINTS.interruption)} each |`);
    expect(guide).toContain(`| Dead air | −${String(PENALTY_POINTS.deadAir)} each |`);
    expect(guide).toContain(`| Skipped apology | −${String(PENALTY_POINTS.skippedApology)} |`);
    expect(guide).toContain(`| Critical error | cap ${String(CRITICAL_CAP)} |`);
    for (const error of CRITICAL_ERROR_IDS) expect(guide).toContain(`| \`${error}\` |`);
  });

  it('writes down the scoring weights the engine uses', () => {
    for (const line of [
      '| Tips | 40 |',
      '| Steps | 25 |',
      '| Outcome | 20 |',
      '| Compensation | 5 |',
      '| Final meters | 10 |',
    ]) {
      expect(guide).toContain(line);
    }
  });
});
