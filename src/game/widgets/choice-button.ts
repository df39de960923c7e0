import Phaser from 'phaser';
import { Colour } from '../theme.ts';

/** One answer: its number key, the text, a hover highlight; calls back when picked. */
export class ChoiceButton extends Phaser.GameObjects.Container {
  constructor(
    scene: Phaser.Scene,
    x: number,
    y: number,
    options: { number: number; text: string; width: number; font: string; onPick: () => void },
  ) {
    super(scene, x, y);
    const label = scene.add.text(56, 12, options.text, {
      fontFamily: options.font,
      fontSize: '19px',
      color: Colour.text,
      wordWrap: { width: options.width - 76, useAdvancedWrap: true },
      lineSpacing: 4,
    });
    const height = Math.max(52, label.height + 24);
    const box = scene.add
      .rectangle(0, 0, options.width, height, Colour.panelLight)
      .setOrigin(0)
      .setStrokeStyle(2, Colour.panelLight);
    const key = scene.add.rectangle(12, height / 2, 32, 32, Colour.accent).setOrigin(0, 0.5);
    const digit = scene.add
      .text(28, height / 2, String(options.number), {
        fontFamily: options.font,
        fontSize: '20px',
        color: Colour.dark,
        fontStyle: 'bold',
      })
      .setOrigin(0.5);
    this.add([box, key, digit, label]);
    this.setSize(options.width, height);
    box.setInteractive({ useHandCursor: true });
    box.on('pointerover', () => box.setStrokeStyle(2, Colour.accent));
    box.on('pointerout', () => box.setStrokeStyle(2, Colour.panelLight));
    box.on('pointerdown', options.onPick);
    scene.add.existing(this);
  }
}
