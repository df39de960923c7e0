import type Phaser from 'phaser';
import type { MeterId } from '../../engine/index.ts';

/** Draws a meter's icon (flame, handshake, hourglass) centred on (x, y), about 20 px across. */
export function drawMeterIcon(
  g: Phaser.GameObjects.Graphics,
  meter: MeterId,
  x: number,
  y: number,
  colour: number,
): void {
  g.fillStyle(colour, 1);
  if (meter === 'anger') {
    // A flame: a tall teardrop with a bright core.
    g.fillTriangle(x - 8, y + 4, x + 8, y + 4, x, y - 12);
    g.fillCircle(x, y + 4, 8);
    g.fillStyle(0xffd166, 1).fillCircle(x, y + 5, 4);
  } else if (meter === 'trust') {
    // Two linked rings.
    g.lineStyle(3, colour, 1)
      .strokeCircle(x - 5, y, 7)
      .strokeCircle(x + 5, y, 7);
  } else {
    // An hourglass.
    g.fillTriangle(x - 8, y - 10, x + 8, y - 10, x, y);
    g.fillTriangle(x - 8, y + 10, x + 8, y + 10, x, y);
    g.lineStyle(2, colour, 1)
      .lineBetween(x - 9, y - 10, x + 9, y - 10)
      .lineBetween(x - 9, y + 10, x + 9, y + 10);
  }
}
