import Phaser from 'phaser';
import type { RadarSpoke } from '../debrief/model.ts';
import { Colour } from '../theme.ts';

/**
 * The ten tips as a radar: one spoke per tip, the filled shape joins the assessed ones. A tip that
 * was not assessed has a grey dashed spoke and "—" instead of a number (never a fake 50%).
 */
export class TipRadar extends Phaser.GameObjects.Container {
  constructor(
    scene: Phaser.Scene,
    x: number,
    y: number,
    options: { spokes: readonly RadarSpoke[]; radius: number; font: string },
  ) {
    super(scene, x, y);
    const { spokes, radius, font } = options;
    const g = scene.add.graphics();
    const angle = (index: number) => -Math.PI / 2 + (index * 2 * Math.PI) / spokes.length;
    const at = (index: number, share: number) => ({
      x: Math.cos(angle(index)) * radius * share,
      y: Math.sin(angle(index)) * radius * share,
    });

    for (const ring of [0.25, 0.5, 0.75, 1]) {
      g.lineStyle(1, Colour.panelLight, 1).beginPath();
      spokes.forEach((_, index) => {
        const point = at(index, ring);
        if (index === 0) g.moveTo(point.x, point.y);
        else g.lineTo(point.x, point.y);
      });
      g.closePath().strokePath();
    }

    const labels: Phaser.GameObjects.Text[] = [];
    spokes.forEach((spoke, index) => {
      const end = at(index, 1);
      if (spoke.percent === null) {
        for (let step = 0; step < 10; step += 2) {
          const from = at(index, step / 10);
          const to = at(index, (step + 1) / 10);
          g.lineStyle(2, 0x5c6784, 1).lineBetween(from.x, from.y, to.x, to.y);
        }
      } else {
        g.lineStyle(2, Colour.panelLight, 1).lineBetween(0, 0, end.x, end.y);
      }
      const label = at(index, 1.18);
      const value = spoke.percent === null ? '—' : `${Math.round(spoke.percent)}%`;
      labels.push(
        scene.add
          .text(label.x, label.y, `${spoke.name}\n${value}`, {
            fontFamily: font,
            fontSize: '14px',
            align: 'center',
            color: spoke.percent === null ? '#6f7a93' : Colour.text,
          })
          .setOrigin(0.5),
      );
    });

    const assessed = spokes
      .map((spoke, index) => ({ spoke, index }))
      .filter(({ spoke }) => spoke.percent !== null);
    if (assessed.length >= 3) {
      const points = assessed.map(({ spoke, index }) =>
        at(index, Math.max(0.02, (spoke.percent ?? 0) / 100)),
      );
      g.fillStyle(Colour.accent, 0.35).lineStyle(3, Colour.accent, 1).beginPath();
      points.forEach((point, index) => {
        if (index === 0) g.moveTo(point.x, point.y);
        else g.lineTo(point.x, point.y);
      });
      g.closePath().fillPath().strokePath();
    }
    for (const { spoke, index } of assessed) {
      const point = at(index, Math.max(0.02, (spoke.percent ?? 0) / 100));
      g.fillStyle(Colour.accent, 1).fillCircle(point.x, point.y, 4);
    }
    this.add([g, ...labels]);
    scene.add.existing(this);
  }
}
