/** One thing wrong with a trainer's file, pinned to a line and column (both 1-based). */
export interface Problem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** What is wrong. */
  readonly message: string;
  /** What to write instead. */
  readonly hint: string;
  /** A stable code for tests and tools, e.g. `unknownKey`. */
  readonly code: ProblemCode;
}

export const ProblemCode = {
  yamlSyntax: 'yamlSyntax',
  duplicateKey: 'duplicateKey',
  unknownKey: 'unknownKey',
  missingField: 'missingField',
  wrongType: 'wrongType',
  badValue: 'badValue',
  badReference: 'badReference',
  duplicateId: 'duplicateId',
  badCondition: 'badCondition',
  unknownFlag: 'unknownFlag',
  missingTranslation: 'missingTranslation',
  unreachableRoute: 'unreachableRoute',
  unreachableNode: 'unreachableNode',
  deadEnd: 'deadEnd',
  unwinnable: 'unwinnable',
  unusedEnding: 'unusedEnding',
  fileUnreadable: 'fileUnreadable',
} as const;
export type ProblemCode = (typeof ProblemCode)[keyof typeof ProblemCode];

/** `file:line:col: what is wrong — what to write instead` */
export function formatProblem(problem: Problem): string {
  return `${problem.file}:${problem.line}:${problem.column}: ${problem.message} — ${problem.hint}`;
}

/** Orders problems by position so a trainer can fix a file top to bottom. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      a.message.localeCompare(b.message),
  );
}
