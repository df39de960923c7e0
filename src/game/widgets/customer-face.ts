import Phaser from 'phaser';
import type { Channel, Scenario } from '../../engine/index.ts';

const SKIN = [0xf6d7b8, 0xeac09a, 0xd9a77c, 0xc28b5f, 0x9c6b43, 0x6f4a2e] as const;
const HAIR = [0x1b1b1b, 0x3b2a1e, 0x6b4a2b, 0x9a7b4f, 0xc9c2b8, 0x7a1f1f] as const;

/** Per anger level: cheek flush, brow tilt toward the nose, eye opening. */
const FLUSH = [0, 0.12, 0.28, 0.45] as const;
const BROW_TILT = [-2, 4, 10, 16] as const;
const EYE_HEIGHT = [16, 13, 9, 6] as const;

/** Anger 0–100 as one of four faces: calm, annoyed, angry, furious. */
export function angerLevel(anger: number): 0 | 1 | 2 | 3 {
  return anger < 30 ? 0 : anger < 55 ? 1 : anger < 80 ? 2 : 3;
}

/**
 * The customer, drawn procedurally from the scenario's portrait parameters: skin, hair, glasses,
 * age, with a face for each anger level and props for the channel (headset, chat window, counter).
 */
export class CustomerFace extends Phaser.GameObjects.Container {
  private readonly face: Phaser.GameObjects.Graphics;
  private readonly scenario: Scenario;
  private level: number | null = null;

  constructor(scene: Phaser.Scene, x: number, y: number, scenario: Scenario) {
    super(scene, x, y);
    this.scenario = scenario;
    const frame = scene.add.graphics();
    this.drawChannel(frame, scenario.channel);
    this.face = scene.add.graphics();
    this.add([frame, this.face]);
    scene.add.existing(this);
  }

  /** Redraws the face when the anger level changes. */
  setAnger(anger: number): void {
    const level = angerLevel(anger);
    if (level === this.level) return;
    this.level = level;
    this.drawFace(level);
  }

  private drawChannel(g: Phaser.GameObjects.Graphics, channel: Channel): void {
    if (channel === 'chat') {
      g.fillStyle(0x0d1b2a, 1).fillRoundedRect(-130, -140, 260, 270, 14);
      g.fillStyle(0x3a86ff, 1).fillRoundedRect(-130, -140, 260, 26, {
        tl: 14,
        tr: 14,
        bl: 0,
        br: 0,
      });
      g.fillStyle(0xffffff, 0.9)
        .fillCircle(-110, -127, 5)
        .fillCircle(-94, -127, 5)
        .fillCircle(-78, -127, 5);
    } else if (channel === 'counter') {
      g.fillStyle(0x8d6e63, 1).fillRect(-150, 95, 300, 40);
      g.fillStyle(0x6d4c41, 1).fillRect(-150, 95, 300, 8);
    }
  }

  private drawFace(level: 0 | 1 | 2 | 3): void {
    const g = this.face.clear();
    const portrait = this.scenario.customer.portrait ?? {};
    const skin = SKIN[portrait.skin ?? 1] ?? SKIN[1];
    const hair = HAIR[portrait.hair ?? 0] ?? HAIR[0];
    const flush = FLUSH[level];

    g.fillStyle(0x3d5a80, 1).fillEllipse(0, 118, 190, 70); // shoulders
    g.fillStyle(hair, 1).fillEllipse(0, -40, 170, 170); // hair behind the head
    g.fillStyle(skin, 1).fillEllipse(0, -10, 140, 165); // head
    g.fillStyle(0xd62828, flush).fillEllipse(-38, 12, 34, 20).fillEllipse(38, 12, 34, 20); // flushed cheeks
    g.fillStyle(hair, 1).fillEllipse(0, -78, 150, 60); // fringe
    if (portrait.age === 'senior') g.lineStyle(2, 0x7f6a58, 0.6).lineBetween(-30, -52, 30, -52);

    // Brows tilt down toward the nose as anger rises.
    const tilt = BROW_TILT[level];
    g.lineStyle(6, hair, 1);
    g.lineBetween(-48, -36 - tilt / 2, -16, -34 + tilt);
    g.lineBetween(48, -36 - tilt / 2, 16, -34 + tilt);

    // Eyes narrow as anger rises.
    const eyeHeight = EYE_HEIGHT[level];
    g.fillStyle(0xffffff, 1)
      .fillEllipse(-32, -16, 24, eyeHeight + 4)
      .fillEllipse(32, -16, 24, eyeHeight + 4);
    g.fillStyle(0x222222, 1)
      .fillEllipse(-32, -16, 10, eyeHeight)
      .fillEllipse(32, -16, 10, eyeHeight);
    if (portrait.glasses) {
      g.lineStyle(3, 0x222222, 1)
        .strokeCircle(-32, -16, 20)
        .strokeCircle(32, -16, 20)
        .lineBetween(-12, -16, 12, -16);
    }

    // Mouth: a smile, a flat line, a frown, then an open shout.
    g.lineStyle(5, 0x7b2c2c, 1);
    if (level === 0) {
      g.beginPath()
        .arc(0, 28, 24, Phaser.Math.DegToRad(20), Phaser.Math.DegToRad(160))
        .strokePath();
    } else if (level === 1) {
      g.lineBetween(-20, 42, 20, 42);
    } else if (level === 2) {
      g.beginPath()
        .arc(0, 62, 24, Phaser.Math.DegToRad(220), Phaser.Math.DegToRad(320))
        .strokePath();
    } else {
      g.fillStyle(0x5a1a1a, 1).fillEllipse(0, 46, 38, 26);
    }

    if (this.scenario.channel === 'phone') {
      g.lineStyle(7, 0x222222, 1)
        .beginPath()
        .arc(0, -20, 82, Phaser.Math.DegToRad(190), Phaser.Math.DegToRad(350))
        .strokePath();
      g.fillStyle(0x222222, 1).fillRoundedRect(-92, -30, 18, 36, 6);
      g.lineStyle(4, 0x222222, 1).lineBetween(-84, 6, -40, 40);
    }
  }
}
