import Phaser from 'phaser';
import { mirrorOf } from '../dom-mirror.ts';
import { showJoinView } from '../drill/join-view.ts';
import { t } from '../i18n/index.ts';
import { SceneKey } from '../keys.ts';
import { Colour } from '../theme.ts';

/**
 * Joining a drill: a DOM form over the canvas (real inputs for typing names in any script);
 * the scene only holds the screen and moves on once the player is in.
 */
export class JoinScene extends Phaser.Scene {
  constructor() {
    super(SceneKey.join);
  }

  create(): void {
    this.cameras.main.setBackgroundColor(Colour.background);
    const mirror = mirrorOf(this);
    mirror.setScreen(t('drill.join.title'), SceneKey.join);
    mirror.setStatus('');
    mirror.announce('');
    mirror.setActions(t('drill.join.title'), []);
    // Typing a name must not reach Phaser's key handlers (L switches language elsewhere).
    this.input.keyboard?.disableGlobalCapture();
    const remove = showJoinView({
      joined: () => {
        this.scene.start(SceneKey.drillLobby);
      },
      back: () => {
        this.scene.start(SceneKey.title);
      },
    });
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      remove();
      this.input.keyboard?.enableGlobalCapture();
    });
  }
}
