import Phaser from 'phaser';
import { Locale, TIP_NAMES, textFor } from '../../engine/index.ts';
import type { LocaleId, Scenario } from '../../engine/index.ts';
import {
  downloadText,
  historyFileName,
  historyFileText,
  pickTextFile,
  sharedHistory,
  tipProgress,
} from '../../storage/index.ts';
import type { HistoryRecord, HistoryStore, TipSeries } from '../../storage/index.ts';
import { mirrorOf } from '../dom-mirror.ts';
import { currentLocale, t } from '../i18n/index.ts';
import { onKey } from '../keyboard.ts';
import { SceneKey } from '../keys.ts';
import { library, loadScenarioData } from '../library.ts';
import { Colour, GAME_WIDTH, fontFor } from '../theme.ts';

export interface HistorySceneData {
  /** A line to show after a restart, e.g. what an import did. */
  readonly status?: string;
  /** The same news in full for the DOM mirror (every refused record, not just the first). */
  readonly announcement?: string;
}

/** Small multiples: one panel per tip, two columns of five, left of the recent calls. */
const CHART = { x: 40, y: 112, columns: 2, width: 360, height: 92, gap: 6 } as const;
const LIST = { x: 820, y: 112, width: 420, rowHeight: 54, rows: 9 } as const;
/** Below the chart and the list, above the key hint. */
const STATUS_Y = 610;
/** The scene's keys (compared lower-cased). */
const Key = { export: 'e', import: 'i', back: 'escape' } as const;
/** Refused records quoted on the canvas after an import; the DOM mirror gets them all. */
const ERRORS_SHOWN = 2;

/**
 * The trainee's history: progress on each of the ten tips as small line charts, and the recent
 * calls. E exports the history as a JSON file, I imports one (checked and re-scored by the
 * engine), Escape goes back to the title.
 */
export class HistoryScene extends Phaser.Scene {
  private locale: LocaleId = Locale.en;
  private font = '';
  private status!: Phaser.GameObjects.Text;
  private store: HistoryStore | null = null;
  private records: readonly HistoryRecord[] = [];
  /** Bumped on every create, so a load that finishes after the scene moved on draws nothing. */
  private visit = 0;

  constructor() {
    super(SceneKey.history);
  }

  create(data: HistorySceneData = {}): void {
    this.locale = currentLocale();
    this.font = fontFor(this.locale);
    this.store = null;
    this.records = [];
    const visit = ++this.visit;
    this.cameras.main.setBackgroundColor(Colour.background);
    const style = { fontFamily: this.font, color: Colour.text };
    this.add
      .text(GAME_WIDTH / 2, 24, t('history.title'), {
        ...style,
        fontSize: '30px',
        fontStyle: 'bold',
        color: Colour.accentCss,
      })
      .setOrigin(0.5, 0);
    this.add.text(CHART.x, 80, t('history.progress'), { ...style, fontSize: '18px' });
    this.add.text(LIST.x, 80, t('history.recent'), { ...style, fontSize: '18px' });
    this.status = this.add
      .text(GAME_WIDTH / 2, STATUS_Y, data.status ?? t('history.loading'), {
        ...style,
        fontSize: '16px',
        align: 'center',
        wordWrap: { width: GAME_WIDTH - 80, useAdvancedWrap: true },
        maxLines: 3,
      })
      .setOrigin(0.5, 0);
    this.add
      .text(GAME_WIDTH / 2, 700, t('history.hint'), {
        ...style,
        fontSize: '16px',
        color: Colour.muted,
      })
      .setOrigin(0.5, 1);

    const mirror = mirrorOf(this);
    mirror.setScreen(t('history.title'), SceneKey.history);
    mirror.setStatus(t('history.loading'));
    mirror.announce(data.announcement ?? data.status ?? '');
    mirror.setActions(t('history.title'), [
      {
        label: t('history.actions.export'),
        onPick: () => {
          this.exportHistory();
        },
      },
      {
        label: t('history.actions.import'),
        onPick: () => {
          this.importHistory();
        },
      },
      {
        label: t('history.actions.back'),
        onPick: () => {
          this.back();
        },
      },
    ]);
    onKey(this, (event) => {
      const key = event.key.toLowerCase();
      if (key === Key.back) this.back();
      else if (key === Key.export) this.exportHistory();
      else if (key === Key.import) this.importHistory();
    });

    void this.loadHistory(visit, data.status);
  }

  private async loadHistory(visit: number, status: string | undefined): Promise<void> {
    let store: HistoryStore;
    let records: readonly HistoryRecord[];
    try {
      store = await sharedHistory();
      records = await store.all();
    } catch {
      if (this.isCurrent(visit)) this.say(t('history.unavailable'));
      return;
    }
    if (!this.isCurrent(visit)) return;
    this.store = store;
    this.records = records;
    this.drawProgress(tipProgress(records));
    this.drawRecent(records);
    const summary =
      records.length === 0 ? t('history.empty') : t('history.calls', { count: records.length });
    mirrorOf(this).setStatus(summary, { calls: String(records.length) });
    this.status.setText(status ?? '');
  }

  private drawProgress(progress: readonly TipSeries[]): void {
    const g = this.add.graphics();
    progress.forEach((series, index) => {
      const x = CHART.x + (index % CHART.columns) * (CHART.width + CHART.gap * 3);
      const y = CHART.y + Math.floor(index / CHART.columns) * (CHART.height + CHART.gap);
      g.fillStyle(Colour.panel).fillRect(x, y, CHART.width, CHART.height);
      this.add.text(x + 10, y + 6, TIP_NAMES[series.tip][this.locale], {
        fontFamily: this.font,
        fontSize: '15px',
        color: Colour.text,
      });
      const last = series.points.at(-1);
      // The latest number is written out: the line's shape is never the only carrier.
      this.add
        .text(x + CHART.width - 10, y + 6, last ? `${Math.round(last.percent)}%` : '—', {
          fontFamily: this.font,
          fontSize: '15px',
          color: last ? Colour.accentCss : Colour.muted,
        })
        .setOrigin(1, 0);
      const box = { x: x + 12, y: y + 32, width: CHART.width - 24, height: CHART.height - 42 };
      drawSparkline(g, series, box);
      if (!last) {
        this.add
          .text(box.x + box.width / 2, box.y + box.height / 2, t('history.noPoints'), {
            fontFamily: this.font,
            fontSize: '14px',
            color: Colour.muted,
          })
          .setOrigin(0.5);
      }
    });
  }

  private drawRecent(records: readonly HistoryRecord[]): void {
    const format = new Intl.DateTimeFormat(this.locale, {
      dateStyle: 'medium',
      timeStyle: 'short',
    });
    if (records.length === 0) {
      this.add.text(LIST.x, LIST.y, t('history.empty'), {
        fontFamily: this.font,
        fontSize: '16px',
        color: Colour.muted,
        wordWrap: { width: LIST.width, useAdvancedWrap: true },
      });
    }
    const newest = [...records].reverse().slice(0, LIST.rows);
    newest.forEach((record, index) => {
      const y = LIST.y + index * LIST.rowHeight;
      const entry = library.find((scenario) => scenario.id === record.summary.scenarioId);
      const title = entry ? textFor(entry.title, this.locale) : record.summary.scenarioId;
      this.add.rectangle(LIST.x, y, LIST.width, LIST.rowHeight - 6, Colour.panel).setOrigin(0);
      this.add.text(LIST.x + 10, y + 5, title, {
        fontFamily: this.font,
        fontSize: '16px',
        color: Colour.text,
        fixedWidth: LIST.width - 90,
      });
      this.add.text(LIST.x + 10, y + 27, format.format(new Date(record.date)), {
        fontFamily: this.font,
        fontSize: '13px',
        color: Colour.muted,
      });
      this.add
        .text(
          LIST.x + LIST.width - 10,
          y + (LIST.rowHeight - 6) / 2,
          `${record.summary.total} · ${record.summary.grade}`,
          {
            fontFamily: this.font,
            fontSize: '20px',
            fontStyle: 'bold',
            color: Colour.accentCss,
          },
        )
        .setOrigin(1, 0.5);
    });
  }

  /** Synchronous on purpose: the download must start inside the key press that asked for it. */
  private exportHistory(): void {
    if (!this.store) return;
    const now = new Date().toISOString();
    downloadText(historyFileName(now), historyFileText(this.records, now));
    this.say(t('history.exported', { count: this.records.length }));
  }

  /** Opens the file dialog at once (it needs the key press), then imports and redraws. */
  private importHistory(): void {
    const store = this.store;
    if (!store) return;
    const visit = this.visit;
    void pickTextFile()
      .then(async (text) => {
        if (text === null) return;
        const report = await store.importJson(text, await shippedScenarios());
        if (!this.isCurrent(visit)) return;
        const shown = report.errors.slice(0, ERRORS_SHOWN);
        const more = report.errors.length - shown.length;
        const status = [
          t('history.imported', {
            added: report.added,
            skipped: report.skipped,
            refused: report.errors.length,
          }),
          ...shown,
          ...(more > 0 ? [`(+${more})`] : []),
        ];
        this.scene.restart({
          status: status.join('\n'),
          announcement: [
            t('history.imported', {
              added: report.added,
              skipped: report.skipped,
              refused: report.errors.length,
            }),
            ...report.errors,
          ].join('\n'),
        } satisfies HistorySceneData);
      })
      .catch(() => {
        if (this.isCurrent(visit)) this.say(t('history.importFailed'));
      });
  }

  /** Whether the player is still on the visit that started some async work. */
  private isCurrent(visit: number): boolean {
    return visit === this.visit && this.sys.isActive();
  }

  private say(message: string): void {
    this.status.setText(message);
    mirrorOf(this).announce(message);
  }

  private back(): void {
    this.scene.start(SceneKey.title);
  }
}

/**
 * Every shipped scenario's data (each is its own chunk): an import re-scores every record, and
 * importing is rare enough to load them all.
 */
async function shippedScenarios(): Promise<Scenario[]> {
  const loaded = await Promise.all(library.map((entry) => loadScenarioData(entry.id)));
  return loaded.filter((scenario) => scenario !== undefined);
}

/**
 * One tip's results as a line over the calls (evenly spaced: the order of calls matters more
 * than the days between them), with guides at 0, 50 and 100 % and a dot on every call.
 */
function drawSparkline(
  g: Phaser.GameObjects.Graphics,
  series: TipSeries,
  box: { x: number; y: number; width: number; height: number },
): void {
  g.lineStyle(1, Colour.panelLight);
  for (const level of [0, 0.5, 1]) {
    const y = box.y + box.height * (1 - level);
    g.lineBetween(box.x, y, box.x + box.width, y);
  }
  const count = series.points.length;
  if (count === 0) return;
  const at = (index: number, percent: number) => ({
    x: count === 1 ? box.x + box.width / 2 : box.x + (box.width * index) / (count - 1),
    y: box.y + box.height * (1 - Math.max(0, Math.min(100, percent)) / 100),
  });
  const points = series.points.map((point, index) => at(index, point.percent));
  g.lineStyle(2, Colour.accent);
  g.beginPath();
  points.forEach((point, index) => {
    if (index === 0) g.moveTo(point.x, point.y);
    else g.lineTo(point.x, point.y);
  });
  g.strokePath();
  g.fillStyle(Colour.accent);
  for (const point of points) g.fillCircle(point.x, point.y, count > 30 ? 1.5 : 3);
}
