import Phaser from 'phaser';
import { Colour, GAME_HEIGHT, GAME_WIDTH, fontFor } from '../theme.ts';
import { SceneKey } from '../keys.ts';
import { currentLocale } from '../i18n/index.ts';

/** Waits for the fonts (Chinese included) before any text is made, then opens the title. */
export class BootScene extends Phaser.Scene {
  constructor() {
    super(SceneKey.boot);
  }

  create(): void {
    const bar = this.add
      .rectangle(GAME_WIDTH / 2 - 200, GAME_HEIGHT / 2, 0, 8, Colour.accent)
      .setOrigin(0, 0.5);
    this.tweens.add({ targets: bar, width: 400, duration: 400 });
    const font = fontFor(currentLocale());
    const ready = document.fonts.load(`20px ${font}`, '客服道場 Service Dojo').catch(() => []);
    void ready.then(() => {
      this.scene.start(SceneKey.title);
    });
  }
}
