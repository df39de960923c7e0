import type { Problem } from '../engine/index.ts';
import { t } from '../game/i18n/index.ts';
import { el } from './dom.ts';

/**
 * The loader's verdict on the draft: a status line (checking, valid, or how many problems) and
 * every problem as a button that takes the editor to its line and column.
 */
export class ProblemsPanel {
  readonly element: HTMLElement;
  private readonly status: HTMLElement;
  private readonly list: HTMLOListElement;
  private readonly onJump: (problem: Problem) => void;

  constructor(onJump: (problem: Problem) => void) {
    this.onJump = onJump;
    this.status = el('p', {
      class: 'lab-status',
      role: 'status',
      'data-state': 'checking',
      text: t('lab.checking'),
    });
    this.list = el('ol', { class: 'lab-problems', 'aria-label': t('lab.problemsList') });
    this.element = el('section', { class: 'lab-card', 'aria-labelledby': 'lab-problems-title' }, [
      el('h2', { id: 'lab-problems-title', text: t('lab.problemsList') }),
      this.status,
      this.list,
    ]);
  }

  checking(): void {
    this.status.dataset.state = 'checking';
    this.status.textContent = t('lab.checking');
  }

  show(problems: readonly Problem[], ms: number): void {
    this.status.dataset.state = problems.length === 0 ? 'valid' : 'problems';
    this.status.dataset.count = String(problems.length);
    this.status.dataset.ms = String(Math.round(ms));
    this.status.textContent =
      problems.length === 0 ? t('lab.valid') : t('lab.problems', { count: problems.length });
    this.list.replaceChildren(
      ...problems.map((problem) => {
        const jump = el(
          'button',
          {
            type: 'button',
            class: 'lab-problem',
            'data-line': problem.line,
            'data-column': problem.column,
            'data-code': problem.code,
          },
          [
            el('span', { class: 'lab-problem-at', text: `${problem.line}:${problem.column}` }),
            el('span', { class: 'lab-problem-message', text: problem.message }),
            el('span', {
              class: 'lab-problem-hint',
              text: t('lab.writeInstead', { hint: problem.hint }),
            }),
          ],
        );
        jump.addEventListener('click', () => {
          this.onJump(problem);
        });
        return el('li', {}, [jump]);
      }),
    );
  }
}
