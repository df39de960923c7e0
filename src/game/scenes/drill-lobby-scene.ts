import Phaser from 'phaser';
import { AnswerOrder, callSeed } from '../../engine/index.ts';
import { Sound, audio, unlock } from '../../audio/index.ts';
import { localized } from '../../drill-client/index.ts';
import { mirrorOf } from '../dom-mirror.ts';
import { currentDrill, submitResult } from '../drill/drill-session.ts';
import { showLobbyView } from '../drill/lobby-view.ts';
import { currentLocale, t } from '../i18n/index.ts';
import { SceneKey } from '../keys.ts';
import { Colour } from '../theme.ts';
import type { CallSceneData } from './call-scene.ts';

/**
 * The drill lobby: a DOM screen over the canvas (scenarios, live board, queue status). Playing
 * starts the real call scene with the drill's timers; the finished call goes to the queue and the
 * debrief's "continue" comes back here.
 */
export class DrillLobbyScene extends Phaser.Scene {
  constructor() {
    super(SceneKey.drillLobby);
  }

  create(): void {
    const play = currentDrill();
    if (!play) {
      this.scene.start(SceneKey.join);
      return;
    }
    this.cameras.main.setBackgroundColor(Colour.background);
    const mirror = mirrorOf(this);
    mirror.setScreen(localized(play.drill.title, currentLocale()), SceneKey.drillLobby);
    mirror.setStatus(t('drill.lobby.playingAs', { name: play.player.name, code: play.code }));
    mirror.announce('');
    mirror.setActions(t('drill.board.title'), []);
    const remove = showLobbyView(play, {
      play: (ref) => {
        unlock();
        audio.play(Sound.click);
        const { answerOrder, answerSeed } = play.drill;
        const data: CallSceneData = {
          scenarioId: ref.id,
          timed: play.drill.timers,
          // A team drill: everyone faces the same answer order in this scenario.
          ...(answerOrder === AnswerOrder.team && answerSeed !== null
            ? { seed: callSeed(answerSeed, ref.id) }
            : {}),
          returnTo: SceneKey.drillLobby,
          onEnded: (transcript) => {
            void submitResult(play, transcript);
          },
        };
        this.scene.start(SceneKey.call, data);
      },
      back: () => {
        this.scene.start(SceneKey.title);
      },
    });
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, remove);
  }
}
