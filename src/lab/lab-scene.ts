import Phaser from 'phaser';
import { mirrorOf } from '../game/dom-mirror.ts';
import { t } from '../game/i18n/index.ts';
import { SceneKey } from '../game/keys.ts';
import type { CallSceneData } from '../game/scenes/call-scene.ts';
import { Colour } from '../game/theme.ts';
import type { LabApp, LabHost } from './lab-app.ts';

let app: Promise<LabApp> | null = null;

/** Keeps `?lab` in the address while the Lab is open, so a reload comes back to it. */
function markAddress(open: boolean): void {
  const url = new URL(window.location.href);
  if (url.searchParams.has(SceneKey.lab) === open) return;
  if (open) url.searchParams.set(SceneKey.lab, '');
  else url.searchParams.delete(SceneKey.lab);
  window.history.replaceState(
    window.history.state,
    '',
    url.toString().replace(/lab=(&|$)/u, 'lab$1'),
  );
}

/**
 * The Scenario Lab's place among the scenes: it has no canvas of its own, only the DOM Lab laid
 * over the game. Its code (editor, YAML parser, zod, explorer) loads when it first opens, so
 * players who never open it never download it.
 */
export class LabScene extends Phaser.Scene {
  constructor() {
    super(SceneKey.lab);
  }

  create(): void {
    this.cameras.main.setBackgroundColor(Colour.background);
    const mirror = mirrorOf(this);
    mirror.setScreen(t('lab.title'), SceneKey.lab);
    mirror.setStatus(t('lab.subtitle'));
    mirror.announce('');
    mirror.setActions(t('lab.title'), []);
    markAddress(true);
    const host: LabHost = {
      play: (request) => {
        const data: CallSceneData = {
          scenarioId: request.scenario.id,
          scenario: request.scenario,
          timed: request.timed,
          exit: { scene: SceneKey.lab },
        };
        this.scene.start(SceneKey.call, data);
      },
      back: () => {
        markAddress(false);
        this.scene.start(SceneKey.title);
      },
    };
    app ??= import('./lab-app.ts').then(({ LabApp }) => LabApp.create(host));
    void app.then((lab) => {
      // The scene may have been left while the Lab's code was loading.
      if (this.scene.isActive()) {
        lab.show(host);
        lab.root.dataset.ready = 'true';
      }
    });
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      void app?.then((lab) => {
        lab.hide();
      });
    });
  }
}
