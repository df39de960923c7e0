import { drillSchema } from '../schema/drill.ts';
import type { DrillData } from '../schema/drill.ts';
import type { LoadResult } from './load-scenario.ts';
import { ProblemCode, sortProblems } from './problem.ts';
import type { Problem } from './problem.ts';
import { readYaml } from './read-yaml.ts';
import { listOf, nearest } from './render.ts';
import { listOfRaw, isRawMap } from './raw.ts';
import { schemaProblems } from './schema-problems.ts';

/**
 * Loads a drill file. With `scenarioIds`, also checks that every scenario it lists exists.
 */
export function loadDrill(
  text: string,
  file: string,
  scenarioIds?: readonly string[],
): LoadResult<DrillData> {
  const read = readYaml(text, file);
  if (!read.ok) return read;
  const { source, raw } = read;
  const parsed = drillSchema.safeParse(raw);
  const problems: Problem[] = [
    ...read.problems,
    ...(parsed.success ? [] : schemaProblems(parsed.error.issues, drillSchema, raw, source, file)),
  ];
  if (scenarioIds) {
    listOfRaw(isRawMap(raw) ? raw.scenarios : undefined).forEach((id, index) => {
      if (typeof id !== 'string' || scenarioIds.includes(id)) return;
      const guess = nearest(id, scenarioIds);
      problems.push({
        file,
        ...source.valuePosition(['scenarios', index]),
        code: ProblemCode.badReference,
        message: `scenarios[${index}] names \`${id}\`, which is not a shipped scenario`,
        hint: `${guess ? `did you mean \`${guess}\`? ` : ''}scenarios: ${listOf(scenarioIds)}`,
      });
    });
  }
  if (isRawMap(raw) && raw.order === 'shuffled' && raw.seed === undefined) {
    problems.push({
      file,
      ...source.keyPosition([], 'order'),
      code: ProblemCode.missingField,
      message: 'a shuffled drill needs a seed, so every player gets the same order',
      hint: 'add `seed: 42` (any whole number)',
    });
  }
  if (problems.length > 0 || !parsed.success)
    return { ok: false, problems: sortProblems(problems) };
  return { ok: true, value: parsed.data, problems: [] };
}
