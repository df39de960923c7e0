import { ProblemCode } from './problem.ts';
import type { Problem } from './problem.ts';
import { entriesOf, isRawMap, listOfRaw } from './raw.ts';
import type { YamlSource } from './yaml-source.ts';

/**
 * Compensation is scored against what the customer actually lost (001 §五 3), so a scenario that
 * lets the trainee give anything away must say how much that is.
 */
export function checkCompensation(raw: unknown, source: YamlSource, file: string): Problem[] {
  if (!isRawMap(raw) || typeof raw.loss === 'number') return [];
  for (const [nodeId, node] of entriesOf(raw.nodes)) {
    const choices = listOfRaw(isRawMap(node) ? node.choices : undefined);
    const index = choices.findIndex(
      (choice) => isRawMap(choice) && typeof choice.cost === 'number',
    );
    if (index < 0) continue;
    return [
      {
        file,
        ...source.valuePosition(['nodes', nodeId, 'choices', index, 'cost']),
        code: ProblemCode.missingField,
        message:
          'this answer gives compensation, but the scenario does not say what the customer actually lost',
        hint: 'add `loss: <amount>` at the top level (and `goodwill: <amount>` if the rules allow a gesture on top): spending beyond it is over-compensation',
      },
    ];
  }
  return [];
}
