import Phaser from 'phaser';
import { DomMirror } from './dom-mirror.ts';
export { mirrorOf } from './dom-mirror.ts';
import { RegistryKey } from './keys.ts';
import { BootScene } from './scenes/boot-scene.ts';
import { TitleScene } from './scenes/title-scene.ts';
import { loadSettings } from '../storage/index.ts';
import { audio } from '../audio/index.ts';
import { applySettings } from './apply-settings.ts';
import { CaptionsView } from './captions-view.ts';
import { Colour, GAME_HEIGHT, GAME_WIDTH } from './theme.ts';

/**
 * Builds the game inside the element with id `parent`, with its DOM mirror in the element with
 * id `mirror`: the browser's only entry into Phaser.
 */
export function startGame(
  parent: string,
  mirror: string,
  captionsId: string,
  options: { fontsReady: boolean } = { fontsReady: false },
): Phaser.Game {
  const game = new Phaser.Game({
    type: Phaser.AUTO,
    parent,
    width: GAME_WIDTH,
    height: GAME_HEIGHT,
    backgroundColor: Colour.background,
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH },
    // Howler (src/audio) plays every sound: Phaser must not open a second audio context.
    audio: { noAudio: true },
    // Phaser starts the first scene: the title when its font is already in, else the boot screen.
    scene: options.fontsReady ? [TitleScene, BootScene] : [BootScene, TitleScene],
  });
  // Persisted settings become the shared state the scenes read.
  applySettings(game.registry, loadSettings());
  const captions = document.getElementById(captionsId);
  if (captions) {
    const view = new CaptionsView(captions);
    audio.onCaption((caption) => {
      view.show(caption);
    });
  }
  const root = document.getElementById(mirror);
  if (root) game.registry.set(RegistryKey.mirror, new DomMirror(root));
  return game;
}
