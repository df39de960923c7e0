import { OUTCOMES, STEP_IDS, STEP_NAMES } from '../engine/index.ts';
import { currentLocale, t } from '../game/i18n/index.ts';
import { el } from './dom.ts';
import { graphOf } from './graph-model.ts';
import type { GraphModel, GraphVertex } from './graph-model.ts';
import { OUTCOME_COLOUR, STEP_COLOUR, drawGraph } from './graph-view.ts';
import type { GraphLabels, RuntimeFaults } from './graph-view.ts';

const NO_FAULTS: RuntimeFaults = { unreachable: new Set(), deadEnds: new Set() };

/**
 * The graph of the draft, redrawn as it is typed; when the YAML does not parse, the last
 * readable version stays up with a note. Picking a vertex calls `onPick`.
 */
export class GraphPanel {
  readonly element: HTMLElement;
  private readonly canvas: HTMLElement;
  private readonly stale: HTMLElement;
  private model: GraphModel | null = null;
  private selected: string | null = null;
  private faults: RuntimeFaults = NO_FAULTS;
  private readonly onPick: (vertex: GraphVertex) => void;

  constructor(onPick: (vertex: GraphVertex) => void) {
    this.onPick = onPick;
    this.canvas = el('div', { class: 'lab-graph', id: 'lab-graph' });
    this.stale = el('p', { class: 'lab-note lab-warn', text: t('lab.graphStale'), hidden: true });
    const locale = currentLocale();
    const swatch = (colour: string, label: string, shape = '') =>
      el('li', {}, [
        el('span', { class: `lab-swatch ${shape}`, style: `background:${colour}` }),
        label,
      ]);
    this.element = el(
      'section',
      { class: 'lab-card lab-graph-card', 'aria-labelledby': 'lab-graph-title' },
      [
        el('h2', { id: 'lab-graph-title', text: t('lab.graph') }),
        el('p', { class: 'lab-note', text: t('lab.graphHint') }),
        el('ul', { class: 'lab-legend' }, [
          ...STEP_IDS.map((step) => swatch(STEP_COLOUR[step], STEP_NAMES[step][locale])),
          ...OUTCOMES.map((outcome) =>
            swatch(OUTCOME_COLOUR[outcome], t(`outcome.${outcome}`), 'lab-swatch-pill'),
          ),
          el('li', {}, [
            el('span', { class: 'lab-swatch lab-swatch-dashed' }),
            t('lab.unreachable'),
          ]),
          el('li', {}, [el('span', { class: 'lab-swatch lab-swatch-dead' }), t('lab.deadEnd')]),
        ]),
        this.stale,
        this.canvas,
      ],
    );
  }

  /** Redraws from the text; keeps the last drawing when the text is not YAML. */
  update(text: string): GraphModel | null {
    const model = graphOf(text);
    this.stale.hidden = model !== null || this.model === null;
    if (model) this.model = model;
    this.draw();
    return this.model;
  }

  /** Faults the explorer found by playing every path (none until it has run on this text). */
  setFaults(faults: RuntimeFaults | null): void {
    this.faults = faults ?? NO_FAULTS;
    this.draw();
  }

  select(id: string | null): void {
    this.selected = id;
    this.draw();
  }

  private draw(): void {
    if (!this.model || this.model.vertices.length === 0) {
      this.canvas.replaceChildren(el('p', { class: 'lab-note', text: t('lab.graphEmpty') }));
      return;
    }
    const locale = currentLocale();
    const labels: GraphLabels = {
      start: t('lab.start'),
      unreachable: t('lab.unreachable'),
      deadEnd: t('lab.deadEnd'),
      ending: t('lab.ending'),
      noStep: t('lab.noStep'),
      step: (step) => STEP_NAMES[step][locale],
      outcome: (outcome) => t(`outcome.${outcome}`),
    };
    // Keep keyboard focus on the vertex that had it across the redraw.
    const focused = document.activeElement?.getAttribute('data-node-id') ?? null;
    this.canvas.replaceChildren(
      drawGraph(this.model, {
        labels,
        selected: this.selected,
        faults: this.faults,
        onPick: this.onPick,
      }),
    );
    if (focused !== null)
      this.canvas.querySelector<SVGGElement>(`[data-node-id="${CSS.escape(focused)}"]`)?.focus();
  }
}
