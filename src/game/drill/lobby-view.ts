import { AnswerOrder } from '../../engine/index.ts';
import {
  StreamState,
  boardTable,
  followBoard,
  lastBoards,
  localized,
  rejoinLink,
  renderBoard,
} from '../../drill-client/index.ts';
import { ApiRoute } from '../../protocol/index.ts';
import type { BoardResponse, ScenarioRef } from '../../protocol/index.ts';
import { SubmissionState, browserStorage } from '../../storage/index.ts';
import type { QueuedSubmission } from '../../storage/index.ts';
import { currentLocale, t } from '../i18n/index.ts';
import { loadScenarioData } from '../library.ts';
import { api, submissionSync } from './drill-session.ts';
import type { DrillPlay } from './drill-session.ts';
import { lobbyModel } from './lobby-model.ts';
import { boardLabels } from './labels.ts';
import { button, el, mountOverlay } from './overlay.ts';

export interface LobbyViewHandlers {
  /** Starts a call of the drill (its data is loaded and matches the drill's version). */
  readonly play: (ref: ScenarioRef) => void;
  readonly back: () => void;
}

/**
 * The drill lobby: the drill's scenarios in order with done/best marks, "play next", the live
 * board, the queue's status (results waiting, results refused with the server's reason) and the
 * rejoin link. Returns the function that removes it and stops listening.
 */
export function showLobbyView(play: DrillPlay, handlers: LobbyViewHandlers): () => void {
  const locale = currentLocale();
  const overlay = mountOverlay(localized(play.drill.title, locale));
  const { panel } = overlay;
  const cleanups: (() => void)[] = [];
  let queued: readonly QueuedSubmission[] = [];
  let queueAvailable = true;

  const title = el('h1');
  const who = el('p', t('drill.lobby.playingAs', { name: play.player.name, code: play.code }));
  const rules = el('p', '', 'drill-muted');
  const closed = el('p', '', 'drill-error');
  const notice = el('p', '', 'drill-note');
  notice.setAttribute('role', 'status');
  const list = el('ol', '', 'drill-scenarios');
  const playNext = button(
    '',
    () => {
      startNext();
    },
    'drill-button primary',
  );
  playNext.dataset.action = 'play-next';
  const copy = button(t('drill.lobby.copyLink'), () => {
    void copyLink();
  });
  const back = button(t('drill.lobby.back'), handlers.back);
  const actions = el('div', '', 'drill-actions');
  actions.append(playNext, copy, back);
  const queueBox = el('div', '', 'drill-queue');
  queueBox.setAttribute('aria-live', 'polite');
  queueBox.dataset.queue = '';
  const queueText = el('span');
  const sendNow = button(t('drill.lobby.retryNow'), () => {
    void submissionSync().then((sync) => sync?.flushNow(true));
  });
  const rejectedList = el('ul');
  queueBox.append(queueText, sendNow, rejectedList);

  const labels = boardLabels();
  const board = boardTable(labels);
  board.setAttribute('aria-live', 'polite');
  const live = el('p', t('drill.board.reconnecting'), 'drill-live');
  const left = el('div');
  left.append(el('h2', t('drill.lobby.scenarios')), list, actions, queueBox, notice);
  const right = el('div');
  right.append(board, live);
  const columns = el('div', '', 'drill-columns');
  columns.append(left, right);
  panel.append(title, who, rules, closed, columns);

  function waitingByScenario(): Map<string, number> {
    const waiting = new Map<string, number>();
    for (const item of queued) {
      if (item.state !== SubmissionState.pending || item.playerToken !== play.token) continue;
      const id = item.transcript.scenarioId;
      waiting.set(id, (waiting.get(id) ?? 0) + 1);
    }
    return waiting;
  }

  function render(): void {
    const model = lobbyModel(play.drill, play.results, waitingByScenario());
    title.textContent = localized(play.drill.title, locale);
    rules.textContent = `${t(play.drill.timers ? 'drill.lobby.timersOn' : 'drill.lobby.timersOff')} · ${t(
      play.drill.answerOrder === AnswerOrder.team
        ? 'drill.lobby.answersTeam'
        : 'drill.lobby.answersPlayer',
    )}`;
    closed.textContent = model.closed ? t('drill.lobby.closed') : '';
    list.replaceChildren(
      ...model.entries.map((entry, index) => {
        const item = el('li', '', index === model.next ? 'next' : '');
        item.dataset.scenarioId = entry.ref.id;
        const name = el('span', `${String(index + 1)}. ${localized(entry.ref.title, locale)}`);
        const marks: string[] = [];
        if (entry.best !== null)
          marks.push(`✓ ${t('drill.lobby.best', { score: Math.round(entry.best) })}`);
        if (entry.waiting > 0) marks.push(t('drill.lobby.waitingMark'));
        if (marks.length === 0) marks.push(t('drill.lobby.notPlayed'));
        if (play.drill.attempts > 1)
          marks.push(
            t('drill.lobby.attempts', {
              used: entry.attemptsUsed + entry.waiting,
              max: play.drill.attempts,
            }),
          );
        const mark = el(
          'span',
          marks.join(' · '),
          entry.best === null ? 'drill-mark' : 'drill-mark done',
        );
        item.dataset.done = String(entry.best !== null);
        item.append(name, mark);
        return item;
      }),
    );
    const next = model.next === null ? null : model.entries[model.next];
    playNext.hidden = next === undefined || next === null;
    if (next)
      playNext.textContent = t('drill.lobby.playNext', {
        title: localized(next.ref.title, locale),
      });
    if (!next && !model.closed && !notice.textContent)
      notice.textContent = t('drill.lobby.allDone');
    const pending = queued.filter((item) => item.state === SubmissionState.pending);
    const rejected = queued.filter((item) => item.state === SubmissionState.rejected);
    queueText.textContent = !queueAvailable
      ? t('drill.lobby.noQueue')
      : pending.length > 0
        ? t('drill.lobby.queue', { count: pending.length })
        : t('drill.lobby.queueEmpty');
    queueBox.dataset.pending = String(pending.length);
    sendNow.hidden = pending.length === 0;
    rejectedList.replaceChildren(
      ...rejected.map((item) => {
        const entry = el('li', t('drill.lobby.rejected', { message: item.lastError ?? '' }));
        entry.append(
          ' ',
          button(t('drill.lobby.dismiss'), () => {
            void submissionSync().then(async (sync) => {
              await sync?.queue.remove(item.key);
              await refreshQueue();
            });
          }),
        );
        return entry;
      }),
    );
    if (play.notice) {
      notice.textContent = play.notice;
      play.notice = null;
    }
  }

  async function refreshQueue(): Promise<void> {
    const sync = await submissionSync();
    queueAvailable = sync !== null;
    queued = sync ? await sync.queue.list(play.code).catch(() => queued) : [];
    render();
  }

  function startNext(): void {
    const model = lobbyModel(play.drill, play.results, waitingByScenario());
    const next = model.next === null ? undefined : model.entries[model.next];
    if (!next) return;
    playNext.disabled = true;
    notice.textContent = t('drill.lobby.loading');
    void loadScenarioData(next.ref.id).then((scenario) => {
      playNext.disabled = false;
      // The server replays against its own copy: a call of another version would be refused.
      if (scenario?.hash !== next.ref.hash || scenario.version !== next.ref.version) {
        notice.textContent = t('drill.lobby.versionMismatch', {
          title: localized(next.ref.title, locale),
        });
        return;
      }
      notice.textContent = '';
      handlers.play(next.ref);
    });
  }

  async function copyLink(): Promise<void> {
    const link = rejoinLink(location.origin, play.code, play.token);
    try {
      await navigator.clipboard.writeText(link);
      notice.textContent = t('drill.lobby.copied');
    } catch {
      // No clipboard (plain http on a local network, or refused): show it to copy by hand.
      notice.textContent = '';
      const field = el('input');
      field.readOnly = true;
      field.value = link;
      field.setAttribute('aria-label', t('drill.lobby.copyLink'));
      field.style.width = '100%';
      notice.append(t('drill.lobby.copyByHand'), ' ', field);
      field.select();
    }
  }

  // The last ranking seen stays up while the server cannot be reached (the line below the
  // table says it is reconnecting); every live board replaces it and is remembered.
  const boards = lastBoards(browserStorage());
  const showBoard = (response: BoardResponse) => {
    renderBoard(board, response, labels, play.player.id);
    boards.remember(response);
  };
  const remembered = boards.recall(play.code);
  if (remembered) renderBoard(board, remembered, labels, play.player.id);
  cleanups.push(play.onChange(() => void refreshQueue()));
  void submissionSync().then((sync) => {
    if (sync) cleanups.push(sync.onChange(() => void refreshQueue()));
  });
  void api.board(play.code).then((answer) => {
    if (answer.ok) showBoard(answer.value);
  });
  cleanups.push(
    followBoard(api.url(ApiRoute.events, play.code), {
      board: showBoard,
      state: (state) => {
        live.textContent = t(
          state === StreamState.live ? 'drill.board.live' : 'drill.board.reconnecting',
        );
      },
    }),
  );
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.target instanceof HTMLInputElement) return;
    if (event.key === 'Escape') handlers.back();
    else if (event.key.toLowerCase() === 'p' && !playNext.hidden) startNext();
  };
  document.addEventListener('keydown', onKeyDown);
  cleanups.push(() => {
    document.removeEventListener('keydown', onKeyDown);
  });

  render();
  void refreshQueue();
  void play.refresh();
  playNext.focus();
  return () => {
    for (const cleanup of cleanups) cleanup();
    overlay.remove();
  };
}
