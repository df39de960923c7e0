import { METER_IDS, startingAt } from '../engine/index.ts';
import type { MeterId, Scenario } from '../engine/index.ts';
import { t } from '../game/i18n/index.ts';
import { button, el } from './dom.ts';

/** What "play from here" hands the host: the scenario started at the node, and the timers. */
export interface PlayRequest {
  readonly scenario: Scenario;
  readonly timed: boolean;
}

/**
 * "Play from here": a node, the meters the call has there (defaulting to the scenario's start
 * values), answer timers, and the button that starts the real call scene. Enabled only while
 * the draft loads without problems.
 */
export class PlayPanel {
  readonly element: HTMLElement;
  private readonly node: HTMLSelectElement;
  private readonly meters = {} as Record<MeterId, HTMLInputElement>;
  private readonly timers: HTMLInputElement;
  private readonly play: HTMLButtonElement;
  private readonly note: HTMLElement;
  private scenario: Scenario | null = null;

  constructor(onPlay: (request: PlayRequest) => void) {
    this.node = el('select', { id: 'lab-play-node', name: 'node' });
    this.node.addEventListener('change', () => {
      this.refreshButton();
    });
    this.timers = el('input', { id: 'lab-play-timers', type: 'checkbox' });
    const meterFields = METER_IDS.map((meter) => {
      const input = el('input', {
        id: `lab-play-${meter}`,
        name: meter,
        type: 'number',
        min: 0,
        max: 100,
        step: 1,
        value: 50,
        inputmode: 'numeric',
      });
      this.meters[meter] = input;
      return el('div', { class: 'lab-field' }, [
        el('label', { for: input.id, text: t(`meters.${meter}`) }),
        input,
      ]);
    });
    this.play = button(
      t('lab.play.title'),
      () => {
        const request = this.request();
        if (request) onPlay(request);
      },
      { class: 'lab-primary', id: 'lab-play-button', disabled: true },
    );
    this.note = el('p', { class: 'lab-note', text: t('lab.play.needsValid') });
    this.element = el('section', { class: 'lab-card', 'aria-labelledby': 'lab-play-title' }, [
      el('h2', { id: 'lab-play-title', text: t('lab.play.title') }),
      el('div', { class: 'lab-field lab-field-wide' }, [
        el('label', { for: this.node.id, text: t('lab.play.node') }),
        this.node,
      ]),
      el('div', { class: 'lab-meters' }, meterFields),
      el('div', { class: 'lab-check' }, [
        this.timers,
        el('label', { for: this.timers.id, text: t('lab.play.timers') }),
      ]),
      this.play,
      this.note,
      el('p', { class: 'lab-note', text: t('lab.play.returnHint') }),
    ]);
  }

  /** The draft loaded (or not): lists its nodes and fills in its start meters once. */
  setScenario(scenario: Scenario | null): void {
    const first = this.scenario === null && scenario !== null;
    this.scenario = scenario;
    if (scenario) {
      const chosen = this.node.value;
      const ids = Object.keys(scenario.nodes);
      this.node.replaceChildren(...ids.map((id) => el('option', { value: id, text: id })));
      this.node.value = ids.includes(chosen) ? chosen : scenario.start;
      if (first)
        for (const meter of METER_IDS) this.meters[meter].value = String(scenario.meters[meter]);
    }
    this.refreshButton();
  }

  /** A node picked in the graph: chosen here too (endings cannot be played from). */
  select(nodeId: string): void {
    if (this.scenario && Object.hasOwn(this.scenario.nodes, nodeId)) {
      this.node.value = nodeId;
      this.refreshButton();
    }
  }

  private refreshButton(): void {
    const ready = this.scenario !== null && this.node.value !== '';
    this.play.disabled = !ready;
    this.play.textContent = ready
      ? t('lab.play.start', { node: this.node.value })
      : t('lab.play.title');
    this.note.hidden = this.scenario !== null;
  }

  private request(): PlayRequest | null {
    if (!this.scenario) return null;
    const meters = Object.fromEntries(
      METER_IDS.map((meter) => [meter, Number(this.meters[meter].value) || 0]),
    ) as Record<MeterId, number>;
    const scenario = startingAt(this.scenario, { nodeId: this.node.value, meters });
    return scenario ? { scenario, timed: this.timers.checked } : null;
  }
}
