import { entriesOf, isRawMap, listOfRaw, stringAt } from './raw.ts';
import type { PathSegment } from './yaml-source.ts';

/** One place a scenario sends the call: where it is written, and the id it names. */
export interface RawRoute {
  readonly from: string;
  readonly path: readonly PathSegment[];
  readonly target: string;
  readonly condition?: { readonly text: string; readonly path: readonly PathSegment[] };
}

/** Every `next` (of choices and of silence), in file order, read from a possibly broken file. */
export function rawRoutes(raw: unknown): RawRoute[] {
  const routes: RawRoute[] = [];
  const nodes = isRawMap(raw) ? raw.nodes : undefined;
  const collect = (from: string, next: unknown, path: readonly PathSegment[]) => {
    if (typeof next === 'string') {
      routes.push({ from, path, target: next });
      return;
    }
    listOfRaw(next).forEach((entry, index) => {
      const target = stringAt(entry, 'goto');
      const condition = stringAt(entry, 'if');
      if (target === undefined) return;
      routes.push({
        from,
        path: [...path, index, 'goto'],
        target,
        ...(condition !== undefined
          ? { condition: { text: condition, path: [...path, index, 'if'] } }
          : {}),
      });
    });
  };
  for (const [nodeId, node] of entriesOf(nodes)) {
    listOfRaw(isRawMap(node) ? node.choices : undefined).forEach((choice, index) => {
      if (isRawMap(choice))
        collect(nodeId, choice.next, ['nodes', nodeId, 'choices', index, 'next']);
    });
    const silence = isRawMap(node) ? node.onSilence : undefined;
    if (isRawMap(silence)) {
      if (silence.next === undefined)
        routes.push({ from: nodeId, path: ['nodes', nodeId], target: nodeId });
      else collect(nodeId, silence.next, ['nodes', nodeId, 'onSilence', 'next']);
    } else if (isRawMap(node)) {
      // Silence without onSilence keeps the customer on the same node.
      routes.push({ from: nodeId, path: ['nodes', nodeId], target: nodeId });
    }
  }
  return routes;
}
