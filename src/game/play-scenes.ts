import type Phaser from 'phaser';
import { SceneKey } from './keys.ts';

let loading: Promise<void> | null = null;

/**
 * Loads the scenes a player reaches after the title (select, call, debrief, history, settings) as chunks of
 * their own, and registers them once (the promise is kept: a second call waits on the first). The title does not wait for their code (the engine's
 * machine and scoring, IndexedDB, the charts): it starts fetching them as soon as it is up.
 */
export function loadPlayScenes(game: Phaser.Game): Promise<void> {
  loading ??= Promise.all([
    import('./scenes/select-scene.ts'),
    import('./scenes/call-scene.ts'),
    import('./scenes/debrief-scene.ts'),
    import('./scenes/history-scene.ts'),
    import('./scenes/settings-scene.ts'),
    // A small scene: the Lab's editor, YAML parser and zod load only when it opens.
    import('../lab/index.ts'),
  ]).then(([select, call, debrief, history, settings, lab]) => {
    const scenes: [string, typeof Phaser.Scene][] = [
      [SceneKey.select, select.SelectScene],
      [SceneKey.call, call.CallScene],
      [SceneKey.debrief, debrief.DebriefScene],
      [SceneKey.history, history.HistoryScene],
      [SceneKey.settings, settings.SettingsScene],
      [SceneKey.lab, lab.LabScene],
    ];
    for (const [key, scene] of scenes) {
      game.scene.add(key, scene, false);
    }
  });
  return loading;
}
