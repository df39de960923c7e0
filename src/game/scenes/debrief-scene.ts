import Phaser from 'phaser';
import { SCORE_WEIGHTS, scoreTranscript, textFor } from '../../engine/index.ts';
import type { ScoreComponent, Transcript } from '../../engine/index.ts';
import { SceneKey } from '../keys.ts';
import { currentLocale, t } from '../i18n/index.ts';
import { mirrorOf } from '../dom-mirror.ts';
import { onKey } from '../keyboard.ts';
import { scenarioById } from '../library.ts';
import { Colour, GAME_WIDTH, fontFor } from '../theme.ts';

export interface DebriefSceneData {
  readonly transcript: Transcript;
}

/** The score of the call, computed by the engine from the transcript, as the server will. */
export class DebriefScene extends Phaser.Scene {
  constructor() {
    super(SceneKey.debrief);
  }

  create(data: DebriefSceneData): void {
    const scenario = scenarioById(data.transcript.scenarioId);
    const result = scenario ? scoreTranscript(scenario, data.transcript) : null;
    if (!scenario || !result?.ok) {
      this.scene.start(SceneKey.title);
      return;
    }
    const card = result.scorecard;
    const locale = currentLocale();
    const font = fontFor(locale);
    const style = { fontFamily: font, color: Colour.text };
    this.cameras.main.setBackgroundColor(Colour.background);

    this.add
      .text(GAME_WIDTH / 2, 30, `${t('debrief')} · ${textFor(scenario.title, locale)}`, {
        ...style,
        fontSize: '26px',
      })
      .setOrigin(0.5, 0);
    this.add
      .text(200, 170, String(card.total), {
        ...style,
        fontSize: '96px',
        fontStyle: 'bold',
        color: Colour.accentCss,
      })
      .setOrigin(0.5);
    this.add
      .text(200, 250, card.grade, { ...style, fontSize: '40px' })
      .setOrigin(0.5)
      .setName('grade');

    const outcome = card.outcome.outcome;
    const mouth = card.outcome.wordOfMouth;
    const outcomeLine = outcome ? t(`outcome.${outcome}`) : '—';
    const mouthLine =
      mouth > 0
        ? t('wordOfMouthGood', { count: mouth })
        : mouth < 0
          ? t('wordOfMouthBad', { count: -mouth })
          : t('wordOfMouthNone');
    this.add.text(420, 110, outcomeLine, {
      ...style,
      fontSize: '28px',
      color: outcome === 'good' ? '#7ee0c3' : outcome === 'bad' ? '#ff8b94' : Colour.text,
    });
    this.add.text(420, 150, mouthLine, { ...style, fontSize: '20px', color: Colour.muted });

    (Object.keys(SCORE_WEIGHTS) as ScoreComponent[]).forEach((component, index) => {
      const y = 210 + index * 42;
      const share = card.components[component] / SCORE_WEIGHTS[component];
      this.add
        .text(420, y, t(`components.${component}`), { ...style, fontSize: '19px' })
        .setOrigin(0, 0.5);
      this.add.rectangle(600, y, 400, 18, Colour.panel).setOrigin(0, 0.5);
      this.add
        .rectangle(
          600,
          y,
          400 * share,
          18,
          share >= 0.75 ? Colour.good : share >= 0.4 ? Colour.accent : Colour.bad,
        )
        .setOrigin(0, 0.5);
      this.add
        .text(1015, y, `${card.components[component].toFixed(1)} / ${SCORE_WEIGHTS[component]}`, {
          ...style,
          fontSize: '18px',
        })
        .setOrigin(0, 0.5);
    });

    this.add.text(420, 440, t('lesson'), { ...style, fontSize: '18px', color: Colour.muted });
    this.add.text(420, 468, textFor(scenario.lesson, locale), {
      ...style,
      fontSize: '20px',
      wordWrap: { width: 800, useAdvancedWrap: true },
      lineSpacing: 6,
    });
    this.add
      .text(GAME_WIDTH / 2, 700, t('backHint'), { ...style, fontSize: '16px', color: Colour.muted })
      .setOrigin(0.5, 1);

    const back = () => {
      this.scene.start(SceneKey.title);
    };
    const retry = () => {
      this.scene.start(SceneKey.call, { scenarioId: scenario.id });
    };
    const [backLabel = '', retryLabel = ''] = t('backHint').split(' · ');
    const mirror = mirrorOf(this);
    mirror.setScreen(`${t('debrief')} · ${textFor(scenario.title, locale)}`, SceneKey.debrief);
    mirror.setStatus(`${card.total} / 100 · ${card.grade} · ${outcomeLine} · ${mouthLine}`, {
      total: String(card.total),
      grade: card.grade,
    });
    mirror.announce(`${t('lesson')}: ${textFor(scenario.lesson, locale)}`);
    mirror.setActions(t('debrief'), [
      { label: backLabel, onPick: back },
      { label: retryLabel, onPick: retry },
    ]);

    onKey(this, (event) => {
      if (event.key === 'Enter') back();
      else if (event.key.toLowerCase() === 'r') retry();
    });
  }
}
