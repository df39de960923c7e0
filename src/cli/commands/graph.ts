import { toMermaid } from '../../engine/index.ts';
import { ExitCode } from '../io.ts';
import type { Io } from '../io.ts';
import { loadOne } from './explore.ts';

/** `service-dojo graph <file>`: the scenario as a Mermaid flowchart. */
export function graph(file: string | undefined, json: boolean, io: Io): ExitCode {
  const scenario = loadOne(file, io);
  if (!scenario) return ExitCode.problems;
  const mermaid = toMermaid(scenario);
  io.out(json ? `${JSON.stringify({ scenarioId: scenario.id, mermaid }, null, 2)}\n` : mermaid);
  return ExitCode.clean;
}
