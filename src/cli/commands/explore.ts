import {
  CallEventType,
  explore as exploreScenario,
  formatProblem,
  loadScenario,
  qualityChecks,
} from '../../engine/index.ts';
import type { ExploredPath, Problem, Scenario } from '../../engine/index.ts';
import path from 'node:path';
import { YAML_FILE, collectYamlFiles, isDrillFile, readText } from '../files.ts';
import { ExitCode, UsageError } from '../io.ts';
import type { Io } from '../io.ts';

function describePath(path: ExploredPath | null): string {
  if (!path) return 'none';
  const moves = path.events.map((event) =>
    event.type === CallEventType.choose ? event.choiceId : '(silence)',
  );
  return `${path.total}/100 in ${path.events.length} turns: ${[...moves, path.endingId].join(' → ')}`;
}

export function loadOne(file: string | undefined, io: Io): Scenario | null {
  if (file === undefined)
    throw new UsageError(
      'name one scenario file, e.g. `service-dojo explore scenarios/charged-twice.yaml`',
    );
  let text: string;
  try {
    text = readText(file);
  } catch {
    throw new UsageError(`cannot read ${file}`);
  }
  const result = loadScenario(text, file);
  if (result.ok) return result.value;
  for (const problem of result.problems) io.out(`${formatProblem(problem)}\n`);
  return null;
}

/** One scenario's report as `--json` prints it: the explorer's findings, the checks, the verdict. */
function jsonReport(scenario: Scenario) {
  const report = exploreScenario(scenario);
  const checks = qualityChecks(report);
  return { ...report, checks, passed: checks.every((item) => item.passed) };
}

/** A file that does not load, as `--json` prints it: its problems, never plain text. */
function loadFailure(file: string, problems: readonly Problem[]) {
  return { file, problems, passed: false };
}

function loadFile(
  file: string,
): { ok: true; scenario: Scenario } | { ok: false; problems: Problem[] } {
  let text: string;
  try {
    text = readText(file);
  } catch {
    throw new UsageError(`cannot read ${file}`);
  }
  const result = loadScenario(text, file);
  return result.ok
    ? { ok: true, scenario: result.value }
    : { ok: false, problems: result.problems };
}

/**
 * `service-dojo explore <files|folders>`: every path of each scenario, the endings, best and
 * worst scores, faults and the give-away checks. One file prints one report; several (or a
 * folder) print one per scenario, drills left out.
 */
export function explore(targets: readonly string[], json: boolean, io: Io): ExitCode {
  if (targets.length === 0)
    throw new UsageError(
      'name a scenario file or folder, e.g. `service-dojo explore scenarios/charged-twice.yaml`',
    );
  const single = targets.length === 1 && YAML_FILE.test(targets[0] ?? '');
  const files = single
    ? [targets[0] ?? '']
    : collectYamlFiles(targets).filter((file) => !isDrillFile(file));
  if (files.length === 0) throw new UsageError(`no scenario files found in ${targets.join(', ')}`);
  const loaded = files.map((file) => ({ file, ...loadFile(file) }));
  if (json) {
    const reports = loaded.map((entry) =>
      entry.ok
        ? { file: entry.file, ...jsonReport(entry.scenario) }
        : loadFailure(entry.file, entry.problems),
    );
    const passed = reports.every((report) => report.passed);
    io.out(`${JSON.stringify(single ? reports[0] : { scenarios: reports, passed }, null, 2)}\n`);
    return passed ? ExitCode.clean : ExitCode.problems;
  }
  const failing: string[] = [];
  loaded.forEach((entry, index) => {
    if (index > 0) io.out('\n');
    if (!entry.ok) {
      failing.push(entry.file);
      for (const problem of entry.problems) io.out(`${formatProblem(problem)}\n`);
    } else if (!printReport(entry.scenario, io)) {
      failing.push(entry.file);
    }
  });
  if (files.length > 1) {
    io.out(
      `\n${failing.length === 0 ? '✔' : '✖'} ${String(files.length - failing.length)} of ${String(files.length)} scenarios pass every check${failing.length > 0 ? `: not ${failing.map((file) => path.basename(file)).join(', ')}` : ''}\n`,
    );
  }
  return failing.length === 0 ? ExitCode.clean : ExitCode.problems;
}

/** The plain-text report of one scenario; true when every check passed. */
function printReport(scenario: Scenario, io: Io): boolean {
  const report = exploreScenario(scenario);
  const checks = qualityChecks(report);
  const lines = [
    `${scenario.id} v${scenario.version}: ${String(report.paths)} calls, ${String(report.states)} states searched (timers on, prompt answers)`,
    '',
    'Endings reached:',
    ...Object.entries(report.endings).map(
      ([id, count]) =>
        `  ${id.padEnd(24)} ${(scenario.endings[id]?.outcome ?? '').padEnd(8)} ${count} paths`,
    ),
    '',
    `Best path:          ${describePath(report.best)}`,
    `Worst path:         ${describePath(report.worst)}`,
    `Shortest good path: ${describePath(report.shortestGood)}`,
    `Tips exercised:     ${report.tipsExercised.join(', ')}`,
    '',
    ...checks.map((item) => `${item.passed ? '✔' : '✖'} ${item.label}`),
  ];
  io.out(`${lines.join('\n')}\n`);
  return checks.every((item) => item.passed);
}
