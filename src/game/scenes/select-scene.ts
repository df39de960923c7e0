import Phaser from 'phaser';
import { Sound, audio, unlock } from '../../audio/index.ts';
import { TIP_NAMES, textFor } from '../../engine/index.ts';
import { sharedHistory } from '../../storage/index.ts';
import { mirrorOf } from '../dom-mirror.ts';
import { callFontReady } from '../fonts.ts';
import { currentLocale, t } from '../i18n/index.ts';
import { onKey } from '../keyboard.ts';
import { RegistryKey, SceneKey } from '../keys.ts';
import { loadScenarioData, selectableLibrary } from '../library.ts';
import { Colour, GAME_WIDTH, fontFor } from '../theme.ts';
import { loadPlayScenes } from '../play-scenes.ts';

/** Cards per page: two columns of four, numbered 1–8 for the keyboard. */
const PER_PAGE = 8;
const CARD = { width: 570, height: 116, gap: 14, left: 60, top: 110 } as const;

/**
 * Scenario select: a card per call — title, channel, difficulty, the tips it trains and the best
 * score so far — eight to a page. Number keys pick, arrows turn pages, Escape goes back.
 */
export class SelectScene extends Phaser.Scene {
  private starting = false;
  private page = 0;
  private best = new Map<string, number>();

  constructor() {
    super(SceneKey.select);
  }

  create(data: { page?: number } = {}): void {
    this.starting = false;
    this.page = Math.min(data.page ?? 0, this.pages() - 1);
    const locale = currentLocale();
    const font = fontFor(locale);
    const style = { fontFamily: font, color: Colour.text };
    const timers = this.registry.get(RegistryKey.timers) !== false;
    this.cameras.main.setBackgroundColor(Colour.background);
    this.add
      .text(GAME_WIDTH / 2, 40, t('chooseCall'), {
        ...style,
        fontSize: '30px',
        color: Colour.accentCss,
      })
      .setOrigin(0.5);

    const shown = selectableLibrary().slice(this.page * PER_PAGE, (this.page + 1) * PER_PAGE);
    const bestTexts = new Map<string, Phaser.GameObjects.Text>();
    shown.forEach((scenario, slot) => {
      const x = CARD.left + (slot % 2) * (CARD.width + 20);
      const y = CARD.top + Math.floor(slot / 2) * (CARD.height + CARD.gap);
      const card = this.add
        .rectangle(x, y, CARD.width, CARD.height, Colour.panel)
        .setOrigin(0)
        .setStrokeStyle(2, Colour.panel);
      this.add.text(x + 16, y + 10, `${slot + 1}. ${textFor(scenario.title, locale)}`, {
        ...style,
        fontSize: '20px',
      });
      const stars = '★'.repeat(scenario.difficulty) + '☆'.repeat(5 - scenario.difficulty);
      this.add.text(
        x + 16,
        y + 40,
        `${t(`channel.${scenario.channel}`)} · ${t('difficulty')} ${stars}`,
        { ...style, fontSize: '15px', color: Colour.muted },
      );
      this.add.text(
        x + 16,
        y + 64,
        scenario.focus.map((tip) => TIP_NAMES[tip][locale]).join(' · '),
        {
          ...style,
          fontSize: '14px',
          color: Colour.accentCss,
          wordWrap: { width: CARD.width - 32 },
        },
      );
      bestTexts.set(
        scenario.id,
        this.add
          .text(x + CARD.width - 16, y + 10, '', {
            ...style,
            fontSize: '16px',
            color: Colour.muted,
          })
          .setOrigin(1, 0),
      );
      card.setInteractive({ useHandCursor: true });
      card.on('pointerover', () => card.setStrokeStyle(2, Colour.accent));
      card.on('pointerout', () => card.setStrokeStyle(2, Colour.panel));
      card.on('pointerdown', () => {
        this.startCall(scenario.id);
      });
    });
    this.add
      .text(
        GAME_WIDTH / 2,
        706,
        `${t('selectHint', { timers: t(timers ? 'on' : 'off') })} · ${t('page', { page: this.page + 1, pages: this.pages() })}`,
        {
          ...style,
          fontSize: '15px',
          color: Colour.muted,
        },
      )
      .setOrigin(0.5, 1);

    const mirror = mirrorOf(this);
    mirror.setScreen(t('chooseCall'), SceneKey.select);
    mirror.setStatus(t('page', { page: this.page + 1, pages: this.pages() }));
    mirror.announce('');
    const describe = (id: string) => {
      const best = this.best.get(id);
      return best === undefined ? t('notPlayed') : t('bestScore', { score: best });
    };
    const setActions = () => {
      mirror.setActions(t('chooseCall'), [
        ...selectableLibrary().map((scenario) => ({
          label: `${textFor(scenario.title, locale)} (${t(`channel.${scenario.channel}`)}, ${t('difficulty')} ${scenario.difficulty}/5; ${describe(scenario.id)})`,
          onPick: () => {
            this.startCall(scenario.id);
          },
          data: { scenarioId: scenario.id },
        })),
        {
          label: t('back'),
          onPick: () => {
            this.scene.start(SceneKey.title);
          },
        },
      ]);
    };
    setActions();

    // Best scores come from the history (IndexedDB); the cards fill them in when it answers.
    void sharedHistory()
      .then(async (history) =>
        Promise.all(
          selectableLibrary().map(
            async (scenario) => [scenario.id, await history.bestScore(scenario.id)] as const,
          ),
        ),
      )
      .then((scores) => {
        if (!this.scene.isActive()) return;
        for (const [id, score] of scores) if (score !== null) this.best.set(id, score);
        for (const [id, text] of bestTexts) text.setText(describe(id));
        setActions();
      })
      .catch(() => undefined);

    onKey(this, (event) => {
      const number = Number(event.key);
      const scenario = Number.isInteger(number) && number >= 1 ? shown[number - 1] : undefined;
      if (scenario) this.startCall(scenario.id);
      else if (event.key === 'ArrowRight' && this.page < this.pages() - 1)
        this.scene.restart({ page: this.page + 1 });
      else if (event.key === 'ArrowLeft' && this.page > 0)
        this.scene.restart({ page: this.page - 1 });
      else if (event.key === 'Escape') this.scene.start(SceneKey.title);
    });
  }

  private pages(): number {
    return Math.max(1, Math.ceil(selectableLibrary().length / PER_PAGE));
  }

  /** Loads the scenario's chunk and the calls' font, then starts the call. */
  private startCall(scenarioId: string): void {
    if (this.starting) return;
    this.starting = true;
    unlock();
    audio.play(Sound.click);
    void Promise.all([
      loadScenarioData(scenarioId),
      callFontReady(currentLocale()),
      loadPlayScenes(this.game),
    ]).then(([scenario]) => {
      this.starting = false;
      if (scenario) this.scene.start(SceneKey.call, { scenarioId });
    });
  }
}
