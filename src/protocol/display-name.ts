import * as z from 'zod';

/**
 * Display names on a public board: letters of any script, digits, spaces and . _ ' -, shown only
 * as text. Beyond that, a name must not be able to pass for somebody else's or for nobody
 * (UTS #39): no invisible characters, no stacked accents, no word that mixes look-alike
 * alphabets. The server also compares each name's confusable skeleton with the drill's others.
 * These rules run in the join form as well, so a player hears the reason before sending.
 */
export const NAME_MAX_LENGTH = 24;

/** Nonspacing marks in a row on one letter, at most (UTS #39 §5.4 suggests four). */
const MAX_MARKS_IN_A_ROW = 4;

const ALLOWED = /^[\p{L}\p{N}][\p{L}\p{M}\p{N} ._'-]*$/u;
/** Default-ignorable code points render as nothing: U+3164 HANGUL FILLER, ZWJ, U+00AD, VS16… */
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/u;
const NONSPACING_MARK = /^\p{Mn}$/u;
const WORD_SEPARATOR = /[ ._'-]+/u;

/**
 * Alphabets whose letters pass for one another (Latin "A", Cyrillic "А", Greek "Α"): one word in
 * two of them is how "Аnn" poses as "Ann". Other mixes (Han with kana or Latin) are ordinary.
 */
const LOOK_ALIKE_SCRIPTS = [
  { name: 'Latin', letter: /\p{Script=Latin}/u },
  { name: 'Cyrillic', letter: /\p{Script=Cyrillic}/u },
  { name: 'Greek', letter: /\p{Script=Greek}/u },
  { name: 'Armenian', letter: /\p{Script=Armenian}/u },
  { name: 'Cherokee', letter: /\p{Script=Cherokee}/u },
] as const;

/** The rule a refused name broke: the join form words each one in the player's language. */
export const NameRule = {
  empty: 'empty',
  invisible: 'invisible',
  tooLong: 'tooLong',
  characters: 'characters',
  repeatedMark: 'repeatedMark',
  stackedMarks: 'stackedMarks',
  mixedScripts: 'mixedScripts',
} as const;
export type NameRule = (typeof NameRule)[keyof typeof NameRule];

/** A refusal: the rule, and what in the name broke it (a code point, a word, two alphabets). */
export interface NameProblem {
  readonly rule: NameRule;
  readonly detail: string;
}

const codePoint = (character: string) =>
  `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

function invisibleProblem(name: string): NameProblem | null {
  for (const character of name) {
    if (INVISIBLE.test(character))
      return { rule: NameRule.invisible, detail: codePoint(character) };
  }
  return null;
}

/** UTS #39 §5.4: the same nonspacing mark twice in a row, or more than four, after NFD. */
function stackedMarksProblem(name: string): NameProblem | null {
  let run: string[] = [];
  for (const character of name.normalize('NFD')) {
    if (!NONSPACING_MARK.test(character)) {
      run = [];
      continue;
    }
    if (run.includes(character))
      return { rule: NameRule.repeatedMark, detail: codePoint(character) };
    run.push(character);
    if (run.length > MAX_MARKS_IN_A_ROW) {
      return { rule: NameRule.stackedMarks, detail: String(MAX_MARKS_IN_A_ROW) };
    }
  }
  return null;
}

function mixedScriptProblem(name: string): NameProblem | null {
  for (const word of name.normalize('NFD').split(WORD_SEPARATOR)) {
    const [first, second] = LOOK_ALIKE_SCRIPTS.filter((script) => script.letter.test(word));
    if (first !== undefined && second !== undefined) {
      return {
        rule: NameRule.mixedScripts,
        detail: `"${word.normalize('NFC')}" (${first.name} and ${second.name})`,
      };
    }
  }
  return null;
}

/** Why a (trimmed) display name is refused, or null when it may be used. */
export function displayNameProblem(name: string): NameProblem | null {
  if (name === '') return { rule: NameRule.empty, detail: '' };
  const invisible = invisibleProblem(name);
  if (invisible !== null) return invisible;
  // Counted in code points, as the limit is stated ("王" and "A" are one character each).
  if (Array.from(name).length > NAME_MAX_LENGTH) {
    return { rule: NameRule.tooLong, detail: String(NAME_MAX_LENGTH) };
  }
  if (!ALLOWED.test(name)) return { rule: NameRule.characters, detail: '' };
  return stackedMarksProblem(name) ?? mixedScriptProblem(name);
}

/** The server's sentence for a refused name (the join form has its own, localised). */
export function nameProblemText(problem: NameProblem): string {
  switch (problem.rule) {
    case NameRule.empty:
      return 'enter a display name';
    case NameRule.invisible:
      return `a display name cannot contain an invisible character (${problem.detail} here): type the name again without it`;
    case NameRule.tooLong:
      return `a display name is at most ${problem.detail} characters`;
    case NameRule.characters:
      return "a display name starts with a letter or digit and uses letters, digits, spaces and . _ ' - only";
    case NameRule.repeatedMark:
      return `a display name cannot put the same accent (${problem.detail}) twice on one letter`;
    case NameRule.stackedMarks:
      return `a display name cannot stack more than ${problem.detail} accents on one letter`;
    case NameRule.mixedScripts:
      return `${problem.detail} mixes two alphabets in one word, so it can pass for another name: write each word in one alphabet`;
  }
}

export const displayNameSchema = z
  .string()
  .trim()
  .superRefine((name, context) => {
    const problem = displayNameProblem(name);
    if (problem !== null) context.addIssue({ code: 'custom', message: nameProblemText(problem) });
  });
