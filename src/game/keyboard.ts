import type Phaser from 'phaser';

/**
 * Calls `handler` once per key press. Phaser 4.2 can deliver the same keydown event twice when
 * several keys arrive in one frame, so an event object already handled is ignored.
 */
export function onKey(scene: Phaser.Scene, handler: (event: KeyboardEvent) => void): void {
  const handled = new WeakSet<KeyboardEvent>();
  scene.input.keyboard?.on('keydown', (event: KeyboardEvent) => {
    if (handled.has(event)) return;
    handled.add(event);
    handler(event);
  });
}
