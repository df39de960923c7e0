import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHANNELS, SEED_DOCS, TIP_IDS, loadDrill } from '../../src/engine/index.ts';
import type { DrillData } from '../../src/engine/index.ts';
import { SCENARIO_DIR, loadShipped, shippedScenarioFiles } from '../support/library.ts';

const scenarios = shippedScenarioFiles().map(loadShipped);
const DRILL_DIR = path.join(SCENARIO_DIR, 'drills');
const drills: DrillData[] = readdirSync(DRILL_DIR)
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => {
    const result = loadDrill(readFileSync(path.join(DRILL_DIR, name), 'utf8'), name, scenarios.map((scenario) => scenario.id));
    if (!result.ok) throw new Error(`${name}: ${result.problems.map((problem) => problem.message).join('; ')}`);
    return result.value;
  });

describe('the scenario library as a whole (issue: scenario library)', () => {
  it('has the tutorial and at least twelve more calls', () => {
    expect(scenarios.map((scenario) => scenario.id)).toContain('tutorial-first-call');
    expect(scenarios.length).toBeGreaterThanOrEqual(13);
  });

  it('makes every tip a declared focus of at least two scenarios', () => {
    const counts = Object.fromEntries(TIP_IDS.map((tip) => [tip, scenarios.filter((scenario) => scenario.focus.includes(tip)).length]));
    expect(Object.entries(counts).filter(([, count]) => count < 2)).toEqual([]);
  });

  it('spans difficulty 1 to 5, every seed article and every channel', () => {
    expect(new Set(scenarios.map((scenario) => scenario.difficulty))).toEqual(new Set([1, 2, 3, 4, 5]));
    expect(new Set(scenarios.map((scenario) => scenario.source.doc))).toEqual(new Set(SEED_DOCS));
    expect(new Set(scenarios.map((scenario) => scenario.channel))).toEqual(new Set(CHANNELS));
  });

  it.each(scenarios.map((scenario) => [scenario.id, scenario]))('%s: bilingual, three or more endings, two of them bad', (_id, scenario) => {
    expect(scenario.locales).toEqual(expect.arrayContaining(['en', 'zh-Hans']));
    const outcomes = Object.values(scenario.endings).map((ending) => ending.outcome);
    expect(outcomes.length).toBeGreaterThanOrEqual(3);
    expect(outcomes.filter((outcome) => outcome === 'bad').length).toBeGreaterThanOrEqual(2);
    expect(outcomes).toContain('good');
    for (const node of Object.values(scenario.nodes)) {
      for (const choice of node.choices) expect(typeof choice.feedback === 'object' ? Object.keys(choice.feedback) : []).toEqual(expect.arrayContaining(['en', 'zh-Hans']));
    }
  });

  it('ships the three drills', () => {
    const byId = new Map(drills.map((drill) => [drill.id, drill]));
    const weekOne = byId.get('new-hire-week-one');
    const gauntlet = byId.get('after-sales-gauntlet');
    const rush = byId.get('call-centre-rush-hour');
    expect(weekOne).toMatchObject({ timers: false });
    expect(weekOne?.scenarios.every((id) => (scenarios.find((scenario) => scenario.id === id)?.difficulty ?? 5) <= 2)).toBe(true);
    expect(gauntlet).toMatchObject({ timers: true });
    expect(gauntlet?.scenarios.every((id) => scenarios.find((scenario) => scenario.id === id)?.source.doc === '000')).toBe(true);
    expect(rush).toMatchObject({ order: 'shuffled', timers: true, attempts: 1 });
    expect(rush?.seed).toBeTypeOf('number');
    expect(new Set(rush?.scenarios.map((id) => scenarios.find((scenario) => scenario.id === id)?.source.doc)).size).toBeGreaterThan(2);
  });
});
