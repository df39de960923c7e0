/**
 * The trainer's pages: the dashboard (`/?trainer`) and the projector board (`/?board=CODE`).
 * Plain DOM (no Phaser), loaded by `src/main.ts` with a dynamic import so that players' first
 * download does not grow.
 */
import { currentLocale, t } from '../game/i18n/index.ts';
import { startDashboard } from './dashboard-view.ts';
import type { PageView } from './page.ts';
import { startProjector } from './projector-view.ts';
import { installStyle } from './style.ts';

export { PageQuery, pageView } from './page.ts';
export type { PageView } from './page.ts';

/** Replaces the game's page with the trainer page the address asks for. */
export function startTrainerPage(view: Exclude<PageView, { kind: 'game' }>): void {
  installStyle();
  document.documentElement.lang = currentLocale();
  const root = document.createElement('div');
  root.id = 'trainer';
  document.body.replaceChildren(root);
  if (view.kind === 'trainer') {
    document.title = `${t('trainer.title')} · ${t('title')}`;
    startDashboard(root);
  } else {
    document.title = `${view.code} · ${t('title')}`;
    startProjector(root, view.code);
  }
}
