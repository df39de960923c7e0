import {
  StreamState,
  boardTable,
  followBoard,
  localized,
  renderBoard,
} from '../drill-client/index.ts';
import { ApiRoute, joinCodeSchema } from '../protocol/index.ts';
import type { BoardResponse } from '../protocol/index.ts';
import { currentLocale, t } from '../game/i18n/index.ts';
import { el } from './dom.ts';
import { boardLabels, joinUrl } from './drill-panel-view.ts';
import { api } from './session.ts';

/**
 * The projector view of a drill: the code and QR code to join, and the live board, in type large
 * enough for the back of a room. No login: it shows only what the public board shows.
 */
export function startProjector(root: HTMLElement, rawCode: string): void {
  const parsed = joinCodeSchema.safeParse(rawCode);
  const page = el('main', '', 'projector');
  root.replaceChildren(page);
  if (!parsed.success) {
    page.append(el('h1', t('trainer.projectorNotFound', { code: rawCode })));
    return;
  }
  const code = parsed.data;
  const left = el('section');
  const title = el('h1', code);
  const url = joinUrl(code);
  const codeLine = el('p', code, 'join-code');
  codeLine.dataset.joinCode = code;
  const qr = el('img', '', 'qr');
  qr.src = api.url(ApiRoute.drillQr, code);
  qr.alt = t('trainer.qr', { code });
  left.append(
    title,
    el('p', t('trainer.projectorJoin'), 'join-label'),
    el('p', url.replace(/^https?:\/\//, ''), 'join-url'),
    codeLine,
    qr,
  );
  const right = el('section');
  const labels = boardLabels();
  const board = boardTable(labels);
  board.setAttribute('aria-live', 'polite');
  const live = el('p', t('drill.board.reconnecting'), 'live');
  right.append(board, live);
  page.append(left, right);

  const show = (response: BoardResponse) => {
    title.textContent = localized(response.title, currentLocale());
    document.title = `${title.textContent} · ${code}`;
    renderBoard(board, response, labels);
    if (response.status === 'closed') live.textContent = t('drill.board.closed');
  };
  void api.board(code).then((answer) => {
    if (answer.ok) show(answer.value);
    else if (answer.status === 404) title.textContent = t('trainer.projectorNotFound', { code });
  });
  followBoard(api.url(ApiRoute.events, code), {
    board: show,
    state: (state) => {
      live.textContent = t(
        state === StreamState.live ? 'drill.board.live' : 'drill.board.reconnecting',
      );
    },
  });
}
