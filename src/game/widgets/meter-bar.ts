import Phaser from 'phaser';
import type { MeterId } from '../../engine/index.ts';
import { Colour } from '../theme.ts';
import { drawMeterIcon } from './meter-icon.ts';

/** A labelled meter: a drawn icon, its name, a bar and the number (never colour alone). */
export class MeterBar extends Phaser.GameObjects.Container {
  private readonly bar: Phaser.GameObjects.Rectangle;
  private readonly value: Phaser.GameObjects.Text;
  private readonly label: Phaser.GameObjects.Text;
  private readonly barWidth: number;

  constructor(
    scene: Phaser.Scene,
    x: number,
    y: number,
    options: { meter: MeterId; colour: number; width: number; font: string },
  ) {
    super(scene, x, y);
    this.barWidth = options.width;
    const style = { fontFamily: options.font, fontSize: '18px', color: Colour.text };
    const icon = scene.add.graphics();
    drawMeterIcon(icon, options.meter, 10, 0, options.colour);
    this.label = scene.add.text(28, 0, '', style).setOrigin(0, 0.5);
    const track = scene.add.rectangle(130, 0, options.width, 16, 0x0b1526).setOrigin(0, 0.5);
    this.bar = scene.add.rectangle(130, 0, 0, 16, options.colour).setOrigin(0, 0.5);
    this.value = scene.add.text(140 + options.width, 0, '0', style).setOrigin(0, 0.5);
    this.add([icon, this.label, track, this.bar, this.value]);
    scene.add.existing(this);
  }

  setLabel(text: string): this {
    this.label.setText(text);
    return this;
  }

  setValue(value: number): this {
    this.bar.width = (this.barWidth * Math.max(0, Math.min(100, value))) / 100;
    this.value.setText(String(Math.round(value)));
    return this;
  }
}
