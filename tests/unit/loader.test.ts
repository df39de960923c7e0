import { describe, expect, it } from 'vitest';
import { ProblemCode, formatProblem, loadScenario } from '../../src/engine/index.ts';
import type { Problem } from '../../src/engine/index.ts';
import { editedMiniCall, fixtureText, lineOf, miniCall } from '../support/fixtures.ts';

function problemsOf(text: string): Problem[] {
  const result = loadScenario(text, 'call.yaml');
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.problems;
}

function only(problems: Problem[], code: string): Problem {
  const found = problems.filter((problem) => problem.code === code);
  expect(found, JSON.stringify(problems, null, 1)).toHaveLength(1);
  const [first] = found;
  if (!first) throw new Error(`no ${code} problem`);
  return first;
}

describe('loader', () => {
  it('loads a valid scenario and derives Traditional Chinese', () => {
    const scenario = miniCall();
    expect(scenario.id).toBe('mini-call');
    expect(scenario.nodes.open?.say).toEqual({
      en: 'You charged me twice!',
      'zh-Hans': '你们扣了我两次钱！',
      'zh-Hant': '你們扣了我兩次錢！',
    });
    expect(scenario.hash).toMatch(/^[0-9a-f]{16}$/);
  });

  it('keeps the hash when only text changes, and changes it when logic changes', () => {
    const base = miniCall().hash;
    const retexted = loadScenario(
      editedMiniCall('You charged me twice!', 'You took my money twice!'),
      'x.yaml',
    );
    const relogicked = loadScenario(
      editedMiniCall('meters: { anger: -20, trust: 10 }', 'meters: { anger: -21, trust: 10 }'),
      'x.yaml',
    );
    expect(retexted.ok && retexted.value.hash).toBe(base);
    expect(relogicked.ok && relogicked.value.hash).not.toBe(base);
  });

  it('formats problems as file:line:col: what — instead', () => {
    const text = editedMiniCall('channel: phone', 'channel: fax');
    const problem = only(problemsOf(text), ProblemCode.badValue);
    expect(formatProblem(problem)).toBe(
      `call.yaml:${lineOf(text, 'channel: fax')}:10: channel cannot be the text "fax" — write one of \`phone\`, \`chat\` or \`counter\``,
    );
  });

  it('names the nearest valid key for an unknown key, at the key', () => {
    const text = editedMiniCall('        next: sorry', '        nxt: sorry');
    const problems = problemsOf(text);
    const unknown = only(problems, ProblemCode.unknownKey);
    expect(unknown.line).toBe(lineOf(text, 'nxt: sorry'));
    expect(unknown.column).toBe(9);
    expect(unknown.hint).toContain('did you mean `next`?');
    // The orphaned nodes are consequences of the typo: not reported until it is fixed.
    expect(problems.some((problem) => problem.code === ProblemCode.unreachableNode)).toBe(false);
  });

  it('reports a missing field with what to add', () => {
    const text = editedMiniCall('timeLimit: 20\n', '');
    const missing = only(problemsOf(text), ProblemCode.missingField);
    expect(missing.message).toBe('missing `timeLimit`');
    expect(missing.hint).toBe('add `timeLimit: 20`');
  });

  it('reports a bad reference with the ids that exist and the nearest one', () => {
    const text = editedMiniCall('{ goto: sorry }', '{ goto: sorrry }');
    const bad = only(problemsOf(text), ProblemCode.badReference);
    expect(bad.line).toBe(lineOf(text, 'sorrry'));
    expect(bad.hint).toContain('did you mean `sorry`?');
    expect(bad.hint).toContain('`resolvedWithFollowUp`');
  });

  it('reports duplicate choice ids and duplicate keys', () => {
    const dupChoice = problemsOf(editedMiniCall('      - id: goodbye', '      - id: listen'));
    expect(only(dupChoice, ProblemCode.duplicateId).message).toContain(
      'already used in node `open`',
    );
    const dupKey = editedMiniCall('  sorry:\n', '  open:\n');
    expect(problemsOf(dupKey).some((problem) => problem.code === ProblemCode.duplicateKey)).toBe(
      true,
    );
  });

  it('points at the column inside a condition', () => {
    const text = editedMiniCall('if: anger >= 90', 'if: anger >== 90');
    const bad = only(problemsOf(text), ProblemCode.badCondition);
    const line = text.split('\n')[bad.line - 1] ?? '';
    expect(line.slice(bad.column - 1)).toMatch(/^= 90/);
    expect(bad.hint).toBe('write `==`');
  });

  it('reports a flag nobody sets with the nearest one', () => {
    const bad = only(
      problemsOf(editedMiniCall('when: anger < 60', 'when: anger < 60 and refundPromissed')),
      ProblemCode.unknownFlag,
    );
    expect(bad.hint).toBe('did you mean `refundPromised`?');
  });

  it('reports every missing translation for a declared locale', () => {
    const text = editedMiniCall(
      'say: { en: Forget it., zh-Hans: 算了。 }',
      'say: { en: Forget it. }',
    );
    const missing = only(problemsOf(text), ProblemCode.missingTranslation);
    expect(missing.message).toContain('endings.hungUp.say has no zh-Hans text');
  });

  it('reports graph faults: unreachable nodes, unused endings, no good ending', () => {
    const unreachable = problemsOf(
      editedMiniCall('        next: resolvedWithFollowUp', '        next: resolved'),
    );
    expect(unreachable.map((problem) => problem.code)).toEqual([
      ProblemCode.unwinnable,
      ProblemCode.unusedEnding,
    ]);
    const orphaned = problemsOf(
      fixtureText('mini-call.yaml').replaceAll('next: offer', 'next: resolved'),
    );
    expect(
      orphaned
        .filter((problem) => problem.code === ProblemCode.unreachableNode)
        .map((problem) => problem.message),
    ).toEqual([
      'node `offer` can never be reached from `open`',
      'node `followup` can never be reached from `open`',
    ]);
  });

  it('reports a route list whose last entry has a condition', () => {
    const bad = problemsOf(
      editedMiniCall('{ goto: resolved }]', '{ if: turns > 1, goto: resolved }]'),
    );
    expect(only(bad, ProblemCode.unreachableRoute).message).toContain('last route has an `if`');
  });

  it('reports every problem at once', () => {
    let text = fixtureText('mini-call.yaml');
    for (const [from, to] of [
      ['difficulty: 1', 'difficulty: 7'],
      ['channel: phone', 'channel: fax'],
      ['{ goto: sorry }', '{ goto: sorrry }'],
      ['when: anger < 60', 'when: anger <'],
    ] as const)
      text = text.replace(from, to);
    const codes = problemsOf(text).map((problem) => problem.code);
    expect(codes).toEqual([
      ProblemCode.badValue,
      ProblemCode.badValue,
      ProblemCode.badReference,
      ProblemCode.badCondition,
    ]);
  });

  it('turns YAML syntax errors and empty files into problems', () => {
    expect(problemsOf('id: [unclosed\n')[0]?.code).toBe(ProblemCode.yamlSyntax);
    expect(problemsOf('')[0]?.message).toBe('the file is empty');
    expect(problemsOf('just a string')[0]?.code).toBe(ProblemCode.wrongType);
  });
});

describe('Chinese text', () => {
  it('loses the spaces YAML folding puts between Chinese characters, and keeps English spaces', () => {
    const folded = editedMiniCall(
      'say: { en: You charged me twice!, zh-Hans: 你们扣了我两次钱！ }',
      'say:\n      en: >-\n        You charged\n        me twice!\n      zh-Hans: >-\n        你们扣了\n        我两次钱！\n        OK 吗？',
    );
    const result = loadScenario(folded, 'x.yaml');
    expect(result.ok && result.value.nodes.open?.say).toEqual({
      en: 'You charged me twice!',
      'zh-Hans': '你们扣了我两次钱！ OK 吗？',
      'zh-Hant': '你們扣了我兩次錢！ OK 嗎？',
    });
  });
});
