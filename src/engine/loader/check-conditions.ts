import { flagsRead, parseCondition } from '../conditions/index.ts';
import { ProblemCode } from './problem.ts';
import type { Problem } from './problem.ts';
import { entriesOf, isRawMap, listOfRaw, stringAt } from './raw.ts';
import { listOf, nearest } from './render.ts';
import { rawRoutes } from './routes.ts';
import type { PathSegment, YamlSource } from './yaml-source.ts';

/** Every flag some choice sets, so conditions can be checked against them. */
export function flagsSet(raw: unknown): string[] {
  const flags = new Set<string>();
  for (const [, node] of entriesOf(isRawMap(raw) ? raw.nodes : undefined)) {
    for (const choice of listOfRaw(isRawMap(node) ? node.choices : undefined)) {
      for (const [flag] of entriesOf(isRawMap(choice) ? choice.set : undefined)) flags.add(flag);
    }
  }
  return [...flags].sort();
}

/** Parses every condition; points at the column inside the expression where it goes wrong. */
export function checkConditions(raw: unknown, source: YamlSource, file: string): Problem[] {
  const problems: Problem[] = [];
  const known = flagsSet(raw);
  const conditions: { text: string; path: readonly PathSegment[] }[] = [];
  for (const route of rawRoutes(raw)) if (route.condition) conditions.push(route.condition);
  for (const [nodeId, node] of entriesOf(isRawMap(raw) ? raw.nodes : undefined)) {
    listOfRaw(isRawMap(node) ? node.choices : undefined).forEach((choice, index) => {
      const when = stringAt(choice, 'when');
      if (when !== undefined)
        conditions.push({ text: when, path: ['nodes', nodeId, 'choices', index, 'when'] });
    });
  }

  for (const { text, path } of conditions) {
    const parsed = parseCondition(text);
    if (!parsed.ok) {
      problems.push({
        file,
        ...source.positionInsideScalar(path, parsed.error.offset),
        code: ProblemCode.badCondition,
        message: `bad condition \`${text}\`: ${parsed.error.message}`,
        hint: parsed.error.hint,
      });
      continue;
    }
    for (const flag of new Set(flagsRead(parsed.condition))) {
      if (known.includes(flag)) continue;
      const guess = nearest(flag, known);
      problems.push({
        file,
        ...source.positionInsideScalar(path, Math.max(0, text.search(new RegExp(`\\b${flag}\\b`)))),
        code: ProblemCode.unknownFlag,
        message: `condition reads the flag \`${flag}\`, which no choice sets`,
        hint: guess
          ? `did you mean \`${guess}\`?`
          : known.length
            ? `flags set in this scenario: ${listOf(known)}; or add \`set: { ${flag}: true }\` to a choice`
            : `add \`set: { ${flag}: true }\` to the choice that makes it true`,
      });
    }
  }
  return problems;
}
