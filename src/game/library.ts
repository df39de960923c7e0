import { drills, scenarios } from 'virtual:service-dojo/scenarios';
import type { DrillData, Scenario } from '../engine/index.ts';

/**
 * The shipped scenarios, easiest first. The build plugin produced them with the engine's own
 * loader, which checked every one, so they are Scenario values by construction.
 */
export const library: readonly Scenario[] = [...(scenarios as readonly Scenario[])].sort(
  (a, b) => a.difficulty - b.difficulty || a.id.localeCompare(b.id),
);
export const drillLibrary = drills as readonly DrillData[];

export function scenarioById(id: string): Scenario | undefined {
  return library.find((scenario) => scenario.id === id);
}
