import type { Outcome, StepId } from '../engine/index.ts';
import { svg } from './dom.ts';
import type { GraphModel, GraphVertex } from './graph-model.ts';

/** One colour per step (vent → follow-up), also named in the legend: never colour alone. */
export const STEP_COLOUR: Readonly<Record<StepId, string>> = {
  vent: '#f4845f',
  apologise: '#c77dff',
  ask: '#4cc9f0',
  followUp: '#52b788',
};
export const NO_STEP_COLOUR = '#a9b4c9';
export const OUTCOME_COLOUR: Readonly<Record<Outcome, string>> = {
  good: '#2a9d8f',
  partial: '#fca311',
  bad: '#e63946',
};

const BOX_W = 124;
const BOX_H = 46;
const GAP_X = 16;
const GAP_Y = 54;
const PAD = 24;

/** What the view says in words on a vertex (its flags) and reads out to screen readers. */
export interface GraphLabels {
  readonly start: string;
  readonly unreachable: string;
  readonly deadEnd: string;
  readonly ending: string;
  readonly noStep: string;
  readonly step: (step: StepId) => string;
  readonly outcome: (outcome: Outcome) => string;
}

/** Faults the explorer found by playing (conditions taken into account), drawn like the loader's. */
export interface RuntimeFaults {
  readonly unreachable: ReadonlySet<string>;
  readonly deadEnds: ReadonlySet<string>;
}

const shorten = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

/**
 * Draws the graph as SVG: layers top to bottom, nodes filled with their step's colour, endings as
 * pills in their outcome's colour, unreachable nodes dashed, dead ends outlined in red. Each
 * vertex is a focusable button (`data-node-id`) that calls `onPick`.
 */
export function drawGraph(
  model: GraphModel,
  options: {
    labels: GraphLabels;
    selected: string | null;
    faults: RuntimeFaults;
    onPick: (vertex: GraphVertex) => void;
  },
): SVGSVGElement {
  const perLayer = new Map<number, number>();
  for (const vertex of model.vertices)
    perLayer.set(vertex.layer, (perLayer.get(vertex.layer) ?? 0) + 1);
  const widest = Math.max(1, ...perLayer.values());
  const width = PAD * 2 + widest * BOX_W + (widest - 1) * GAP_X;
  const height = PAD * 2 + model.layers * BOX_H + Math.max(0, model.layers - 1) * GAP_Y;
  const position = new Map<string, { x: number; y: number }>();
  for (const vertex of model.vertices) {
    const count = perLayer.get(vertex.layer) ?? 1;
    const rowWidth = count * BOX_W + (count - 1) * GAP_X;
    position.set(vertex.id, {
      x: (width - rowWidth) / 2 + vertex.slot * (BOX_W + GAP_X),
      y: PAD + vertex.layer * (BOX_H + GAP_Y),
    });
  }

  const root = svg('svg', {
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    class: 'lab-graph-svg',
    role: 'group',
  });
  root.append(
    svg('defs', {}, [
      svg(
        'marker',
        {
          id: 'lab-arrow',
          viewBox: '0 0 10 10',
          refX: 9,
          refY: 5,
          markerWidth: 7,
          markerHeight: 7,
          orient: 'auto-start-reverse',
        },
        [svg('path', { d: 'M0,0 L10,5 L0,10 z', fill: '#7f8bab' })],
      ),
    ]),
  );
  const layerOf = new Map(model.vertices.map((vertex) => [vertex.id, vertex.layer]));
  for (const edge of model.edges) {
    const from = position.get(edge.from);
    const to = position.get(edge.to);
    if (!from || !to) continue;
    let d: string;
    if (edge.from === edge.to) {
      const x = from.x + BOX_W;
      const y = from.y + BOX_H / 2;
      d = `M${x},${y - 10} C${x + 34},${y - 30} ${x + 34},${y + 30} ${x},${y + 10}`;
    } else if ((layerOf.get(edge.to) ?? 0) > (layerOf.get(edge.from) ?? 0)) {
      const x1 = from.x + BOX_W / 2;
      const y1 = from.y + BOX_H;
      const x2 = to.x + BOX_W / 2;
      const y2 = to.y;
      const bend = (y2 - y1) / 2;
      d = `M${x1},${y1} C${x1},${y1 + bend} ${x2},${y2 - bend} ${x2},${y2}`;
    } else {
      // A route back up (a loop): around the right-hand side, so it never crosses the boxes.
      const x1 = from.x + BOX_W;
      const y1 = from.y + BOX_H / 2;
      const x2 = to.x + BOX_W;
      const y2 = to.y + BOX_H / 2;
      const out = Math.max(x1, x2) + 40;
      d = `M${x1},${y1} C${out},${y1} ${out},${y2} ${x2},${y2}`;
    }
    const path = svg('path', {
      d,
      class:
        edge.via.includes('silence') && edge.via.length === 1
          ? 'lab-edge lab-edge-silence'
          : 'lab-edge',
      'marker-end': 'url(#lab-arrow)',
    });
    path.append(
      svg('title', {}, [
        document.createTextNode(`${edge.from} → ${edge.to}: ${edge.via.join(', ')}`),
      ]),
    );
    root.append(path);
  }
  for (const vertex of model.vertices) {
    const at = position.get(vertex.id);
    if (at) root.append(drawVertex(vertex, at, options));
  }
  return root;
}

function drawVertex(
  vertex: GraphVertex,
  at: { x: number; y: number },
  options: {
    labels: GraphLabels;
    selected: string | null;
    faults: RuntimeFaults;
    onPick: (vertex: GraphVertex) => void;
  },
): SVGGElement {
  const { labels, faults } = options;
  const unreachable = vertex.unreachable || faults.unreachable.has(vertex.id);
  const deadEnd = vertex.deadEnd || faults.deadEnds.has(vertex.id);
  const kindText =
    vertex.kind === 'ending'
      ? vertex.outcome
        ? labels.outcome(vertex.outcome)
        : labels.ending
      : vertex.step
        ? labels.step(vertex.step)
        : labels.noStep;
  const flags = [
    vertex.isStart ? labels.start : null,
    unreachable ? labels.unreachable : null,
    deadEnd ? labels.deadEnd : null,
  ].filter((flag): flag is string => flag !== null);
  const fill =
    vertex.kind === 'ending'
      ? vertex.outcome
        ? OUTCOME_COLOUR[vertex.outcome]
        : NO_STEP_COLOUR
      : vertex.step
        ? STEP_COLOUR[vertex.step]
        : NO_STEP_COLOUR;
  const classes = ['lab-vertex', `lab-vertex-${vertex.kind}`];
  if (unreachable) classes.push('lab-vertex-unreachable');
  if (deadEnd) classes.push('lab-vertex-dead-end');
  if (vertex.isStart) classes.push('lab-vertex-start');
  if (vertex.id === options.selected) classes.push('lab-vertex-selected');
  const group = svg('g', {
    class: classes.join(' '),
    transform: `translate(${at.x},${at.y})`,
    tabindex: 0,
    role: 'button',
    'data-node-id': vertex.id,
    'data-kind': vertex.kind,
    'aria-label': [vertex.id, kindText, ...flags].join(', '),
  });
  group.append(
    svg('rect', {
      class: 'lab-vertex-box',
      width: BOX_W,
      height: BOX_H,
      rx: vertex.kind === 'ending' ? BOX_H / 2 : 8,
      fill,
    }),
    svg('text', { x: BOX_W / 2, y: 19, class: 'lab-vertex-id', 'text-anchor': 'middle' }, [
      document.createTextNode(shorten(vertex.id, 15)),
    ]),
    svg('text', { x: BOX_W / 2, y: 36, class: 'lab-vertex-kind', 'text-anchor': 'middle' }, [
      document.createTextNode(shorten(flags.length > 0 ? flags.join(' · ') : kindText, 22)),
    ]),
  );
  const pick = () => {
    options.onPick(vertex);
  };
  group.addEventListener('click', pick);
  group.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      pick();
    }
  });
  return group;
}
