import { TIP_IDS, TIP_NAMES } from '../engine/index.ts';
import { currentLocale, t } from '../game/i18n/index.ts';
import { el } from './dom.ts';
import type { ExplorerResponse } from './explorer-client.ts';
import type { PathSummary } from './explorer-summary.ts';

/**
 * The explorer's findings on the draft: best and worst score with their paths, how often each
 * ending is reached, and which tips the scenario exercises. Shows the time the worker took.
 */
export class ExplorerPanel {
  readonly element: HTMLElement;
  private readonly body: HTMLElement;

  constructor() {
    this.body = el(
      'div',
      { class: 'lab-explorer', 'aria-live': 'polite', 'data-state': 'waiting' },
      [el('p', { class: 'lab-note', text: t('lab.explorer.waiting') })],
    );
    this.element = el('section', { class: 'lab-card', 'aria-labelledby': 'lab-explorer-title' }, [
      el('h2', { id: 'lab-explorer-title', text: t('lab.explorer.title') }),
      this.body,
    ]);
  }

  waiting(): void {
    this.state('waiting', [el('p', { class: 'lab-note', text: t('lab.explorer.waiting') })]);
  }

  running(): void {
    this.body.setAttribute('aria-busy', 'true');
    this.body.dataset.state = 'running';
    const note = this.body.querySelector('.lab-explorer-running');
    if (!note)
      this.body.prepend(
        el('p', { class: 'lab-note lab-explorer-running', text: t('lab.explorer.running') }),
      );
  }

  show({ summary, ms }: ExplorerResponse): void {
    this.body.removeAttribute('aria-busy');
    if (!summary.ok) {
      this.state('failed', [
        el('p', {
          class: 'lab-note',
          text: t('lab.explorer.failed', { message: summary.message }),
        }),
      ]);
      return;
    }
    const locale = currentLocale();
    const exercised = new Set(summary.tipsExercised);
    this.state('done', [
      el('dl', { class: 'lab-scores' }, [
        ...scoreRow(t('lab.explorer.best'), summary.best, 'best'),
        ...scoreRow(t('lab.explorer.worst'), summary.worst, 'worst'),
      ]),
      el('h3', { text: t('lab.explorer.endings') }),
      el(
        'ul',
        { class: 'lab-endings' },
        Object.entries(summary.endings).map(([id, count]) =>
          el(
            'li',
            { 'data-ending': id, 'data-count': count, class: count === 0 ? 'lab-muted' : '' },
            [
              el('span', { text: id }),
              el('span', {
                class: 'lab-count',
                text: count === 0 ? t('lab.explorer.never') : String(count),
              }),
            ],
          ),
        ),
      ),
      el('h3', { text: t('lab.explorer.tips') }),
      el(
        'ul',
        { class: 'lab-tips' },
        TIP_IDS.map((tip) =>
          el('li', {
            class: exercised.has(tip) ? 'lab-tip-on' : 'lab-tip-off',
            'data-tip': tip,
            text: `${exercised.has(tip) ? '✓' : '–'} ${TIP_NAMES[tip][locale]}`,
            title: exercised.has(tip) ? '' : t('lab.explorer.notExercised'),
          }),
        ),
      ),
      el('p', {
        class: 'lab-note',
        'data-paths': summary.paths,
        'data-ms': ms,
        text: t('lab.explorer.paths', { count: summary.paths, ms }),
      }),
      ...(summary.truncated
        ? [el('p', { class: 'lab-note lab-warn', text: t('lab.explorer.truncated') })]
        : []),
    ]);
  }

  private state(state: string, children: Node[]): void {
    this.body.dataset.state = state;
    this.body.replaceChildren(...children);
  }
}

function scoreRow(label: string, path: PathSummary | null, which: string): HTMLElement[] {
  if (!path) return [];
  const answers = path.answers.map((answer) => answer ?? '…').join(' → ');
  return [
    el('dt', { text: label }),
    el('dd', { 'data-score': which, 'data-total': path.total }, [
      el('strong', { class: 'lab-total', text: String(path.total) }),
      el('span', { class: 'lab-path', text: `${answers} ⇒ ${path.endingId}` }),
    ]),
  ];
}
