import { startGame } from './game/index.ts';
import { titleFontReady } from './game/fonts.ts';
import { currentLocale } from './game/i18n/index.ts';

/** How long the page waits for the title's font before showing the boot screen's progress bar. */
const FONT_GRACE_MS = 150;

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
startGame('game', 'mirror', 'captions', { fontsReady });
