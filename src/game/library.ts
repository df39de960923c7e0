import { catalogue, drills, loaders } from 'virtual:service-dojo/scenarios';
import type { CallEvent, Channel, DrillData, Scenario, Text, TipId } from '../engine/index.ts';

/** What the title shows of a scenario before its data is loaded. */
export interface CatalogueEntry {
  readonly id: string;
  readonly title: Text;
  readonly summary: Text;
  readonly channel: Channel;
  readonly difficulty: number;
  readonly focus: readonly TipId[];
  readonly source: { readonly doc: string; readonly section: string };
}

/**
 * The shipped scenarios, easiest first. The build plugin produced them with the engine's own
 * loader, which checked every one, so they are these types by construction.
 */
export const library: readonly CatalogueEntry[] = [
  ...(catalogue as readonly CatalogueEntry[]),
].sort((a, b) => a.difficulty - b.difficulty || a.id.localeCompare(b.id));
export const drillLibrary = drills as readonly DrillData[];

let restricted: readonly CatalogueEntry[] | null = null;

/**
 * Limits the select screen to these scenarios, in this order (an LMS package's set or drill).
 * Unknown ids are skipped.
 */
export function restrictLibrary(ids: readonly string[]): void {
  restricted = ids.flatMap((id) => library.filter((entry) => entry.id === id));
}

/** The scenarios the select screen offers: every shipped one, unless an LMS package restricts them. */
export function selectableLibrary(): readonly CatalogueEntry[] {
  return restricted ?? library;
}

const loaded = new Map<string, { scenario: Scenario; bestPath: readonly CallEvent[] }>();

/** Loads a scenario's data (its own chunk) once; later calls return at once. */
export async function loadScenarioData(id: string): Promise<Scenario | undefined> {
  const cached = loaded.get(id);
  if (cached) return cached.scenario;
  const load = loaders[id];
  if (!load) return undefined;
  const module = await load();
  const entry = {
    scenario: module.scenario as Scenario,
    bestPath: module.bestPath as readonly CallEvent[],
  };
  loaded.set(id, entry);
  return entry.scenario;
}

/** A scenario already loaded by `loadScenarioData`. */
export function scenarioById(id: string): Scenario | undefined {
  return loaded.get(id)?.scenario;
}

/** The explorer's best path of a loaded scenario, found at build time. */
export function bestPathOf(id: string): readonly CallEvent[] {
  return loaded.get(id)?.bestPath ?? [];
}
