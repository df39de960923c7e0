import type { Diagnostic } from '@codemirror/lint';
import type { Text } from '@codemirror/state';
import type { Problem } from '../engine/index.ts';

/** Characters that end the token a problem points at (a key, a value, an id). */
const TOKEN_END = /[\s:,{}[\]#]/u;

/** Character offset of a 1-based line and column, clamped into the document. */
export function offsetOf(doc: Text, line: number, column: number): number {
  const safeLine = Math.min(Math.max(1, line), doc.lines);
  const { from, length } = doc.line(safeLine);
  return from + Math.min(Math.max(0, column - 1), length);
}

/**
 * The loader's problems as editor diagnostics: each starts at the problem's line and column and
 * covers the token there (or the rest of the line), so the lint gutter marks the right line and
 * the underline sits under the very key or value. The message carries the "write instead" hint.
 */
export function toDiagnostics(
  doc: Text,
  problems: readonly Problem[],
  writeInstead: (hint: string) => string,
): Diagnostic[] {
  return problems.map((problem) => {
    const from = offsetOf(doc, problem.line, problem.column);
    const line = doc.lineAt(from);
    const rest = line.text.slice(from - line.from);
    const tokenLength = rest.search(TOKEN_END);
    const to = tokenLength > 0 ? from + tokenLength : line.to;
    return {
      from,
      to,
      severity: 'error',
      source: problem.code,
      message: `${problem.message}\n${writeInstead(problem.hint)}`,
    };
  });
}
