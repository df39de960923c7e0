import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenario } from '../../src/engine/index.ts';
import type { Scenario } from '../../src/engine/index.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES = path.join(ROOT, 'tests/fixtures');

export function fixtureText(name: string): string {
  return readFileSync(path.join(FIXTURES, name), 'utf8');
}

/** Loads a scenario that must be valid; fails the test with every problem if it is not. */
export function loadValid(text: string, file = 'fixture.yaml'): Scenario {
  const result = loadScenario(text, file);
  if (!result.ok)
    throw new Error(
      `expected a valid scenario:\n${result.problems.map((p) => `${p.line}:${p.column} ${p.message}`).join('\n')}`,
    );
  return result.value;
}

export const miniCall = (): Scenario => loadValid(fixtureText('mini-call.yaml'), 'mini-call.yaml');

/** The mini call's text with one exact substring replaced (the edit must apply). */
export function editedMiniCall(from: string, to: string): string {
  const text = fixtureText('mini-call.yaml');
  if (!text.includes(from)) throw new Error(`fixture has no "${from}"`);
  return text.replace(from, to);
}

/** 1-based line of the first occurrence of a snippet in the fixture, to check positions. */
export function lineOf(text: string, snippet: string): number {
  const index = text.indexOf(snippet);
  if (index < 0) throw new Error(`no "${snippet}" in text`);
  return text.slice(0, index).split('\n').length;
}

/** The judgment fixture: interruptions, dead air, critical errors, compensation within rules. */
export const judgmentCall = (): Scenario =>
  loadValid(fixtureText('judgment-call.yaml'), 'judgment-call.yaml');
