import type { Scenario } from '../model/scenario.ts';
import type { DrillData } from '../schema/drill.ts';
import { loadDrill } from './load-drill.ts';
import { loadScenario } from './load-scenario.ts';
import { ProblemCode, sortProblems } from './problem.ts';
import type { Problem } from './problem.ts';
import { readYaml } from './read-yaml.ts';

export interface SourceFile {
  readonly file: string;
  readonly text: string;
  readonly kind: 'scenario' | 'drill';
}

export interface FileReport {
  readonly file: string;
  readonly kind: 'scenario' | 'drill';
  readonly problems: readonly Problem[];
}

export interface LibraryReport {
  readonly scenarios: readonly { readonly file: string; readonly scenario: Scenario }[];
  readonly drills: readonly { readonly file: string; readonly drill: DrillData }[];
  readonly files: readonly FileReport[];
  readonly problemCount: number;
}

function idPosition(text: string, file: string) {
  const read = readYaml(text, file);
  return read.ok ? read.source.valuePosition(['id']) : { line: 1, column: 1 };
}

const baseName = (file: string) =>
  file
    .split(/[\\/]/)
    .at(-1)
    ?.replace(/\.ya?ml$/i, '') ?? file;

/**
 * Checks a set of scenario and drill files together: each file on its own, then what only the
 * set can tell — two files with one id, a file not named after its id, a drill naming a
 * scenario that is not there. `extraScenarioIds` are ids known from elsewhere (a drill checked
 * without its scenarios).
 */
export function loadLibrary(
  sources: readonly SourceFile[],
  extraScenarioIds: readonly string[] = [],
): LibraryReport {
  const scenarios: { file: string; scenario: Scenario }[] = [];
  const drills: { file: string; drill: DrillData }[] = [];
  const problemsByFile = new Map<string, Problem[]>(sources.map((source) => [source.file, []]));
  const add = (file: string, problems: readonly Problem[]) =>
    problemsByFile.get(file)?.push(...problems);

  const seenIds = new Map<string, string>();
  for (const source of sources.filter((entry) => entry.kind === 'scenario')) {
    const result = loadScenario(source.text, source.file);
    if (!result.ok) {
      add(source.file, result.problems);
      continue;
    }
    const { id } = result.value;
    const other = seenIds.get(id);
    if (other !== undefined) {
      add(source.file, [
        {
          file: source.file,
          ...idPosition(source.text, source.file),
          code: ProblemCode.duplicateId,
          message: `scenario id \`${id}\` is already used by ${other}`,
          hint: 'give each scenario its own id',
        },
      ]);
      continue;
    }
    if (baseName(source.file) !== id) {
      add(source.file, [
        {
          file: source.file,
          ...idPosition(source.text, source.file),
          code: ProblemCode.badValue,
          message: `the file is named ${baseName(source.file)} but the scenario id is \`${id}\``,
          hint: `rename the file to ${id}.yaml (or change the id), so drills and people find it`,
        },
      ]);
    }
    seenIds.set(id, source.file);
    scenarios.push({ file: source.file, scenario: result.value });
  }

  const knownIds = [...new Set([...seenIds.keys(), ...extraScenarioIds])].sort();
  for (const source of sources.filter((entry) => entry.kind === 'drill')) {
    const result = loadDrill(source.text, source.file, knownIds);
    if (result.ok) drills.push({ file: source.file, drill: result.value });
    else add(source.file, result.problems);
  }

  const files = sources.map((source) => ({
    file: source.file,
    kind: source.kind,
    problems: sortProblems(problemsByFile.get(source.file) ?? []),
  }));
  return {
    scenarios,
    drills,
    files,
    problemCount: files.reduce((sum, file) => sum + file.problems.length, 0),
  };
}
