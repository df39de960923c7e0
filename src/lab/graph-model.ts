import { LineCounter, isMap, isScalar, parseDocument } from 'yaml';
import type { Outcome, StepId } from '../engine/index.ts';
import { OUTCOMES, STEP_IDS } from '../engine/index.ts';

/** A node or an ending of the scenario being written, placed in a layer. */
export interface GraphVertex {
  readonly id: string;
  readonly kind: 'node' | 'ending';
  readonly step: StepId | null;
  readonly outcome: Outcome | null;
  /** 1-based line of its key in the file: where a click takes the editor. */
  readonly line: number;
  readonly isStart: boolean;
  /** No route from the start leads here. */
  readonly unreachable: boolean;
  /** Reachable, but no route from here ever leads to an ending. */
  readonly deadEnd: boolean;
  /** Layer (BFS depth from the start; endings last, unreachable nodes after them). */
  readonly layer: number;
  /** Position inside its layer. */
  readonly slot: number;
}

/** Every way from one vertex to another, merged: choice ids, `silence` for onSilence. */
export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  readonly via: readonly string[];
}

export interface GraphModel {
  readonly vertices: readonly GraphVertex[];
  readonly edges: readonly GraphEdge[];
  readonly layers: number;
}

type Raw = Record<string, unknown>;
const isRecord = (value: unknown): value is Raw =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function stepOf(node: unknown): StepId | null {
  return isRecord(node) && (STEP_IDS as readonly unknown[]).includes(node.step)
    ? (node.step as StepId)
    : null;
}

/** The targets of a `next`: an id, or a list of `{ if, goto }`. */
function targetsOf(next: unknown): string[] {
  if (typeof next === 'string') return [next];
  if (!Array.isArray(next)) return [];
  return next.flatMap((route) =>
    isRecord(route) && typeof route.goto === 'string' ? [route.goto] : [],
  );
}

/** Lines of the keys of a top-level map (`nodes` or `endings`). */
function keyLines(text: string): (section: string) => Map<string, number> {
  const counter = new LineCounter();
  const document = parseDocument(text, { lineCounter: counter, uniqueKeys: false });
  return (section) => {
    const lines = new Map<string, number>();
    const map = isMap(document.contents) ? document.contents.get(section, true) : undefined;
    if (!isMap(map)) return lines;
    for (const pair of map.items) {
      if (isScalar(pair.key) && pair.key.range)
        lines.set(String(pair.key.value), counter.linePos(pair.key.range[0]).line);
    }
    return lines;
  };
}

/**
 * The graph of a scenario file as written, read tolerantly (a half-typed file still draws):
 * nodes and endings, the routes between them, a layered layout by breadth-first depth from the
 * start, and the faults visible without playing (unreachable nodes, dead ends) as the loader's
 * graph check defines them. Null when the text is not YAML at all.
 */
export function graphOf(text: string): GraphModel | null {
  let raw: unknown;
  let lines: (section: string) => Map<string, number>;
  try {
    const document = parseDocument(text, { uniqueKeys: false });
    if (document.errors.length > 0) return null;
    raw = document.toJS({ maxAliasCount: 100 });
    lines = keyLines(text);
  } catch {
    return null;
  }
  if (!isRecord(raw)) return null;
  const nodes = isRecord(raw.nodes) ? raw.nodes : {};
  const endings = isRecord(raw.endings) ? raw.endings : {};
  const nodeLines = lines('nodes');
  const endingLines = lines('endings');

  const edges = new Map<string, { from: string; to: string; via: string[] }>();
  const addEdge = (from: string, to: string, via: string) => {
    const key = `${from}\u0000${to}`;
    const edge = edges.get(key) ?? { from, to, via: [] };
    edge.via.push(via);
    edges.set(key, edge);
  };
  for (const [nodeId, node] of Object.entries(nodes)) {
    if (!isRecord(node)) continue;
    for (const choice of Array.isArray(node.choices) ? node.choices : []) {
      if (!isRecord(choice)) continue;
      const via = typeof choice.id === 'string' ? choice.id : '?';
      for (const target of targetsOf(choice.next)) addEdge(nodeId, target, via);
    }
    if (isRecord(node.onSilence))
      for (const target of targetsOf(node.onSilence.next)) addEdge(nodeId, target, 'silence');
  }
  const known = (id: string) => Object.hasOwn(nodes, id) || Object.hasOwn(endings, id);
  const edgeList = [...edges.values()].filter((edge) => known(edge.to));
  const onward = new Map<string, string[]>();
  for (const edge of edgeList) onward.set(edge.from, [...(onward.get(edge.from) ?? []), edge.to]);

  const start = typeof raw.start === 'string' && Object.hasOwn(nodes, raw.start) ? raw.start : null;
  // Without a valid `start` yet (a file being written), lay out from the first node and flag
  // nothing as unreachable: every node would be.
  const root = start ?? Object.keys(nodes)[0] ?? null;
  const depth = new Map<string, number>();
  if (root !== null) {
    depth.set(root, 0);
    const queue = [root];
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      for (const target of onward.get(id) ?? []) {
        if (!depth.has(target)) {
          depth.set(target, (depth.get(id) ?? 0) + 1);
          queue.push(target);
        }
      }
    }
  }
  const leadsToEnding = (from: string): boolean => {
    const seen = new Set([from]);
    const queue = [from];
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      if (Object.hasOwn(endings, id)) return true;
      for (const target of onward.get(id) ?? []) {
        if (!seen.has(target)) {
          seen.add(target);
          queue.push(target);
        }
      }
    }
    return false;
  };

  const nodeLayers = [...depth.entries()]
    .filter(([id]) => Object.hasOwn(nodes, id))
    .map(([, d]) => d);
  const endingLayer = nodeLayers.length > 0 ? Math.max(...nodeLayers) + 1 : 0;
  const slots = new Map<number, number>();
  const place = (layer: number) => {
    const slot = slots.get(layer) ?? 0;
    slots.set(layer, slot + 1);
    return { layer, slot };
  };
  const vertices: GraphVertex[] = [];
  const unreachableIds = Object.keys(nodes).filter((id) => !depth.has(id));
  for (const [id, node] of Object.entries(nodes)) {
    if (!depth.has(id)) continue;
    vertices.push({
      id,
      kind: 'node',
      step: stepOf(node),
      outcome: null,
      line: nodeLines.get(id) ?? 1,
      isStart: id === start,
      unreachable: false,
      deadEnd: !leadsToEnding(id),
      ...place(depth.get(id) ?? 0),
    });
  }
  vertices.sort((a, b) => a.layer - b.layer || a.slot - b.slot);
  for (const [id, ending] of Object.entries(endings)) {
    const outcome =
      isRecord(ending) && (OUTCOMES as readonly unknown[]).includes(ending.outcome)
        ? (ending.outcome as Outcome)
        : null;
    vertices.push({
      id,
      kind: 'ending',
      step: null,
      outcome,
      line: endingLines.get(id) ?? 1,
      isStart: false,
      unreachable: false,
      deadEnd: false,
      ...place(endingLayer),
    });
  }
  for (const id of unreachableIds) {
    const node = nodes[id];
    vertices.push({
      id,
      kind: 'node',
      step: stepOf(node),
      outcome: null,
      line: nodeLines.get(id) ?? 1,
      isStart: false,
      unreachable: start !== null,
      deadEnd: false,
      ...place(endingLayer + 1),
    });
  }
  return { vertices, edges: edgeList, layers: Math.max(0, ...vertices.map((v) => v.layer + 1)) };
}
