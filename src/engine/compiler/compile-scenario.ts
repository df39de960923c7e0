import type { Scenario } from '../model/scenario.ts';
import { buildMachine } from './compile.ts';
import type { CallMachine } from './compile.ts';
import { indexScenario } from './index-scenario.ts';
import type { ScenarioIndex } from './index-scenario.ts';

/** A scenario ready to play: its machine and the lookups scoring and exploring share. */
export interface CompiledScenario {
  readonly scenario: Scenario;
  readonly index: ScenarioIndex;
  readonly machine: CallMachine;
}

const cache = new WeakMap<Scenario, CompiledScenario>();

/**
 * Compiles a loaded scenario to its XState machine, once: later calls return the cached result,
 * so replaying and scoring many transcripts never pays for compiling again.
 *
 * @example
 * const { machine } = compileScenario(scenario);
 * const actor = createActor(machine, { input: { timed: true } }).start();
 * actor.send({ type: 'CHOOSE', choiceId: 'listen', elapsedMs: 3200 });
 */
export function compileScenario(scenario: Scenario): CompiledScenario {
  const cached = cache.get(scenario);
  if (cached) return cached;
  const index = indexScenario(scenario);
  const compiled = { scenario, index, machine: buildMachine(scenario, index) };
  cache.set(scenario, compiled);
  return compiled;
}
