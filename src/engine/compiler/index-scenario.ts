import { parseCondition } from '../conditions/index.ts';
import type { Condition } from '../conditions/index.ts';
import type { Choice, Next, Scenario } from '../model/scenario.ts';

/** A route with its condition parsed once. */
export interface Route {
  readonly condition: Condition | null;
  readonly target: string;
}

export interface IndexedChoice {
  readonly nodeId: string;
  readonly choice: Choice;
  readonly when: Condition | null;
  readonly routes: readonly Route[];
}

/** Lookups the compiler, scorer and explorer share; built once per scenario. */
export interface ScenarioIndex {
  readonly choices: ReadonlyMap<string, IndexedChoice>;
  readonly silenceRoutes: ReadonlyMap<string, readonly Route[]>;
}

function parsed(text: string | undefined): Condition | null {
  if (text === undefined) return null;
  const result = parseCondition(text);
  // The loader has already rejected bad conditions; a failure here is a programming error.
  if (!result.ok) throw new Error(`unchecked condition "${text}": ${result.error.message}`);
  return result.condition;
}

export function routesOf(next: Next | undefined, self: string): Route[] {
  if (next === undefined) return [{ condition: null, target: self }];
  if (typeof next === 'string') return [{ condition: null, target: next }];
  return next.map((route) => ({ condition: parsed(route.if), target: route.goto }));
}

export function indexScenario(scenario: Scenario): ScenarioIndex {
  const choices = new Map<string, IndexedChoice>();
  const silenceRoutes = new Map<string, Route[]>();
  for (const [nodeId, node] of Object.entries(scenario.nodes)) {
    for (const choice of node.choices) {
      choices.set(choice.id, {
        nodeId,
        choice,
        when: parsed(choice.when),
        routes: routesOf(choice.next, nodeId),
      });
    }
    silenceRoutes.set(nodeId, routesOf(node.onSilence?.next, nodeId));
  }
  return { choices, silenceRoutes };
}
