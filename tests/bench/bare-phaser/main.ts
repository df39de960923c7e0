// The baseline for "navigation to an interactive title": Phaser 4 alone, one scene, one text.
import Phaser from 'phaser';

class Bare extends Phaser.Scene {
  create(): void {
    this.add.text(100, 100, 'Bare Phaser 4', { fontSize: '32px' });
    document.body.dataset.ready = 'true';
  }
}

new Phaser.Game({
  type: Phaser.AUTO,
  parent: 'game',
  width: 1280,
  height: 720,
  scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH },
  audio: { noAudio: true },
  scene: [Bare],
});
