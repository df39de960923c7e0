import { ProblemCode } from './problem.ts';
import type { Problem } from './problem.ts';
import { yamlProblems } from './yaml-problems.ts';
import { YamlSource } from './yaml-source.ts';

/**
 * `problems` on success holds recoverable findings (a duplicate key: the file still has a shape,
 * so the other checks can run and report too).
 */
export type ReadYamlResult =
  | { ok: true; source: YamlSource; raw: unknown; problems: Problem[] }
  | { ok: false; problems: Problem[] };

/** Parses YAML keeping positions; syntax errors come back as problems, never as exceptions. */
export function readYaml(text: string, file: string): ReadYamlResult {
  const source = new YamlSource(text);
  const errors = source.document.errors;
  const recoverable = errors.every((error) => error.code === 'DUPLICATE_KEY');
  if (errors.length > 0 && !recoverable)
    return { ok: false, problems: yamlProblems(errors, source, file) };
  const found = yamlProblems(errors, source, file);
  try {
    const raw: unknown = source.document.toJS({ maxAliasCount: 100 });
    if (raw === null || raw === undefined) {
      return {
        ok: false,
        problems: [
          {
            file,
            line: 1,
            column: 1,
            code: ProblemCode.missingField,
            message: 'the file is empty',
            hint: 'start from the template in scenarios/README.md',
          },
        ],
      };
    }
    return { ok: true, source, raw, problems: found };
  } catch (error) {
    // Alias bombs and similar: the yaml library refuses them with an exception.
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      problems: [
        {
          file,
          line: 1,
          column: 1,
          code: ProblemCode.yamlSyntax,
          message: `YAML: ${message}`,
          hint: 'remove the aliases (*name) that repeat large blocks',
        },
      ],
    };
  }
}
