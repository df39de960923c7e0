import { existsSync } from 'node:fs';
import path from 'node:path';
import { formatProblem, loadLibrary } from '../../engine/index.ts';
import type { SourceFile } from '../../engine/index.ts';
import { collectYamlFiles, isDrillFile, readText } from '../files.ts';
import { ExitCode, UsageError } from '../io.ts';
import type { Io } from '../io.ts';

/** Scenario ids next to a drills/ folder, so a drill can be checked on its own. */
function siblingScenarioIds(drillFiles: readonly string[], checked: readonly string[]): string[] {
  const folders = new Set(drillFiles.map((file) => path.dirname(path.dirname(file))));
  const sources: SourceFile[] = [];
  for (const folder of folders) {
    if (!existsSync(folder)) continue;
    for (const file of collectYamlFiles([folder])) {
      if (!isDrillFile(file) && !checked.includes(file))
        sources.push({ file, text: readText(file), kind: 'scenario' });
    }
  }
  return loadLibrary(sources).scenarios.map((entry) => entry.scenario.id);
}

/** `service-dojo check <files|dirs>`: every problem in every file, with line and column. */
export function check(targets: readonly string[], json: boolean, io: Io): ExitCode {
  if (targets.length === 0)
    throw new UsageError(
      'check needs at least one file or folder, e.g. `service-dojo check scenarios/`',
    );
  const files = collectYamlFiles(targets);
  if (files.length === 0) throw new UsageError(`no .yaml files found in ${targets.join(', ')}`);
  const sources: SourceFile[] = files.map((file) => ({
    file,
    text: readText(file),
    kind: isDrillFile(file) ? 'drill' : 'scenario',
  }));
  const drillFiles = sources
    .filter((source) => source.kind === 'drill')
    .map((source) => source.file);
  const report = loadLibrary(
    sources,
    drillFiles.length ? siblingScenarioIds(drillFiles, files) : [],
  );

  if (json) {
    io.out(
      `${JSON.stringify({ files: report.files, problemCount: report.problemCount }, null, 2)}\n`,
    );
  } else {
    for (const file of report.files)
      for (const problem of file.problems) io.out(`${formatProblem(problem)}\n`);
    const broken = report.files.filter((file) => file.problems.length > 0).length;
    io.out(
      report.problemCount === 0
        ? `✔ ${files.length} file${files.length === 1 ? '' : 's'} checked: no problems\n`
        : `✖ ${report.problemCount} problem${report.problemCount === 1 ? '' : 's'} in ${broken} of ${files.length} files\n`,
    );
  }
  return report.problemCount === 0 ? ExitCode.clean : ExitCode.problems;
}
