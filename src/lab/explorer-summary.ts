import { CallEventType, explore } from '../engine/index.ts';
import type { ExploredPath, Scenario, TipId } from '../engine/index.ts';

/** States the Lab's explorer searches at most: the shipped scenarios need under 10,000. */
export const LAB_STATE_LIMIT = 500_000;

/** A best or worst call, as the panel shows it. */
export interface PathSummary {
  readonly total: number;
  readonly endingId: string;
  /** Node and ending ids, start first. */
  readonly states: readonly string[];
  /** The answers, in order: choice ids, or null for silence. */
  readonly answers: readonly (string | null)[];
}

/** What the explorer found, as plain data a worker can post. */
export type ExplorerSummary =
  | {
      readonly ok: true;
      readonly paths: number;
      readonly truncated: boolean;
      readonly best: PathSummary | null;
      readonly worst: PathSummary | null;
      readonly endings: Readonly<Record<string, number>>;
      readonly unreachableNodes: readonly string[];
      readonly deadEnds: readonly string[];
      readonly tipsExercised: readonly TipId[];
    }
  | { readonly ok: false; readonly message: string };

function pathSummary(path: ExploredPath | null): PathSummary | null {
  if (!path) return null;
  return {
    total: path.total,
    endingId: path.endingId,
    states: path.states,
    answers: path.events.map((event) =>
      event.type === CallEventType.choose ? event.choiceId : null,
    ),
  };
}

/**
 * Explores a loaded scenario exactly with the engine's explorer (bounded by
 * `LAB_STATE_LIMIT` states, far beyond a trainer's file). Runs in the Lab's worker, off the editor's thread; it takes the scenario the
 * page already loaded (plain data), so the worker never needs the YAML parser, zod or the
 * Traditional converter.
 */
export function exploreScenario(scenario: Scenario): ExplorerSummary {
  const report = explore(scenario, { stateLimit: LAB_STATE_LIMIT });
  return {
    ok: true,
    paths: report.paths,
    truncated: report.truncated,
    best: pathSummary(report.best),
    worst: pathSummary(report.worst),
    endings: report.endings,
    unreachableNodes: report.unreachableNodes,
    deadEnds: [...new Set(report.deadEnds.map((deadEnd) => deadEnd.nodeId))],
    tipsExercised: report.tipsExercised,
  };
}
