import { describe, expect, it } from 'vitest';
import {
  NameRule,
  displayNameProblem,
  displayNameSchema,
  nameProblemText,
} from '../../src/protocol/index.ts';
import {
  capitalsLookAlikeKey,
  lookAlikeKey,
  nameKey,
  skeleton,
} from '../../src/server/name-keys.ts';

const ruleOf = (name: string) => displayNameProblem(name)?.rule ?? null;

describe('display name rules', () => {
  it('takes ordinary names in any script', () => {
    for (const name of [
      'Ann',
      'Zoë',
      'José María',
      "O'Brien",
      'Jean-Luc',
      '王小明',
      '李 娜',
      'Ива́н',
      'Ελένη',
      'さくら',
      '김민준',
      'R2-D2',
      'Ann Лебедева',
    ]) {
      expect(ruleOf(name), name).toBeNull();
    }
  });

  it('refuses invisible and default-ignorable characters, naming the code point', () => {
    const cases: [string, string][] = [
      ['\u3164', 'U+3164'], // HANGUL FILLER: a "letter" that draws nothing
      ['\u3164\u3164\u3164', 'U+3164'],
      ['Ann\u200d', 'U+200D'], // zero-width joiner
      ['An\u200bn', 'U+200B'], // zero-width space
      ['Ann\u00ad', 'U+00AD'], // soft hyphen
      ['Ann\ufe0f', 'U+FE0F'], // variation selector
      ['\u115fAnn', 'U+115F'],
      ['Ann\u034f', 'U+034F'], // combining grapheme joiner
    ];
    for (const [name, detail] of cases) {
      expect(displayNameProblem(name), JSON.stringify(name)).toEqual({
        rule: NameRule.invisible,
        detail,
      });
    }
    expect(nameProblemText({ rule: NameRule.invisible, detail: 'U+3164' })).toContain('invisible');
  });

  it('refuses a name of marks only, the same mark twice on a letter, and more than four', () => {
    expect(ruleOf('\u0301\u0301')).toBe(NameRule.characters);
    expect(ruleOf('Ann\u0301\u0301')).toBe(NameRule.repeatedMark);
    // é written precomposed plus another acute is the same mark twice once decomposed.
    expect(ruleOf('Anné\u0301')).toBe(NameRule.repeatedMark);
    expect(ruleOf('An\u0300\u0301\u0302\u0303\u0304')).toBe(NameRule.stackedMarks);
    expect(ruleOf('An\u0300\u0301\u0302\u0303')).toBeNull();
  });

  it('refuses a word that mixes look-alike alphabets, and says which', () => {
    const problem = displayNameProblem('\u0410nn'); // Cyrillic А + Latin nn
    expect(problem?.rule).toBe(NameRule.mixedScripts);
    expect(problem?.detail).toBe('"\u0410nn" (Latin and Cyrillic)');
    expect(ruleOf('P\u0430ul')).toBe(NameRule.mixedScripts); // Cyrillic а inside
    expect(ruleOf('\u03bflga')).toBe(NameRule.mixedScripts); // Greek ο
    expect(ruleOf('Ann Лебедева')).toBeNull(); // two words, one alphabet each
  });

  it('keeps length, emptiness and the character set', () => {
    expect(ruleOf('')).toBe(NameRule.empty);
    expect(ruleOf('x'.repeat(25))).toBe(NameRule.tooLong);
    expect(ruleOf('王'.repeat(24))).toBeNull();
    expect(ruleOf('<b>')).toBe(NameRule.characters);
    expect(ruleOf('=SUM(A1)')).toBe(NameRule.characters);
    expect(ruleOf(' Ann')).toBe(NameRule.characters);
  });

  it('puts the rule in the schema message the server sends', () => {
    const parsed = displayNameSchema.safeParse('Ann\u200d');
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toContain('U+200D');
    expect(displayNameSchema.parse('  Bo  ')).toBe('Bo');
  });
});

describe('look-alike keys (UTS #39 skeletons)', () => {
  it('maps confusables to one prototype', () => {
    expect(skeleton('\u0410')).toBe('A');
    expect(skeleton('m')).toBe('rn');
    expect(skeleton('0')).toBe('O');
  });

  it('gives names that could pass for each other one key', () => {
    const pairs: [string, string][] = [
      ['Ann', '\u0391\u039d\u039d'], // Greek capitals, one alphabet throughout
      ['Ann', 'ANN'],
      ['Ann', 'Ａｎｎ'],
      ['Bill', 'BiIl'],
      ['Emma', 'Ernma'],
      ['Sam', 'Sarn'],
      ['Ann Lee', 'Ann  Lee'],
      ['王一', '王ー'],
    ];
    for (const [a, b] of pairs) expect(lookAlikeKey(a), `${a} / ${b}`).toBe(lookAlikeKey(b));
  });

  it('compares capitals too, where a skeleton and case do not commute', () => {
    // Greek "ΜΕΙ" reads "MEI", which is "Mei" in capitals; lowered first, it would not meet it.
    expect(lookAlikeKey('\u039c\u0395\u0399')).not.toBe(lookAlikeKey('Mei'));
    expect(capitalsLookAlikeKey('\u039c\u0395\u0399')).toBe(capitalsLookAlikeKey('Mei'));
    expect(capitalsLookAlikeKey('Anna')).not.toBe(capitalsLookAlikeKey('Ann'));
  });

  it('keeps names that read differently apart', () => {
    const pairs: [string, string][] = [
      ['Ann', 'Anñ'],
      ['José', 'Jose'],
      ['Ann', 'Anna'],
      ['李娜', '李那'],
    ];
    for (const [a, b] of pairs) {
      expect(lookAlikeKey(a), `${a} / ${b}`).not.toBe(lookAlikeKey(b));
      expect(capitalsLookAlikeKey(a), `${a} / ${b}`).not.toBe(capitalsLookAlikeKey(b));
    }
    expect(nameKey('Li')).toBe(nameKey('LI'));
  });
});
