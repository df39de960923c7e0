import type { YAMLError } from 'yaml';
import { ProblemCode } from './problem.ts';
import type { Problem } from './problem.ts';
import type { YamlSource } from './yaml-source.ts';

/** Hints for the YAML mistakes trainers make most, by the parser's error code. */
const YAML_HINTS: Readonly<Record<string, string>> = {
  BAD_INDENT: 'indent nested keys by two spaces under their parent',
  MISSING_CHAR: 'close the quote or bracket that was opened',
  MULTILINE_IMPLICIT_KEY: 'put a space after the colon, or quote the text if it contains `: `',
  BLOCK_AS_IMPLICIT_KEY: 'check the indentation of the line above',
  TAB_AS_INDENT: 'indent with spaces, not tabs',
  UNEXPECTED_TOKEN: 'quote text that starts with a special character such as [, {, *, & or @',
  BAD_SCALAR_START: 'quote text that starts with a special character such as [, {, *, & or @',
};

/** Turns the YAML parser's errors into problems; a duplicate key becomes a duplicate id. */
export function yamlProblems(
  errors: readonly YAMLError[],
  source: YamlSource,
  file: string,
): Problem[] {
  return errors.map((error) => {
    const position = source.positionAt(error.pos[0]);
    if (error.code === 'DUPLICATE_KEY') {
      const line = source.text.slice(error.pos[0]).split('\n')[0] ?? '';
      const key = line
        .replace(/:.*$/, '')
        .replace(/^[\s-]*/, '')
        .replace(/^['"]|['"]$/g, '');
      return {
        file,
        ...position,
        code: ProblemCode.duplicateKey,
        message: `\`${key}\` is defined twice in the same map`,
        hint: 'give each entry its own id (or merge the two)',
      };
    }
    const message =
      error.message.split('\n')[0]?.replace(/ at line \d+, column \d+.*$/, '') ?? error.message;
    return {
      file,
      ...position,
      code: ProblemCode.yamlSyntax,
      message: `YAML syntax: ${message}`,
      hint: YAML_HINTS[error.code] ?? 'check the indentation and quoting of this line',
    };
  });
}
