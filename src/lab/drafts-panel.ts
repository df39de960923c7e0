import type { LabDraft } from '../storage/index.ts';
import { currentLocale, t } from '../game/i18n/index.ts';
import { button, el } from './dom.ts';

/** What the trainer can do with a draft in the list. */
export interface DraftActions {
  open(id: string): void;
  rename(draft: LabDraft): void;
  remove(draft: LabDraft): void;
}

/** The list of drafts, most recently edited first; the open one is marked `aria-current`. */
export class DraftsPanel {
  readonly element: HTMLElement;
  private readonly list: HTMLUListElement;
  private readonly actions: DraftActions;

  constructor(actions: DraftActions, newDraft: HTMLButtonElement) {
    this.actions = actions;
    this.list = el('ul', { class: 'lab-drafts', id: 'lab-drafts' });
    this.element = el('nav', { class: 'lab-sidebar', 'aria-labelledby': 'lab-drafts-title' }, [
      el('h2', { id: 'lab-drafts-title', text: t('lab.drafts') }),
      newDraft,
      this.list,
    ]);
  }

  show(drafts: readonly LabDraft[], currentId: string): void {
    const when = new Intl.DateTimeFormat(currentLocale(), {
      dateStyle: 'short',
      timeStyle: 'short',
    });
    this.list.replaceChildren(
      ...drafts.map((draft) => {
        const current = draft.id === currentId;
        const open = button(
          draft.name,
          () => {
            this.actions.open(draft.id);
          },
          { class: 'lab-draft-open', 'aria-current': current ? 'true' : undefined },
        );
        open.append(el('small', { text: t('lab.edited', { when: when.format(draft.updatedAt) }) }));
        return el(
          'li',
          {
            class: current ? 'lab-draft lab-draft-current' : 'lab-draft',
            'data-draft-id': draft.id,
          },
          [
            open,
            el('div', { class: 'lab-draft-tools' }, [
              button(
                t('lab.rename'),
                () => {
                  this.actions.rename(draft);
                },
                { class: 'lab-small', 'aria-label': `${t('lab.rename')}: ${draft.name}` },
              ),
              button(
                t('lab.remove'),
                () => {
                  this.actions.remove(draft);
                },
                {
                  class: 'lab-small lab-danger',
                  'aria-label': `${t('lab.remove')}: ${draft.name}`,
                },
              ),
            ]),
          ],
        );
      }),
    );
  }
}
