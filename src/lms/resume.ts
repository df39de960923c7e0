import type Phaser from 'phaser';
import { callFontReady } from '../game/fonts.ts';
import { currentLocale } from '../game/i18n/index.ts';
import { SceneKey } from '../game/keys.ts';
import { loadScenarioData, scenarioById } from '../game/library.ts';
import { loadPlayScenes } from '../game/play-scenes.ts';
import type { CallSceneData } from '../game/scenes/call-scene.ts';
import type { LmsTracker } from './tracker.ts';

/** Resolves once the title scene is up: the boot screen has loaded what every scene needs. */
function titleUp(game: Phaser.Game): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (game.scene.isActive(SceneKey.title)) resolve();
      else requestAnimationFrame(check);
    };
    check();
  });
}

/**
 * Takes the learner back into the call they left half-way, after the answers they had given
 * (the call scene replays them at once, as for "retry from here"). Returns false when there is
 * nothing to resume.
 */
export async function resumeCall(
  game: Phaser.Game,
  tracker: LmsTracker,
  scenarioIds: readonly string[],
): Promise<boolean> {
  await Promise.all(scenarioIds.map((id) => loadScenarioData(id)));
  const pending = tracker.pendingCall(scenarioById);
  if (!pending) return false;
  await Promise.all([titleUp(game), loadPlayScenes(game), callFontReady(currentLocale())]);
  const data: CallSceneData = {
    scenarioId: pending.scenarioId,
    seed: pending.seed,
    prefix: pending.events,
  };
  game.scene.stop(SceneKey.title);
  game.scene.start(SceneKey.call, data);
  return true;
}
