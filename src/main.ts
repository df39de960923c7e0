import { startGame } from './game/index.ts';
import { titleFontReady } from './game/fonts.ts';
import { currentLocale } from './game/i18n/index.ts';
import { RegistryKey } from './game/keys.ts';
import { hasPendingSubmissions } from './game/drill/pending-flag.ts';
import { pageView } from './dashboard/page.ts';

/** How long the page waits for the title's font before showing the boot screen's progress bar. */
const FONT_GRACE_MS = 150;

const view = pageView(location.search);
if (view.kind !== 'game') {
  // The trainer's dashboard and the projector board are DOM pages in chunks of their own:
  // players never download them.
  const { startTrainerPage } = await import('./dashboard/index.ts');
  startTrainerPage(view);
} else {
  // The English title font is preloaded by the HTML: usually it is in before the game starts, and
  // the title comes up at once; otherwise the boot screen shows progress until it is.
  const fontsReady = await Promise.race([
    titleFontReady(currentLocale()).then(() => true),
    new Promise<boolean>((resolve) =>
      setTimeout(() => {
        resolve(false);
      }, FONT_GRACE_MS),
    ),
  ]);
  const game = startGame('game', 'mirror', 'captions', { fontsReady });
  if (view.join) game.registry.set(RegistryKey.joinLink, true);
  // Drill results left waiting by an earlier visit are sent on load, without the join screen.
  if (hasPendingSubmissions()) {
    void import('./game/drill/drill-session.ts').then((session) => session.submissionSync());
  }
}
