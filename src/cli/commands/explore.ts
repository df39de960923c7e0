import {
  CallEventType,
  explore as exploreScenario,
  formatProblem,
  loadScenario,
  qualityChecks,
} from '../../engine/index.ts';
import type { ExploredPath, Scenario } from '../../engine/index.ts';
import { readText } from '../files.ts';
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

/** `service-dojo explore <file>`: every path, the endings, best and worst scores, faults. */
export function explore(file: string | undefined, json: boolean, io: Io): ExitCode {
  const scenario = loadOne(file, io);
  if (!scenario) return ExitCode.problems;
  const report = exploreScenario(scenario);
  const checks = qualityChecks(report);
  const passed = checks.every((item) => item.passed);
  if (json) {
    io.out(`${JSON.stringify({ ...report, checks, passed }, null, 2)}\n`);
    return passed ? ExitCode.clean : ExitCode.problems;
  }
  const lines = [
    `${scenario.id} v${scenario.version}: ${report.paths} paths explored (timers on, prompt answers)`,
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
  return passed ? ExitCode.clean : ExitCode.problems;
}
