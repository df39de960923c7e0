import type Phaser from 'phaser';
import { SceneKey } from '../keys.ts';
import { loadPlayScenes } from '../play-scenes.ts';

let loading: Promise<void> | null = null;

/**
 * Loads the drill screens (join, lobby) as a chunk of their own, with the play scenes they lead
 * to: players who never join a drill never download the API client, zod or the queue.
 */
export function loadDrillScenes(game: Phaser.Game): Promise<void> {
  loading ??= Promise.all([
    loadPlayScenes(game),
    import('../scenes/join-scene.ts'),
    import('../scenes/drill-lobby-scene.ts'),
  ]).then(([, join, lobby]) => {
    game.scene.add(SceneKey.join, join.JoinScene, false);
    game.scene.add(SceneKey.drillLobby, lobby.DrillLobbyScene, false);
  });
  return loading;
}
