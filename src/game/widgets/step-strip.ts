import Phaser from 'phaser';
import { STEP_IDS, STEP_NAMES } from '../../engine/index.ts';
import type { LocaleId, StepId } from '../../engine/index.ts';
import { Colour } from '../theme.ts';

/** The four steps of the call, with the current one lit and the ones done ticked. */
export class StepStrip extends Phaser.GameObjects.Container {
  private readonly boxes: Phaser.GameObjects.Rectangle[] = [];
  private readonly labels: Phaser.GameObjects.Text[] = [];

  constructor(scene: Phaser.Scene, x: number, y: number, locale: LocaleId, font: string) {
    super(scene, x, y);
    STEP_IDS.forEach((step, index) => {
      const box = scene.add.rectangle(index * 205, 0, 195, 34, Colour.panel).setOrigin(0, 0.5);
      const label = scene.add
        .text(index * 205 + 97, 0, `${index + 1}. ${STEP_NAMES[step][locale]}`, {
          fontFamily: font,
          fontSize: '16px',
          color: Colour.muted,
        })
        .setOrigin(0.5);
      this.boxes.push(box);
      this.labels.push(label);
      this.add([box, label]);
    });
    scene.add.existing(this);
  }

  show(current: StepId | null, done: ReadonlySet<StepId>): void {
    STEP_IDS.forEach((step, index) => {
      const isCurrent = step === current;
      this.boxes[index]?.setFillStyle(
        isCurrent ? Colour.accent : done.has(step) ? Colour.good : Colour.panel,
      );
      const label = this.labels[index];
      if (label) {
        const text = label.text.replace(/^✓ /, '');
        label
          .setText(done.has(step) && !isCurrent ? `✓ ${text}` : text)
          .setColor(isCurrent ? Colour.dark : Colour.text);
      }
    });
  }
}
