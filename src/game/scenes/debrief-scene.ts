import Phaser from 'phaser';
import { scoreTranscript, textFor } from '../../engine/index.ts';
import type { Scenario, Scorecard, Transcript } from '../../engine/index.ts';
import { debriefModel } from '../debrief/model.ts';
import type { DebriefModel } from '../debrief/model.ts';
import { drawSummary, outcomeLines } from '../debrief/summary-page.ts';
import { TURNS_PER_PAGE, drawTranscriptPage } from '../debrief/transcript-page.ts';
import { mirrorOf } from '../dom-mirror.ts';
import { reportCallEnded } from '../reporting.ts';
import { recordNow, sharedHistory } from '../../storage/index.ts';
import { Sound, audio } from '../../audio/index.ts';
import type { DomMirror } from '../dom-mirror.ts';
import { currentLocale, t } from '../i18n/index.ts';
import { onKey } from '../keyboard.ts';
import { SceneKey } from '../keys.ts';
import { bestPathOf, scenarioById } from '../library.ts';
import { Colour, GAME_WIDTH, fontFor } from '../theme.ts';
import type { CallSceneData } from './call-scene.ts';

export interface DebriefSceneData {
  readonly transcript: Transcript;
  /** True when the debrief follows a replay: the call is already in the history. */
  readonly replayed?: boolean;
  /** Where "continue" goes instead of the title (a drill's lobby); retries and replays keep it. */
  readonly returnTo?: SceneKey;
}

const Page = { summary: 'summary', transcript: 'transcript' } as const;
type Page = (typeof Page)[keyof typeof Page];

/**
 * The debrief: the engine scores the transcript (as the server will), and the page shows why —
 * the ten tips, the four steps, and every turn with the article's principle — with "retry from
 * here" on any turn and a replay of the whole call.
 */
export class DebriefScene extends Phaser.Scene {
  private scenario!: Scenario;
  private transcript!: Transcript;
  private card!: Scorecard;
  private model!: DebriefModel;
  private font = '';
  private mirror!: DomMirror;
  private page: Page = Page.summary;
  private transcriptPage = 0;
  private content: Phaser.GameObjects.Container | null = null;
  private hint!: Phaser.GameObjects.Text;
  private returnTo: SceneKey = SceneKey.title;

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
    const locale = currentLocale();
    this.scenario = scenario;
    this.transcript = data.transcript;
    this.returnTo = data.returnTo ?? SceneKey.title;
    this.card = result.scorecard;
    this.model = debriefModel(
      scenario,
      this.card,
      data.transcript,
      bestPathOf(scenario.id),
      locale,
    );
    // Keep the call in the history (a replay is the same call: not kept twice). History may be
    // unavailable (private browsing); the debrief works the same without it.
    if (!data.replayed) {
      reportCallEnded(scenario, data.transcript, this.card);
      const record = recordNow(data.transcript, this.card);
      void sharedHistory()
        .then((history) => history.add(record))
        .catch(() => undefined);
    }
    audio.play(Sound.sting);
    this.font = fontFor(locale);
    this.page = Page.summary;
    this.transcriptPage = 0;
    this.content = null;
    this.cameras.main.setBackgroundColor(Colour.background);
    this.add
      .text(GAME_WIDTH / 2, 24, `${t('debrief')} · ${textFor(scenario.title, locale)}`, {
        fontFamily: this.font,
        fontSize: '24px',
        color: Colour.text,
      })
      .setOrigin(0.5, 0);
    this.hint = this.add
      .text(GAME_WIDTH / 2, 706, '', {
        fontFamily: this.font,
        fontSize: '15px',
        color: Colour.muted,
      })
      .setOrigin(0.5, 1);
    this.mirror = mirrorOf(this);
    this.mirror.setScreen(`${t('debrief')} · ${textFor(scenario.title, locale)}`, SceneKey.debrief);
    onKey(this, (event) => {
      this.onKey(event);
    });
    this.show();
  }

  private pages(): number {
    return Math.max(1, Math.ceil(this.model.turns.length / TURNS_PER_PAGE));
  }

  private show(): void {
    this.content?.destroy();
    const { outcome, mouth } = outcomeLines(this.card);
    this.mirror.setStatus(`${this.card.total} / 100 · ${this.card.grade} · ${outcome} · ${mouth}`, {
      total: String(this.card.total),
      grade: this.card.grade,
    });
    if (this.page === Page.summary) {
      this.content = drawSummary(this, {
        scenario: this.scenario,
        card: this.card,
        model: this.model,
        locale: currentLocale(),
        font: this.font,
      });
      this.hint.setText(t('summaryHint', { back: this.backLabel() }));
      const critical = this.model.critical;
      this.mirror.announce(
        [
          ...(critical
            ? [
                t('criticalBanner', {
                  turn: critical.turn,
                  name: critical.name,
                  cap: critical.cap,
                }),
                `${critical.principle.text} (${critical.principle.source})`,
              ]
            : []),
          ...this.model.radar.map(
            (spoke) =>
              `${spoke.name} ${spoke.percent === null ? '—' : `${Math.round(spoke.percent)}%`}`,
          ),
          `${t('lesson')}: ${textFor(this.scenario.lesson, currentLocale())}`,
        ].join('. '),
      );
      this.mirror.setActions(t('debrief'), [
        {
          label: t('summaryHint', { back: this.backLabel() }).split(' · ')[0] ?? '',
          onPick: () => {
            this.showPage(Page.transcript);
          },
        },
        {
          label: t('retryFromHere'),
          onPick: () => {
            this.retry(0);
          },
        },
        {
          label: t('replaying'),
          onPick: () => {
            this.replayCall();
          },
        },
        {
          label: t('backHint').split(' · ')[0] ?? '',
          onPick: () => {
            this.back();
          },
        },
      ]);
      return;
    }
    this.content = drawTranscriptPage(this, {
      turns: this.model.turns,
      page: this.transcriptPage,
      font: this.font,
      onRetry: (turn) => {
        this.retry(turn);
      },
    });
    this.hint.setText(
      `${t('transcriptHint', { back: this.backLabel() })} · ${t('page', { page: this.transcriptPage + 1, pages: this.pages() })}`,
    );
    const shown = this.model.turns.slice(
      this.transcriptPage * TURNS_PER_PAGE,
      (this.transcriptPage + 1) * TURNS_PER_PAGE,
    );
    this.mirror.announce(
      shown
        .map((turn) =>
          [
            t('turn', { number: turn.index + 1 }),
            `${t('you')}: ${turn.answer ?? t('silenceAnswer')}`,
            t('points', { won: turn.won.toFixed(1), lost: turn.lost.toFixed(1) }),
            turn.feedback ?? '',
            turn.principle ? `${turn.principle.text} (${turn.principle.source})` : '',
            turn.bestAnswer ? `${t('bestAnswer')}: ${turn.bestAnswer}` : '',
          ].join('. '),
        )
        .join(' | '),
    );
    this.mirror.setActions(t('debrief'), [
      ...shown.map((turn) => ({
        label: `${t('retryFromHere')} (${t('turn', { number: turn.index + 1 })})`,
        onPick: () => {
          this.retry(turn.index);
        },
        data: { retryTurn: String(turn.index) },
      })),
      {
        label: '←',
        onPick: () => {
          this.turnPage(-1);
        },
      },
      {
        label: '→',
        onPick: () => {
          this.turnPage(1);
        },
      },
      {
        label: t('summaryHint', { back: this.backLabel() }).split(' · ')[0] ?? '',
        onPick: () => {
          this.showPage(Page.summary);
        },
      },
    ]);
  }

  private showPage(page: Page): void {
    this.page = page;
    this.show();
  }

  private turnPage(delta: number): void {
    const next = Math.min(this.pages() - 1, Math.max(0, this.transcriptPage + delta));
    if (next === this.transcriptPage) return;
    this.transcriptPage = next;
    this.show();
  }

  private onKey(event: KeyboardEvent): void {
    const key = event.key.toLowerCase();
    if (key === 'enter') this.back();
    else if (key === 'p') this.replayCall();
    else if (this.page === Page.summary && key === 't') this.showPage(Page.transcript);
    else if (this.page === Page.summary && key === 'r') this.retry(0);
    else if (this.page === Page.transcript && key === 's') this.showPage(Page.summary);
    else if (this.page === Page.transcript && key === 'arrowleft') this.turnPage(-1);
    else if (this.page === Page.transcript && key === 'arrowright') this.turnPage(1);
    else if (this.page === Page.transcript && /^[1-3]$/.test(key)) {
      const turn = this.model.turns[this.transcriptPage * TURNS_PER_PAGE + Number(key) - 1];
      if (turn) this.retry(turn.index);
    }
  }

  private back(): void {
    this.scene.start(this.returnTo);
  }

  /** A drill's way back, carried through retries and replays (which are practice: not sent). */
  /** Where Enter goes, in words: the drill's lobby in a drill, else the calls. */
  private backLabel(): string {
    return t(this.returnTo === SceneKey.title ? 'backTo.calls' : 'backTo.drill');
  }

  private drillReturn(): Pick<CallSceneData, 'returnTo' | 'timed'> {
    return this.returnTo === SceneKey.title
      ? {}
      : { returnTo: this.returnTo, timed: this.transcript.timed };
  }

  /** Plays the call again from a turn: the answers before it are kept, the rest is live. */
  private retry(turn: number): void {
    const data: CallSceneData = {
      scenarioId: this.scenario.id,
      prefix: this.transcript.events.slice(0, turn),
      seed: this.transcript.seed,
      ...this.drillReturn(),
    };
    this.scene.start(SceneKey.call, data);
  }

  private replayCall(): void {
    const data: CallSceneData = {
      scenarioId: this.scenario.id,
      replay: this.transcript,
      ...this.drillReturn(),
    };
    this.scene.start(SceneKey.call, data);
  }
}
