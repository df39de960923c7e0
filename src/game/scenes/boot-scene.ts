import Phaser from 'phaser';
import { Colour, GAME_HEIGHT, GAME_WIDTH } from '../theme.ts';
import { SceneKey } from '../keys.ts';
import { currentLocale } from '../i18n/index.ts';
import { callFontReady, titleFontReady } from '../fonts.ts';

const BAR_WIDTH = 400;

/**
 * Waits for the title's part of the self-hosted font (Chinese included) before any text is made,
 * with a progress bar; the rest of the font loads while the title is up.
 */
export class BootScene extends Phaser.Scene {
  constructor() {
    super(SceneKey.boot);
  }

  create(): void {
    const left = GAME_WIDTH / 2 - BAR_WIDTH / 2;
    this.add.rectangle(left, GAME_HEIGHT / 2, BAR_WIDTH, 8, Colour.panel).setOrigin(0, 0.5);
    const bar = this.add.rectangle(left, GAME_HEIGHT / 2, 0, 8, Colour.accent).setOrigin(0, 0.5);
    this.tweens.add({ targets: bar, width: BAR_WIDTH * 0.8, duration: 600, ease: 'Quad.easeOut' });
    const locale = currentLocale();
    void titleFontReady(locale).then(() => {
      bar.width = BAR_WIDTH;
      void callFontReady(locale);
      this.scene.start(SceneKey.title);
    });
  }
}
