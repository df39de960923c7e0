import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { drillSchema, scenarioSchema } from '../../src/engine/index.ts';
import { fieldInfo } from '../../src/engine/loader/schema-walk.ts';
import { ROOT } from '../support/fixtures.ts';

const guide = readFileSync(path.join(ROOT, 'scenarios/README.md'), 'utf8');

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
