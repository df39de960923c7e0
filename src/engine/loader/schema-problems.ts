import type * as z from 'zod';
import { fieldInfo } from './schema-walk.ts';
import { asYaml, listOf, nearest, pathName } from './render.ts';
import { ProblemCode } from './problem.ts';
import { valueAtPath } from './raw.ts';
import type { Problem } from './problem.ts';
import type { PathSegment, YamlSource } from './yaml-source.ts';

type Issue = z.core.$ZodIssue;

function typeName(value: unknown): string {
  if (value === null) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'string') return `the text ${JSON.stringify(value)}`;
  return `${typeof value} ${JSON.stringify(value)}`;
}

function exampleFor(root: z.core.$ZodType, path: readonly PathSegment[]): string {
  const info = fieldInfo(root, path);
  const key = path.at(-1);
  if (info.example === undefined) return '';
  return typeof key === 'string' ? `${key}: ${asYaml(info.example)}` : asYaml(info.example);
}

/** A union failed: keep the branch that got furthest (the one not failing on its own type). */
function flattenUnion(issue: Issue & { code: 'invalid_union' }): Issue[] | undefined {
  const branches = issue.errors.filter(
    (branch) =>
      !(branch.length === 1 && branch[0]?.code === 'invalid_type' && branch[0].path.length === 0),
  );
  if (branches.length !== 1 || !branches[0]) return undefined;
  return branches[0].map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] }));
}

/**
 * Turns schema issues into problems at the right line and column, each saying what is wrong
 * and what to write instead.
 */
export function schemaProblems(
  issues: readonly Issue[],
  root: z.core.$ZodType,
  data: unknown,
  source: YamlSource,
  file: string,
): Problem[] {
  const problems: Problem[] = [];
  const at = (
    position: { line: number; column: number },
    code: ProblemCode,
    message: string,
    hint: string,
  ) => problems.push({ file, ...position, code, message, hint });

  const visit = (issue: Issue): void => {
    const path = issue.path.filter(
      (segment): segment is PathSegment => typeof segment !== 'symbol',
    );
    const name = pathName(path) || 'the file';
    const value = valueAtPath(data, path);
    switch (issue.code) {
      case 'unrecognized_keys': {
        const valid = fieldInfo(root, path).keys ?? [];
        for (const key of issue.keys) {
          const guess = nearest(key, valid);
          at(
            source.keyPosition(path, key),
            ProblemCode.unknownKey,
            `unknown key \`${key}\`${path.length ? ` in ${name}` : ''}`,
            guess
              ? `did you mean \`${guess}\`? (valid keys: ${listOf(valid)})`
              : `valid keys here are ${listOf(valid)}`,
          );
        }
        return;
      }
      case 'invalid_union': {
        const inner = flattenUnion(issue);
        if (inner) {
          inner.forEach(visit);
          return;
        }
        const example = exampleFor(root, path);
        at(
          source.valuePosition(path),
          value === undefined ? ProblemCode.missingField : ProblemCode.wrongType,
          value === undefined ? `missing \`${name}\`` : `${name} cannot be ${typeName(value)}`,
          example
            ? `${value === undefined ? 'add' : 'write'} e.g. \`${example}\``
            : 'see the trainer guide for this field',
        );
        return;
      }
      case 'invalid_type': {
        const example = exampleFor(root, path);
        if (value === undefined) {
          const parent = path.slice(0, -1);
          const field = String(path.at(-1) ?? name);
          const where =
            parent.length > 0
              ? source.keyPosition(parent.slice(0, -1), String(parent.at(-1)))
              : source.valuePosition([]);
          at(
            where,
            ProblemCode.missingField,
            `missing \`${field}\`${parent.length ? ` in ${pathName(parent)}` : ''}`,
            example ? `add \`${example}\`` : `add \`${field}: …\` (${issue.expected})`,
          );
          return;
        }
        at(
          source.valuePosition(path),
          ProblemCode.wrongType,
          `${name} should be ${issue.expected === 'int' ? 'a whole number' : `a ${issue.expected}`}, not ${typeName(value)}`,
          example ? `write e.g. \`${example}\`` : `write a ${issue.expected}`,
        );
        return;
      }
      case 'invalid_value': {
        const options = issue.values.map(String);
        if (value === undefined) {
          at(
            source.valuePosition(path),
            ProblemCode.missingField,
            `missing \`${name}\``,
            `add \`${String(path.at(-1))}: ${options[0] ?? '…'}\` (one of ${listOf(options)})`,
          );
          return;
        }
        const guess = typeof value === 'string' ? nearest(value, options) : undefined;
        at(
          source.valuePosition(path),
          ProblemCode.badValue,
          `${name} cannot be ${typeName(value)}`,
          guess
            ? `did you mean \`${guess}\`? (one of ${listOf(options)})`
            : `write one of ${listOf(options)}`,
        );
        return;
      }
      case 'too_big':
      case 'too_small': {
        const bound = issue.code === 'too_big' ? issue.maximum : issue.minimum;
        const inclusive = issue.inclusive !== false;
        const isList = issue.origin === 'array';
        const direction =
          issue.code === 'too_big'
            ? inclusive
              ? 'at most'
              : 'below'
            : inclusive
              ? 'at least'
              : 'above';
        const example = exampleFor(root, path);
        at(
          source.valuePosition(path),
          ProblemCode.badValue,
          isList
            ? `${name} has ${Array.isArray(value) ? value.length : 0} entries but needs ${direction} ${String(bound)}`
            : issue.origin === 'string'
              ? `${name} is empty`
              : `${name} is ${String(value)} but must be ${direction} ${String(bound)}`,
          example ? `write e.g. \`${example}\`` : `change it to ${direction} ${String(bound)}`,
        );
        return;
      }
      case 'invalid_format': {
        const example = exampleFor(root, path);
        at(
          source.valuePosition(path),
          ProblemCode.badValue,
          `${name}: ${issue.message}`,
          example ? `write e.g. \`${example}\`` : 'see the trainer guide for this field',
        );
        return;
      }
      case 'invalid_key': {
        const key = String(path.at(-1) ?? '');
        at(
          source.keyPosition(path.slice(0, -1), key),
          ProblemCode.badValue,
          `\`${key}\` is not a valid key in ${pathName(path.slice(0, -1))}: ${issue.issues[0]?.message ?? 'bad key'}`,
          'start with a letter and use only letters, digits and _ (node and ending ids may also use -)',
        );
        return;
      }
      default: {
        at(
          source.valuePosition(path),
          ProblemCode.badValue,
          `${name}: ${issue.message}`,
          'see the trainer guide for this field',
        );
      }
    }
  };

  issues.forEach(visit);
  return problems;
}
