import Phaser from 'phaser';
import { Sound, audio, preloadAudio, unlock } from '../../audio/index.ts';
import { updateSettings } from '../../storage/index.ts';
import { mirrorOf } from '../dom-mirror.ts';
import { callFontReady, titleFontReady } from '../fonts.ts';
import { currentLocale, nextLocale, t } from '../i18n/index.ts';
import { onKey } from '../keyboard.ts';
import { RegistryKey, SceneKey } from '../keys.ts';
import { Colour, GAME_WIDTH, fontFor } from '../theme.ts';
import { loadPlayScenes } from '../play-scenes.ts';
import { loadDrillScenes } from '../drill/load-scenes.ts';

/** The menu entries, in order: each opens a screen. */
const MENU = [
  SceneKey.select,
  SceneKey.history,
  SceneKey.settings,
  SceneKey.lab,
  SceneKey.join,
] as const;
const MENU_LABEL = {
  [SceneKey.select]: 'menu.play',
  [SceneKey.history]: 'history.title',
  [SceneKey.settings]: 'settings.title',
  [SceneKey.lab]: 'lab.menu',
  [SceneKey.join]: 'drill.menu',
} as const;

/** Screens an LMS course package leaves out: authoring and team drills belong to the full game. */
const NOT_IN_PACKAGES: readonly SceneKey[] = [SceneKey.lab, SceneKey.join];

/** The title: the game's name, what it teaches, and the menu (play, history, settings). */
export class TitleScene extends Phaser.Scene {
  constructor() {
    super(SceneKey.title);
  }

  create(): void {
    const locale = currentLocale();
    const font = fontFor(locale);
    const style = { fontFamily: font, color: Colour.text };
    const timers = this.registry.get(RegistryKey.timers) !== false;
    this.cameras.main.setBackgroundColor(Colour.background);
    const packaged = this.registry.get(RegistryKey.lmsPackage) === true;
    const menu = packaged ? MENU.filter((screen) => !NOT_IN_PACKAGES.includes(screen)) : MENU;
    this.add
      .text(GAME_WIDTH / 2, 150, t('title'), {
        ...style,
        fontSize: '64px',
        color: Colour.accentCss,
        fontStyle: 'bold',
      })
      .setOrigin(0.5);
    this.add.text(GAME_WIDTH / 2, 222, t('tagline'), { ...style, fontSize: '22px' }).setOrigin(0.5);

    menu.forEach((screen, index) => {
      // Spacing shrinks as entries are added, so the last stays clear of the hint line.
      const y = 300 + index * Math.min(86, 330 / Math.max(1, menu.length - 1));
      const button = this.add
        .rectangle(GAME_WIDTH / 2, y, 420, 66, Colour.panel)
        .setStrokeStyle(2, index === 0 ? Colour.accent : Colour.panel);
      this.add
        .text(GAME_WIDTH / 2, y, `${index + 1}. ${t(MENU_LABEL[screen])}`, {
          ...style,
          fontSize: '24px',
        })
        .setOrigin(0.5);
      button.setInteractive({ useHandCursor: true }).on('pointerdown', () => {
        this.open(screen);
      });
    });
    this.add
      .text(
        GAME_WIDTH / 2,
        700,
        packaged ? t('titleHintPackaged') : t('titleHint', { timers: t(timers ? 'on' : 'off') }),
        {
          ...style,
          fontSize: '16px',
          color: Colour.muted,
        },
      )
      .setOrigin(0.5, 1);

    // Sounds load once the title is up, so they never delay it (the first call is a click away).
    this.time.delayedCall(0, () => {
      preloadAudio();
      void loadPlayScenes(this.game);
    });
    const mirror = mirrorOf(this);
    mirror.setScreen(t('title'), SceneKey.title);
    mirror.setStatus(t('tagline'));
    mirror.announce('');
    mirror.setActions(
      t('title'),
      menu.map((screen) => ({
        label: t(MENU_LABEL[screen]),
        onPick: () => {
          this.open(screen);
        },
        data: { screen },
      })),
    );

    onKey(this, (event) => {
      const key = event.key.toLowerCase();
      const screen = menu[Number(key) - 1];
      if (screen) this.open(screen);
      else if (key === 'enter' || key === 'p') this.open(SceneKey.select);
      else if (key === 'h') this.open(SceneKey.history);
      else if (key === 's') this.open(SceneKey.settings);
      else if (key === 'b' && !packaged) this.open(SceneKey.lab);
      else if (key === 'j' && !packaged) this.open(SceneKey.join);
      else if (key === 'l') {
        const next = nextLocale();
        void titleFontReady(next).then(() => {
          void callFontReady(next);
          this.scene.restart();
        });
      } else if (key === 't' && !packaged) {
        this.registry.set(RegistryKey.timers, !timers);
        updateSettings({ timers: !timers });
        this.scene.restart();
      }
    });
    // `?lab` in the address opens the Scenario Lab directly (trainers bookmark it); the Lab
    // drops the parameter when it goes back to the title, so this runs once per visit.
    if (!packaged && new URLSearchParams(window.location.search).has(SceneKey.lab))
      this.open(SceneKey.lab);
    // A join link (`?join=CODE`, the QR code's target) goes straight to the join screen, once.
    if (this.registry.get(RegistryKey.joinLink) === true) {
      this.registry.remove(RegistryKey.joinLink);
      this.open(SceneKey.join);
    }
  }

  private open(screen: (typeof MENU)[number]): void {
    unlock();
    audio.play(Sound.click);
    const load = screen === SceneKey.join ? loadDrillScenes : loadPlayScenes;
    void load(this.game).then(() => {
      this.scene.start(screen);
    });
  }
}
