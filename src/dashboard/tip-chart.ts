import { TIP_IDS, TIP_NAMES } from '../engine/index.ts';
import type { LocaleId, TipId } from '../engine/index.ts';
import { svg } from './dom.ts';

const ROW = 34;
const LABEL_WIDTH = 290;
const BAR_WIDTH = 330;
const WIDTH = LABEL_WIDTH + BAR_WIDTH + 60;

/**
 * The team's average per tip as horizontal bars (0–100), in the tips' own order. A tip no
 * submission assessed says so in words rather than drawing an empty bar that reads as zero.
 */
export function tipChart(
  tips: Readonly<Record<TipId, number | null>>,
  locale: LocaleId,
  labels: { title: string; notAssessed: string },
): SVGSVGElement {
  const height = TIP_IDS.length * ROW + 8;
  const chart = svg('svg', {
    class: 'chart',
    viewBox: `0 0 ${String(WIDTH)} ${String(height)}`,
    width: '100%',
    role: 'img',
    'aria-label': labels.title,
  });
  chart.append(svg('title', {}, labels.title));
  TIP_IDS.forEach((tip, index) => {
    const y = index * ROW + 4;
    const value = tips[tip];
    const name = TIP_NAMES[tip][locale];
    const row = svg('g', { 'data-tip': tip });
    row.append(
      svg(
        'text',
        {
          x: LABEL_WIDTH - 10,
          y: y + ROW / 2,
          'text-anchor': 'end',
          'dominant-baseline': 'middle',
        },
        name,
      ),
      svg('rect', {
        x: LABEL_WIDTH,
        y: y + 5,
        width: BAR_WIDTH,
        height: ROW - 10,
        rx: 5,
        style: 'fill: var(--bg)',
      }),
    );
    if (value === null) {
      row.append(
        svg(
          'text',
          { x: LABEL_WIDTH + 10, y: y + ROW / 2, class: 'na', 'dominant-baseline': 'middle' },
          labels.notAssessed,
        ),
      );
    } else {
      const share = Math.max(0, Math.min(100, value)) / 100;
      const colour = value >= 70 ? 'var(--good)' : value >= 40 ? 'var(--accent)' : 'var(--bad)';
      row.append(
        svg('rect', {
          x: LABEL_WIDTH,
          y: y + 5,
          width: Math.max(2, BAR_WIDTH * share),
          height: ROW - 10,
          rx: 5,
          fill: colour,
        }),
        svg(
          'text',
          {
            x: LABEL_WIDTH + BAR_WIDTH + 8,
            y: y + ROW / 2,
            class: 'value',
            'dominant-baseline': 'middle',
          },
          String(Math.round(value)),
        ),
      );
    }
    chart.append(row);
  });
  return chart;
}
