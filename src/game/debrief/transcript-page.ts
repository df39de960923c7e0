import type Phaser from 'phaser';
import { t } from '../i18n/index.ts';
import { Colour } from '../theme.ts';
import type { AnnotatedTurn } from './model.ts';

/** Turns shown per page of the annotated transcript. */
export const TURNS_PER_PAGE = 3;
const TOP = 80;
const GAP = 8;
const WIDTH = 1200;

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * One page of the call, turn by turn: what the customer said, the answer, the points won and lost,
 * the principle quoted from the article, and the best answer when it differs. Lines flow one
 * under the other, each clipped to a length that keeps three turns on a page.
 */
export function drawTranscriptPage(
  scene: Phaser.Scene,
  options: {
    turns: readonly AnnotatedTurn[];
    page: number;
    font: string;
    onRetry: (turn: number) => void;
  },
): Phaser.GameObjects.Container {
  const { turns, page, font, onRetry } = options;
  const style = { fontFamily: font, color: Colour.text };
  const wrap = { width: WIDTH - 40, useAdvancedWrap: true };
  const container = scene.add.container(0, 0);
  let y = TOP;
  turns.slice(page * TURNS_PER_PAGE, (page + 1) * TURNS_PER_PAGE).forEach((turn, slot) => {
    const box = scene.add.rectangle(40, y, WIDTH, 10, Colour.panel).setOrigin(0);
    container.add(box);
    const top = y;
    let cursor = y + 8;
    const line = (text: string, size: number, colour: string = Colour.text) => {
      const item = scene.add.text(56, cursor, text, {
        ...style,
        fontSize: `${size}px`,
        color: colour,
        wordWrap: wrap,
        lineSpacing: 2,
      });
      container.add(item);
      cursor += item.height + 3;
      return item;
    };
    line(`${slot + 1}. ${t('turn', { number: turn.index + 1 })}`, 16);
    container.add(
      scene.add
        .text(
          WIDTH + 24,
          top + 8,
          t('points', { won: turn.won.toFixed(1), lost: turn.lost.toFixed(1) }),
          {
            ...style,
            fontSize: '16px',
            color: turn.lost > turn.won ? '#ff8b94' : '#7ee0c3',
          },
        )
        .setOrigin(1, 0),
    );
    line(`“${clip(turn.customer, 105)}”`, 14, Colour.muted);
    line(`${t('you')}: ${clip(turn.answer ?? t('silenceAnswer'), 190)}`, 15);
    if (turn.critical) line(`⚠ ${t('criticalAtTurn', { name: turn.critical })}`, 14, '#ff8b94');
    if (turn.feedback) line(clip(turn.feedback, 190), 13, '#d7e3fc');
    if (turn.principle)
      line(`“${clip(turn.principle.text, 110)}” — ${turn.principle.source}`, 13, Colour.accentCss);
    if (turn.bestAnswer) line(`${t('bestAnswer')}: ${clip(turn.bestAnswer, 110)}`, 13, '#7ee0c3');
    const retry = scene.add
      .text(WIDTH + 24, cursor - 18, `↻ ${t('retryFromHere')}`, {
        ...style,
        fontSize: '15px',
        color: Colour.accentCss,
      })
      .setOrigin(1, 0)
      .setInteractive({ useHandCursor: true });
    retry.on('pointerdown', () => {
      onRetry(turn.index);
    });
    container.add(retry);
    box.height = cursor - top + 6;
    y = cursor + 6 + GAP;
  });
  return container;
}
