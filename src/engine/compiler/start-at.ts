import { METER_IDS } from '../model/scenario.ts';
import type { MeterId, Scenario } from '../model/scenario.ts';
import type { Meters } from './types.ts';

/** Where a playtest starts: a node of the scenario and the meters the call has there. */
export interface StartPoint {
  readonly nodeId: string;
  readonly meters: Meters;
}

const clamp = (value: number) => Math.max(0, Math.min(100, Math.round(value)));

/**
 * The same scenario started mid-call: at `nodeId` with the given meters (clamped to 0–100), so a
 * trainer can playtest one branch without playing up to it. Plain data in, plain data out: the
 * compiler, replay, scoring and explorer take the result like any other scenario. Its hash is
 * the original's marked with the start point, so a transcript of a playtest never passes as a
 * call of the whole scenario. Null when `nodeId` is not a node (an ending cannot be started at).
 *
 * @example
 * const branch = startingAt(scenario, { nodeId: 'offer', meters: { anger: 40, trust: 50, patience: 60 } });
 * if (branch) createActor(compileScenario(branch).machine, { input: { timed: false } }).start();
 */
export function startingAt(scenario: Scenario, start: StartPoint): Scenario | null {
  if (!Object.hasOwn(scenario.nodes, start.nodeId)) return null;
  const meters = Object.fromEntries(
    METER_IDS.map((meter) => [meter, clamp(start.meters[meter])]),
  ) as Record<MeterId, number>;
  return {
    ...scenario,
    start: start.nodeId,
    meters,
    hash: `${scenario.hash}@${start.nodeId}:${METER_IDS.map((meter) => meters[meter]).join('-')}`,
  };
}
