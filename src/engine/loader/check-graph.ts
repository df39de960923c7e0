import { ProblemCode } from './problem.ts';
import type { Problem } from './problem.ts';
import { entriesOf, isRawMap, stringAt } from './raw.ts';
import { rawRoutes } from './routes.ts';
import type { YamlSource } from './yaml-source.ts';

/**
 * Graph faults visible without playing: nodes no route reaches, nodes from which no ending can be
 * reached, endings nothing leads to, and a scenario with no way to a good ending. Conditions are
 * taken as possibly true here; the explorer checks what is really reachable.
 */
export function checkGraph(raw: unknown, source: YamlSource, file: string): Problem[] {
  if (!isRawMap(raw)) return [];
  const nodeIds = entriesOf(raw.nodes).map(([id]) => id);
  const endings = new Map(
    entriesOf(raw.endings).map(([id, ending]) => [id, stringAt(ending, 'outcome')]),
  );
  const start = stringAt(raw, 'start');
  if (start === undefined || !nodeIds.includes(start)) return [];

  const edges = new Map<string, Set<string>>();
  for (const route of rawRoutes(raw)) {
    if (!edges.has(route.from)) edges.set(route.from, new Set());
    edges.get(route.from)?.add(route.target);
  }
  const limitEndings = ['anger', 'patience']
    .map((meter) => stringAt(isRawMap(raw.limits) ? raw.limits[meter] : undefined, 'ending'))
    .filter((id): id is string => id !== undefined);

  const reach = (from: string): Set<string> => {
    const seen = new Set<string>([from]);
    const queue = [from];
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      for (const target of edges.get(id) ?? []) {
        if (!seen.has(target)) {
          seen.add(target);
          queue.push(target);
        }
      }
    }
    return seen;
  };

  const problems: Problem[] = [];
  const fromStart = reach(start);
  for (const nodeId of nodeIds) {
    if (!fromStart.has(nodeId)) {
      problems.push({
        file,
        ...source.keyPosition(['nodes'], nodeId),
        code: ProblemCode.unreachableNode,
        message: `node \`${nodeId}\` can never be reached from \`${start}\``,
        hint: `point a choice's \`next\` at \`${nodeId}\`, or delete the node`,
      });
      continue;
    }
    const onward = reach(nodeId);
    if (![...onward].some((id) => endings.has(id))) {
      problems.push({
        file,
        ...source.keyPosition(['nodes'], nodeId),
        code: ProblemCode.deadEnd,
        message: `node \`${nodeId}\` is a dead end: no choice from it ever leads to an ending`,
        hint: 'route at least one choice onward to an ending',
      });
    }
  }
  for (const [endingId] of endings) {
    if (!fromStart.has(endingId) && !limitEndings.includes(endingId)) {
      problems.push({
        file,
        ...source.keyPosition(['endings'], endingId),
        code: ProblemCode.unusedEnding,
        message: `ending \`${endingId}\` is never reached: no route and no limit leads to it`,
        hint: `send a choice to \`${endingId}\` with \`next: ${endingId}\`, or delete it`,
      });
    }
  }
  const winnable = [...fromStart].some((id) => endings.get(id) === 'good');
  if (!winnable) {
    problems.push({
      file,
      ...source.valuePosition(['start']),
      code: ProblemCode.unwinnable,
      message: 'no route from the start reaches an ending with `outcome: good`',
      hint: 'add a good ending and route the best answers to it',
    });
  }
  return problems;
}
