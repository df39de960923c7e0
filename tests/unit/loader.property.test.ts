import fc from 'fast-check';
import { stringify } from 'yaml';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadDrill, loadScenario } from '../../src/engine/index.ts';
import { fixtureText } from '../support/fixtures.ts';

const source = fixtureText('mini-call.yaml');
const lines = source.split('\n');

/** Loading may succeed or fail, but only ever with well-formed problems: never a throw. */
function expectStructured(text: string): void {
  const result = loadScenario(text, 'fuzz.yaml');
  if (result.ok) return;
  expect(result.problems.length).toBeGreaterThan(0);
  const lineCount = text.split('\n').length;
  for (const problem of result.problems) {
    expect(problem.file).toBe('fuzz.yaml');
    expect(problem.line).toBeGreaterThanOrEqual(1);
    expect(problem.line).toBeLessThanOrEqual(lineCount + 1);
    expect(problem.column).toBeGreaterThanOrEqual(1);
    expect(problem.message.length).toBeGreaterThan(0);
    expect(problem.hint.length).toBeGreaterThan(0);
    expect(problem.message).not.toMatch(/\bat \S+\.ts:\d+/); // no stack traces
  }
}

/** A random value of the kinds YAML can hold, to drop into a valid structure. */
const anyValue = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.integer({ min: -1000, max: 1000 }),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }), { maxKeys: 3 }),
);

/** Every path to a value in a parsed document. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value))
    return [prefix, ...value.flatMap((item, index) => paths(item, [...prefix, index]))];
  if (value !== null && typeof value === 'object') {
    return [
      prefix,
      ...Object.entries(value).flatMap(([key, item]) => paths(item, [...prefix, key])),
    ];
  }
  return [prefix];
}

function setAt(root: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let holder = copy;
  for (const segment of path.slice(0, -1))
    holder = holder[segment] as Record<string | number, unknown>;
  const last = path.at(-1) ?? '';
  if (value === undefined) Reflect.deleteProperty(holder, last);
  else holder[last] = value;
  return copy;
}

describe('loader under random and mutated input', () => {
  it('returns structured problems for arbitrary text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400 }), expectStructured), { numRuns: 500 });
  });

  it('returns structured problems for YAML-ish token soup', () => {
    const token = fc.constantFrom(
      'id:',
      ' x',
      '\n',
      '  ',
      '- ',
      '{',
      '}',
      '[',
      ']',
      ':',
      '"',
      "'",
      '&a',
      '*a',
      '#',
      'nodes:',
      'next:',
      '|',
      '>',
      '? ',
      '!!str',
      '%YAML',
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 60 }), (tokens) => {
        expectStructured(tokens.join(''));
      }),
      { numRuns: 500 },
    );
  });

  it('returns structured problems for a valid file with lines deleted, duplicated or swapped', () => {
    const index = fc.integer({ min: 0, max: lines.length - 1 });
    const mutation = fc.oneof(
      index.map((i) => lines.filter((_, j) => j !== i)),
      index.map((i) => [...lines.slice(0, i), lines[i] ?? '', ...lines.slice(i)]),
      fc
        .tuple(index, index)
        .map(([i, j]) =>
          lines.map((line, k) => (k === i ? (lines[j] ?? '') : k === j ? (lines[i] ?? '') : line)),
        ),
      fc
        .tuple(index, fc.integer({ min: 0, max: 80 }), fc.string({ maxLength: 3 }))
        .map(([i, at, text]) =>
          lines.map((line, k) => (k === i ? line.slice(0, at) + text + line.slice(at) : line)),
        ),
    );
    fc.assert(
      fc.property(mutation, (mutated) => {
        expectStructured(mutated.join('\n'));
      }),
      { numRuns: 600 },
    );
  });

  it('returns structured problems when any value is replaced or removed', () => {
    const document: unknown = parse(source);
    const allPaths = paths(document).filter((path) => path.length > 0);
    fc.assert(
      fc.property(
        fc.constantFrom(...allPaths),
        fc.option(anyValue, { nil: undefined }),
        (path, value) => {
          expectStructured(stringify(setAt(document, path, value)));
        },
      ),
      { numRuns: 800 },
    );
  });

  it('drills: arbitrary text never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const result = loadDrill(text, 'drill.yaml', ['a']);
        expect(result.ok || result.problems.length > 0).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
