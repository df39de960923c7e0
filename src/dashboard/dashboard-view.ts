import { localized } from '../drill-client/index.ts';
import type { CatalogueResponse, DrillInfo } from '../protocol/index.ts';
import { currentLocale, t } from '../game/i18n/index.ts';
import { authView } from './auth-view.ts';
import { passphraseView } from './passphrase-view.ts';
import { createDrillView } from './create-drill-view.ts';
import { button, el, messageLine } from './dom.ts';
import { drillPanelView } from './drill-panel-view.ts';
import { api, failureText, isUnauthorized, trainerToken } from './session.ts';

/**
 * The trainer dashboard: login (or first-run setup), then the new-drill form and the list of
 * drills on the left, the chosen drill on the right.
 */
export function startDashboard(root: HTMLElement): void {
  const page = el('div', '', 'page');
  const top = el('header', '', 'topbar');
  const heading = el('h1');
  heading.append(el('span', t('title')), ` · ${t('trainer.title')}`);
  const logout = button(t('trainer.logout'), () => {
    const token = trainerToken.get();
    trainerToken.clear();
    showAuth();
    // The server forgets the session too (if it is unreachable, the token expires on its own).
    if (token) void api.trainerLogout(token);
  });
  const passphrase = button(t('trainer.passphrase.open'), () => {
    const token = trainerToken.get();
    if (token && !body.querySelector('[data-passphrase]'))
      body.prepend(
        passphraseView(token, (fresh) => {
          if (fresh) showDashboard(fresh);
        }),
      );
  });
  const actions = el('div', '', 'actions');
  actions.append(passphrase, logout);
  top.append(heading, actions);
  const body = el('main');
  page.append(top, body);
  root.replaceChildren(page);

  function showAuth(): void {
    logout.hidden = true;
    passphrase.hidden = true;
    body.replaceChildren(authView(showDashboard));
  }

  const token = trainerToken.get();
  if (token) showDashboard(token);
  else showAuth();

  function showDashboard(trainer: string): void {
    logout.hidden = false;
    passphrase.hidden = false;
    const locale = currentLocale();
    const layout = el('div', '', 'layout');
    const side = el('div', '', 'stack');
    const main = el('div', '', 'stack');
    const error = messageLine('alert');
    const listCard = el('section', '', 'card');
    const list = el('ul', '', 'drills');
    listCard.append(el('h2', t('trainer.drills')), list);
    layout.append(side, main);
    body.replaceChildren(error, layout);

    let selected: string | null = null;
    let panel: { stop(): void } | null = null;
    const joinUrls = new Map<string, string>();

    function select(drill: DrillInfo): void {
      panel?.stop();
      selected = drill.code;
      const view = drillPanelView(
        trainer,
        drill,
        () => void refreshList(),
        joinUrls.get(drill.code),
      );
      panel = view;
      main.replaceChildren(view.element);
      for (const item of list.querySelectorAll('button'))
        item.setAttribute('aria-current', String(item.dataset.code === drill.code));
    }

    async function refreshList(): Promise<void> {
      const answer = await api.listDrills(trainer);
      if (!answer.ok) {
        if (isUnauthorized(answer)) {
          trainerToken.clear();
          panel?.stop();
          showAuth();
          return;
        }
        error.textContent = failureText(answer);
        return;
      }
      const drills = [...answer.value.drills].sort((a, b) =>
        b.createdAt.localeCompare(a.createdAt),
      );
      // The server's join links (its public address, not necessarily this page's).
      for (const drill of drills) joinUrls.set(drill.code, drill.joinUrl);
      list.replaceChildren(
        ...(drills.length === 0
          ? [el('li', t('trainer.noDrills'), 'muted')]
          : drills.map((drill) => {
              const item = el('li');
              const open = el('button');
              open.type = 'button';
              open.dataset.code = drill.code;
              open.setAttribute('aria-current', String(drill.code === selected));
              const name = el('span', localized(drill.title, locale), 'name');
              const meta = el('span', '', 'meta');
              meta.append(
                el('span', drill.code, 'code'),
                ` · ${t('trainer.players', { count: drill.players })} · ${t(
                  drill.status === 'open' ? 'trainer.statusOpen' : 'trainer.statusClosed',
                )}`,
              );
              open.append(name, meta);
              open.addEventListener('click', () => {
                select(drill);
              });
              item.append(open);
              return item;
            })),
      );
    }

    void api.catalogue().then((answer) => {
      if (!answer.ok) {
        error.textContent = failureText(answer);
        return;
      }
      const catalogue: CatalogueResponse = answer.value;
      side.replaceChildren(
        createDrillView(trainer, catalogue, (drill, joinUrl) => {
          joinUrls.set(drill.code, joinUrl);
          void refreshList().then(() => {
            select(drill);
          });
        }),
        listCard,
      );
    });
    side.append(listCard);
    void refreshList();
  }
}
