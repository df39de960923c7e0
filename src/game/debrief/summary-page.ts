import type Phaser from 'phaser';
import { SCORE_WEIGHTS, textFor } from '../../engine/index.ts';
import type { LocaleId, Scenario, ScoreComponent, Scorecard } from '../../engine/index.ts';
import { t } from '../i18n/index.ts';
import { Colour } from '../theme.ts';
import { TipRadar } from '../widgets/tip-radar.ts';
import type { DebriefModel } from './model.ts';

/** The outcome in a sentence, and what word of mouth it brings (document 000: 5 vs 25). */
export function outcomeLines(card: Scorecard): { outcome: string; mouth: string } {
  const mouth = card.outcome.wordOfMouth;
  return {
    outcome: card.outcome.outcome ? t(`outcome.${card.outcome.outcome}`) : '—',
    mouth:
      mouth > 0
        ? t('wordOfMouthGood', { count: mouth })
        : mouth < 0
          ? t('wordOfMouthBad', { count: -mouth })
          : t('wordOfMouthNone'),
  };
}

/** Draws the summary: total, outcome, parts, the ten-tip radar, the four steps and the lesson. */
export function drawSummary(
  scene: Phaser.Scene,
  options: {
    scenario: Scenario;
    card: Scorecard;
    model: DebriefModel;
    locale: LocaleId;
    font: string;
  },
): Phaser.GameObjects.Container {
  const { scenario, card, model, locale, font } = options;
  const style = { fontFamily: font, color: Colour.text };
  // A critical error is named first, above everything else, with the article's own line; the
  // rest of the page moves down to make room.
  const critical = model.critical;
  const page = scene.add.container(0, critical ? CRITICAL_BANNER_HEIGHT : 0);
  const { outcome, mouth } = outcomeLines(card);
  const outcomeColour =
    card.outcome.outcome === 'good'
      ? '#7ee0c3'
      : card.outcome.outcome === 'bad'
        ? '#ff8b94'
        : Colour.text;

  page.add([
    scene.add
      .text(170, 150, String(card.total), {
        ...style,
        fontSize: '88px',
        fontStyle: 'bold',
        color: Colour.accentCss,
      })
      .setOrigin(0.5),
    scene.add.text(170, 218, card.grade, { ...style, fontSize: '36px' }).setOrigin(0.5),
    scene.add.text(40, 262, outcome, { ...style, fontSize: '24px', color: outcomeColour }),
    scene.add.text(40, 296, mouth, {
      ...style,
      fontSize: '17px',
      color: Colour.muted,
      wordWrap: { width: 320 },
    }),
  ]);
  (Object.keys(SCORE_WEIGHTS) as ScoreComponent[]).forEach((component, index) => {
    const y = 372 + index * 36;
    const share = card.components[component] / SCORE_WEIGHTS[component];
    page.add([
      scene.add
        .text(40, y, t(`components.${component}`), { ...style, fontSize: '16px' })
        .setOrigin(0, 0.5),
      scene.add.rectangle(170, y, 130, 14, Colour.panel).setOrigin(0, 0.5),
      scene.add
        .rectangle(
          170,
          y,
          130 * share,
          14,
          share >= 0.75 ? Colour.good : share >= 0.4 ? Colour.accent : Colour.bad,
        )
        .setOrigin(0, 0.5),
      scene.add
        .text(308, y, `${card.components[component].toFixed(1)}/${SCORE_WEIGHTS[component]}`, {
          ...style,
          fontSize: '15px',
        })
        .setOrigin(0, 0.5),
    ]);
  });
  const penaltyY = 372 + Object.keys(SCORE_WEIGHTS).length * 36;
  page.add([
    scene.add
      .text(40, penaltyY, t('components.penalties'), { ...style, fontSize: '16px' })
      .setOrigin(0, 0.5),
    scene.add
      .text(308, penaltyY, card.penalties > 0 ? `−${card.penalties.toFixed(1)}` : '0', {
        ...style,
        fontSize: '15px',
        color: card.penalties > 0 ? '#ff8b94' : Colour.text,
      })
      .setOrigin(0, 0.5),
  ]);

  page.add(
    scene.add
      .text(630, 96, t('tipsTitle'), { ...style, fontSize: '18px', color: Colour.muted })
      .setOrigin(0.5),
  );
  page.add(new TipRadar(scene, 630, 335, { spokes: model.radar, radius: 128, font }));

  page.add(
    scene.add.text(880, 96, t('stepMarks'), { ...style, fontSize: '18px', color: Colour.muted }),
  );
  model.steps.forEach((mark, index) => {
    const y = 140 + index * 44;
    const state =
      mark.turn === null
        ? t('stepMissing')
        : mark.inOrder
          ? t('stepAtTurn', { turn: mark.turn })
          : `${t('stepAtTurn', { turn: mark.turn })} · ${t('stepOutOfOrder')}`;
    const symbol = mark.turn === null ? '✗' : mark.inOrder ? '✓' : '↺';
    const colour = mark.turn === null ? Colour.bad : mark.inOrder ? Colour.good : Colour.accent;
    page.add([
      scene.add.rectangle(880, y, 34, 34, colour).setOrigin(0, 0.5),
      scene.add
        .text(897, y, symbol, { ...style, fontSize: '20px', color: Colour.dark })
        .setOrigin(0.5),
      scene.add.text(926, y - 10, `${index + 1}. ${mark.name}`, { ...style, fontSize: '17px' }),
      scene.add.text(926, y + 10, state, { ...style, fontSize: '14px', color: Colour.muted }),
    ]);
  });
  page.add(
    scene.add.text(
      880,
      320,
      model.interruptions > 0
        ? t('interruptions', { count: model.interruptions })
        : t('interruptionsNone'),
      {
        ...style,
        fontSize: '15px',
        color: model.interruptions > 0 ? '#ff8b94' : '#7ee0c3',
      },
    ),
  );
  page.add([
    scene.add.text(880, 372, t('lesson'), { ...style, fontSize: '16px', color: Colour.muted }),
    scene.add.text(880, 398, textFor(scenario.lesson, locale), {
      ...style,
      fontSize: '17px',
      wordWrap: { width: 360, useAdvancedWrap: true },
      lineSpacing: 5,
    }),
  ]);
  if (critical) {
    const banner = scene.add.container(0, 0);
    banner.add([
      scene.add.rectangle(40, 56, 1200, CRITICAL_BANNER_HEIGHT - 6, 0x5c1f2a).setOrigin(0),
      scene.add.text(
        56,
        62,
        `⚠ ${t('criticalBanner', { turn: critical.turn, name: critical.name, cap: critical.cap })}`,
        { ...style, fontSize: '17px', color: '#ffb3ba', wordWrap: { width: 1170 } },
      ),
      scene.add.text(56, 86, `“${critical.principle.text}” — ${critical.principle.source}`, {
        ...style,
        fontSize: '13px',
        color: Colour.muted,
        wordWrap: { width: 1170 },
      }),
    ]);
    page.add(banner);
    banner.setY(-CRITICAL_BANNER_HEIGHT);
  }
  return page;
}

/** Room the critical-error banner takes at the top of the summary. */
const CRITICAL_BANNER_HEIGHT = 50;
