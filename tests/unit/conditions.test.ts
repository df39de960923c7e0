import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateCondition, flagsRead, parseCondition } from '../../src/engine/index.ts';
import type { ConditionScope } from '../../src/engine/index.ts';

const scope: ConditionScope = {
  numbers: { anger: 30, trust: 60, patience: 50, cost: 0, turns: 3 },
  flags: { promisedRefund: true, escalated: false },
};

function evaluate(source: string): boolean {
  const parsed = parseCondition(source);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return evaluateCondition(parsed.condition, scope);
}

describe('conditions', () => {
  it.each([
    ['anger < 40 and trust >= 50', true],
    ['anger < 40 and trust >= 70', false],
    ['anger > 40 or trust >= 50', true],
    ['promisedRefund', true],
    ['not escalated', true],
    ['not (promisedRefund or escalated)', false],
    ['neverSet', false],
    ['40 > anger', true],
    ['turns == 3 and cost != 1', true],
    ['anger >= -5', true],
    ['true and not false', true],
    ['not not promisedRefund', true],
    ['anger < 40 or trust > 90 and escalated', true],
    ['(anger < 40 or trust > 90) and escalated', false],
  ])('%s → %s', (source, expected) => {
    expect(evaluate(source)).toBe(expected);
  });

  it('binds and tighter than or', () => {
    const parsed = parseCondition('a or b and c');
    expect(parsed.ok && parsed.condition.kind).toBe('or');
  });

  it.each([
    ['anger < ', 'unexpectedEnd', 7],
    ['anger && trust > 3', 'unexpectedCharacter', 6],
    ['anger = 40', 'unexpectedCharacter', 6],
    ['anger', 'numberWithoutComparison', 0],
    ['promisedRefund > 3', 'flagCompared', 15],
    ['(anger < 40', 'unexpectedToken', 11],
    ['anger < 40 trust > 2', 'unexpectedToken', 11],
    ['anger < trust', 'badNumber', 8],
    ['', 'unexpectedEnd', 0],
    ['anger < 40 and', 'unexpectedEnd', 14],
    ['anger # 3', 'unexpectedCharacter', 6],
  ])('reports %j as %s at offset %i', (source, code, offset) => {
    const parsed = parseCondition(source);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.code).toBe(code);
    expect(parsed.error.offset).toBe(offset);
    expect(parsed.error.hint.length).toBeGreaterThan(0);
  });

  it('suggests the word for a foreign operator', () => {
    const parsed = parseCondition('a || b');
    expect(!parsed.ok && parsed.error.hint).toBe('write `or`');
  });

  it('lists the flags a condition reads', () => {
    const parsed = parseCondition('a and (not b or anger < 3) and a');
    expect(parsed.ok && flagsRead(parsed.condition)).toEqual(['a', 'b', 'a']);
  });

  it('never throws on any input, and errors point inside the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (source) => {
        const parsed = parseCondition(source);
        if (!parsed.ok) {
          expect(parsed.error.offset).toBeGreaterThanOrEqual(0);
          expect(parsed.error.offset).toBeLessThanOrEqual(source.length);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on token soup', () => {
    const token = fc.constantFrom(
      'anger',
      'trust',
      'x',
      'and',
      'or',
      'not',
      '(',
      ')',
      '<',
      '>=',
      '==',
      '3',
      '-1',
      ' ',
      '&&',
      '!',
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 12 }), (tokens) => {
        const parsed = parseCondition(tokens.join(' '));
        if (parsed.ok) expect(typeof evaluateCondition(parsed.condition, scope)).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
  });
});
