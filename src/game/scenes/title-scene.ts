import Phaser from 'phaser';
import { textFor } from '../../engine/index.ts';
import { RegistryKey, SceneKey } from '../keys.ts';
import { currentLocale, nextLocale, t } from '../i18n/index.ts';
import { mirrorOf } from '../dom-mirror.ts';
import { onKey } from '../keyboard.ts';
import { callFontReady, titleFontReady } from '../fonts.ts';
import { updateSettings } from '../../storage/index.ts';
import { Sound, audio, unlock } from '../../audio/index.ts';
import { library, loadScenarioData } from '../library.ts';
import { Colour, GAME_WIDTH, fontFor } from '../theme.ts';

/** The title and the list of calls. */
export class TitleScene extends Phaser.Scene {
  private starting = false;

  constructor() {
    super(SceneKey.title);
  }

  create(): void {
    this.starting = false;
    const locale = currentLocale();
    const font = fontFor(locale);
    const timers = this.registry.get(RegistryKey.timers) !== false;
    this.cameras.main.setBackgroundColor(Colour.background);
    this.add
      .text(GAME_WIDTH / 2, 46, t('title'), {
        fontFamily: font,
        fontSize: '44px',
        color: Colour.accentCss,
        fontStyle: 'bold',
      })
      .setOrigin(0.5);
    this.add
      .text(GAME_WIDTH / 2, 92, t('tagline'), {
        fontFamily: font,
        fontSize: '20px',
        color: Colour.text,
      })
      .setOrigin(0.5);
    this.add.text(60, 128, t('chooseCall'), {
      fontFamily: font,
      fontSize: '18px',
      color: Colour.muted,
    });

    const columns = 2;
    const cardWidth = 570;
    library.forEach((scenario, index) => {
      const x = 60 + (index % columns) * (cardWidth + 20);
      const y = 160 + Math.floor(index / columns) * 76;
      const card = this.add
        .rectangle(x, y, cardWidth, 66, Colour.panel)
        .setOrigin(0)
        .setStrokeStyle(2, Colour.panel);
      this.add.text(x + 16, y + 10, `${index + 1}. ${textFor(scenario.title, locale)}`, {
        fontFamily: font,
        fontSize: '20px',
        color: Colour.text,
      });
      const stars = '★'.repeat(scenario.difficulty) + '☆'.repeat(5 - scenario.difficulty);
      this.add.text(
        x + 16,
        y + 38,
        `${t(`channel.${scenario.channel}`)} · ${t('difficulty')} ${stars}`,
        {
          fontFamily: font,
          fontSize: '15px',
          color: Colour.muted,
        },
      );
      card.setInteractive({ useHandCursor: true });
      card.on('pointerover', () => card.setStrokeStyle(2, Colour.accent));
      card.on('pointerout', () => card.setStrokeStyle(2, Colour.panel));
      card.on('pointerdown', () => {
        this.startCall(scenario.id);
      });
    });

    this.add
      .text(GAME_WIDTH / 2, 700, t('startHint', { timers: t(timers ? 'on' : 'off') }), {
        fontFamily: font,
        fontSize: '16px',
        color: Colour.muted,
      })
      .setOrigin(0.5, 1);

    const mirror = mirrorOf(this);
    mirror.setScreen(t('title'), SceneKey.title);
    mirror.setStatus(t('tagline'));
    mirror.announce('');
    mirror.setActions(t('chooseCall'), [
      ...library.map((scenario) => ({
        label: `${textFor(scenario.title, locale)} (${t(`channel.${scenario.channel}`)}, ${t('difficulty')} ${scenario.difficulty}/5)`,
        onPick: () => {
          this.startCall(scenario.id);
        },
        data: { scenarioId: scenario.id },
      })),
      {
        label: t('history.title'),
        onPick: () => this.scene.start(SceneKey.history),
        data: { screen: SceneKey.history },
      },
      {
        label: t('settings.title'),
        onPick: () => this.scene.start(SceneKey.settings),
        data: { screen: SceneKey.settings },
      },
    ]);

    onKey(this, (event) => {
      const number = Number(event.key);
      const scenario = Number.isInteger(number) && number >= 1 ? library[number - 1] : undefined;
      if (scenario) this.startCall(scenario.id);
      else if (event.key.toLowerCase() === 'l') {
        const next = nextLocale();
        void titleFontReady(next).then(() => {
          void callFontReady(next);
          this.scene.restart();
        });
      } else if (event.key.toLowerCase() === 't') {
        this.registry.set(RegistryKey.timers, !timers);
        updateSettings({ timers: !timers });
        this.scene.restart();
      } else if (event.key.toLowerCase() === 'h') {
        this.scene.start(SceneKey.history);
      } else if (event.key.toLowerCase() === 's') {
        this.scene.start(SceneKey.settings);
      }
    });
  }

  /** Loads the scenario's chunk, then starts the call (the title stays up while it loads). */
  private startCall(scenarioId: string): void {
    if (this.starting) return;
    unlock();
    audio.play(Sound.click);
    this.starting = true;
    void Promise.all([loadScenarioData(scenarioId), callFontReady(currentLocale())]).then(
      ([scenario]) => {
        this.starting = false;
        if (scenario) this.scene.start(SceneKey.call, { scenarioId });
      },
    );
  }
}
