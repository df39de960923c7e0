import {
  StreamState,
  boardTable,
  followBoard,
  localized,
  renderBoard,
} from '../drill-client/index.ts';
import { ApiRoute, DrillStatus, JOIN_QUERY } from '../protocol/index.ts';
import type { BoardResponse, DrillInfo, DrillStats } from '../protocol/index.ts';
import { currentLocale, t } from '../game/i18n/index.ts';
import { PageQuery } from './page.ts';
import { button, el, messageLine } from './dom.ts';
import { boardLabels } from '../game/drill/labels.ts';
export { boardLabels } from '../game/drill/labels.ts';
import { api, failureText } from './session.ts';
import { tipChart } from './tip-chart.ts';

/** The address players open for a drill (the QR code's target). */
export function joinUrl(code: string): string {
  const url = new URL('/', location.origin);
  url.searchParams.set(JOIN_QUERY, code);
  return url.toString();
}

/**
 * One drill for its trainer: the join code large with its QR code, the live board, close,
 * CSV export, the projector view, the team's average per tip and the hardest moments.
 * Returns the element and the function that stops its live updates.
 */
export function drillPanelView(
  token: string,
  drill: DrillInfo,
  changed: () => void,
  /** The server's join URL when it gave one (it may know a public address the page does not). */
  serverJoinUrl?: string,
): { element: HTMLElement; stop(): void } {
  const locale = currentLocale();
  const card = el('section', '', 'card');
  card.setAttribute('aria-label', localized(drill.title, locale));
  const title = el('h2', localized(drill.title, locale));
  const status = el('p', '', 'muted');
  const error = messageLine('alert');

  const join = el('div', '', 'join');
  const joinText = el('div');
  const codeLabel = el('p', t('trainer.code'), 'muted');
  const code = el('p', drill.code, 'join-code');
  code.dataset.joinCode = drill.code;
  const url = serverJoinUrl ?? joinUrl(drill.code);
  const link = el('a', t('trainer.joinAt', { url }));
  link.href = url;
  link.target = '_blank';
  joinText.append(codeLabel, code, link);
  const qr = el('img', '', 'qr');
  qr.src = api.url(ApiRoute.drillQr, drill.code);
  qr.alt = t('trainer.qr', { code: drill.code });
  join.append(joinText, qr);

  const projector = el('a', t('trainer.projector'), 'button');
  projector.href = `/?${PageQuery.board}=${encodeURIComponent(drill.code)}`;
  projector.target = '_blank';
  const exportButton = button(t('trainer.exportCsv'), () => void downloadCsv());
  const closeButton = button(t('trainer.close'), () => void closeDrill(), 'button danger');
  const actions = el('div', '', 'actions');
  actions.append(projector, exportButton, closeButton);

  const labels = boardLabels();
  const board = boardTable(labels);
  board.setAttribute('aria-live', 'polite');
  // The trainer's board has one more column: take an impostor or a duplicate off the drill.
  const removeHeading = el('th', t('trainer.removeColumn'), 'remove');
  removeHeading.scope = 'col';
  board.tHead?.rows[0]?.append(removeHeading);
  const live = el('p', t('drill.board.reconnecting'), 'live');
  const statsHeading = el('h3', t('trainer.stats'));
  const statsSummary = el('p', '', 'muted');
  const chartBox = el('div');
  const hardestHeading = el('h3', t('trainer.hardest'));
  const hardest = el('ol', '', 'hardest');

  card.append(title, status, error, join, actions, el('hr'), board, live);
  card.append(statsHeading, statsSummary, chartBox, hardestHeading, hardest);

  let current = drill;
  let players = -1;
  const scenarioTitle = (id: string) => {
    const ref = drill.scenarios.find((scenario) => scenario.id === id);
    return ref ? localized(ref.title, locale) : id;
  };
  function showStatus(): void {
    status.textContent =
      current.status === DrillStatus.open ? t('trainer.statusOpen') : t('trainer.statusClosed');
    closeButton.disabled = current.status !== DrillStatus.open;
  }
  showStatus();

  function showStats(stats: DrillStats): void {
    statsSummary.textContent = t('trainer.submissions', {
      players: stats.players,
      submissions: stats.submissions,
    });
    chartBox.replaceChildren(
      stats.submissions === 0
        ? el('p', t('trainer.statsEmpty'), 'muted')
        : tipChart(stats.tips, locale, {
            title: t('trainer.stats'),
            notAssessed: t('trainer.notAssessed'),
          }),
    );
    hardest.replaceChildren(
      ...(stats.hardest.length === 0
        ? [el('li', t('trainer.hardestEmpty'), 'muted')]
        : stats.hardest.map((moment) => {
            const item = el('li');
            item.append(
              el('span', `“${localized(moment.line, locale)}”`, 'line'),
              el(
                'span',
                `${scenarioTitle(moment.scenarioId)} · ${t('trainer.misses', {
                  count: moment.misses,
                  points: Math.round(moment.pointsLost * 10) / 10,
                })}`,
                'meta',
              ),
            );
            return item;
          })),
    );
  }

  let statsTimer: number | null = null;
  function refreshStats(): void {
    // Boards can change several times a second in a busy room: one stats request per burst.
    if (statsTimer !== null) return;
    statsTimer = window.setTimeout(() => {
      statsTimer = null;
      void api.stats(token, drill.code).then((answer) => {
        if (answer.ok) showStats(answer.value);
      });
    }, 400);
  }

  async function downloadCsv(): Promise<void> {
    error.textContent = '';
    const answer = await api.exportCsv(token, drill.code);
    if (!answer.ok) {
      error.textContent = failureText(answer);
      return;
    }
    const url = URL.createObjectURL(new Blob([answer.value], { type: 'text/csv;charset=utf-8' }));
    const anchor = el('a');
    anchor.href = url;
    anchor.download = `drill-${drill.code}.csv`;
    document.body.append(anchor);
    anchor.click();
    anchor.remove();
    setTimeout(() => {
      URL.revokeObjectURL(url);
    }, 1000);
  }

  async function closeDrill(): Promise<void> {
    if (!window.confirm(t('trainer.confirmClose', { code: drill.code }))) return;
    error.textContent = '';
    const answer = await api.closeDrill(token, drill.code);
    if (!answer.ok) {
      error.textContent = failureText(answer);
      return;
    }
    current = { ...current, status: DrillStatus.closed };
    showStatus();
    changed();
  }

  async function removePlayer(playerId: string, name: string): Promise<void> {
    if (!window.confirm(t('trainer.confirmRemove', { name, code: drill.code }))) return;
    error.textContent = '';
    const answer = await api.removePlayer(token, drill.code, playerId);
    // The board that follows comes over the live stream, as it does for every viewer.
    if (!answer.ok) error.textContent = failureText(answer);
  }

  /** A remove button on each player's row (the empty row spans the extra column). */
  function addRemoveButtons(response: BoardResponse): void {
    for (const tr of board.tBodies[0]?.rows ?? []) {
      const row = response.rows.find((each) => each.playerId === tr.dataset.playerId);
      const cell = el('td', '', 'remove');
      if (row === undefined) {
        const only = tr.cells[0];
        if (only) only.colSpan += 1;
        continue;
      }
      const remove = button(
        t('trainer.removePlayer'),
        () => void removePlayer(row.playerId, row.name),
        'button small danger',
      );
      remove.setAttribute('aria-label', t('trainer.removePlayerLabel', { name: row.name }));
      cell.append(remove);
      tr.append(cell);
    }
  }

  const showBoard = (response: BoardResponse) => {
    renderBoard(board, response, labels);
    addRemoveButtons(response);
    // A new player: the list's player count is stale.
    if (response.rows.length !== players) {
      if (players >= 0) changed();
      players = response.rows.length;
    }
    if (response.status !== current.status) {
      current = { ...current, status: response.status };
      showStatus();
    }
    refreshStats();
  };
  void api.board(drill.code).then((answer) => {
    if (answer.ok) showBoard(answer.value);
  });
  refreshStats();
  const stop = followBoard(api.url(ApiRoute.events, drill.code), {
    board: showBoard,
    state: (state) => {
      live.textContent = t(
        state === StreamState.live ? 'drill.board.live' : 'drill.board.reconnecting',
      );
    },
  });
  return {
    element: card,
    stop() {
      stop();
      if (statsTimer !== null) window.clearTimeout(statsTimer);
    },
  };
}
