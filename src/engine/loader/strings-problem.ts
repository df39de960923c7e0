/** What can be wrong with a row of a translation file. */
export const StringsProblemCode = {
  /** The row names a line the scenario does not have. */
  unknownLineId: 'unknownLineId',
  /** The source text changed since the export: the translation may no longer fit. */
  staleSource: 'staleSource',
  /** Two rows for one line. */
  duplicateRow: 'duplicateRow',
  /** The translation file itself is malformed (bad quoting, not XLIFF, no header). */
  badTranslationFile: 'badTranslationFile',
  /** The scenario's shape cannot be edited in place. */
  cannotEdit: 'cannotEdit',
} as const;
export type StringsProblemCode = (typeof StringsProblemCode)[keyof typeof StringsProblemCode];

/** A problem with a translation file, pinned to its line and column like a loader problem. */
export interface StringsProblem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
  readonly hint: string;
  readonly code: StringsProblemCode;
}

/** `file:line:col: what is wrong — what to do`; takes loader problems too. */
export function formatStringsProblem(
  problem: Pick<StringsProblem, 'file' | 'line' | 'column' | 'message' | 'hint'>,
): string {
  return `${problem.file}:${problem.line}:${problem.column}: ${problem.message} — ${problem.hint}`;
}
