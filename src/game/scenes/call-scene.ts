import Phaser from 'phaser';
import { CallEventType, METER_IDS, STEP_NAMES, textFor } from '../../engine/index.ts';
import type {
  CallEvent,
  Choice,
  MeterId,
  Scenario,
  StepId,
  Text,
  Transcript,
} from '../../engine/index.ts';
import { CallSession, newCallSeed } from '../call-session.ts';
import { reportCallStarted, reportChoice } from '../reporting.ts';
import { RegistryKey, SceneKey } from '../keys.ts';
import { currentLocale, nextLocale, t } from '../i18n/index.ts';
import { callFontReady } from '../fonts.ts';
import { mirrorOf } from '../dom-mirror.ts';
import type { DomMirror } from '../dom-mirror.ts';
import { onKey } from '../keyboard.ts';
import { scenarioById } from '../library.ts';
import { Colour, GAME_WIDTH, fontFor } from '../theme.ts';
import { ChoiceButton } from '../widgets/choice-button.ts';
import { CustomerFace } from '../widgets/customer-face.ts';
import { MeterBar } from '../widgets/meter-bar.ts';
import { StepStrip } from '../widgets/step-strip.ts';
import type { DebriefSceneData } from './debrief-scene.ts';
import { Sound, audio } from '../../audio/index.ts';
import { typingMs, visibleText } from '../typewriter.ts';
import type { TextSpeed } from '../typewriter.ts';

export interface CallSceneData {
  readonly scenarioId: string;
  /** Answers already given: "retry from here" starts the call after them. */
  readonly prefix?: readonly CallEvent[];
  /**
   * The seed that orders the answers: a retry keeps the call's own, a team drill gives the
   * drill's. Left out, a live call gets a fresh one.
   */
  readonly seed?: number | null;
  /** A recorded call to play back, answer by answer, instead of playing live. */
  readonly replay?: Transcript;
  /** The same call, redrawn (after a language switch): no ring, nothing replayed. */
  readonly resume?: CallSession;
  /** A scenario not in the library (a Scenario Lab draft), played as given. */
  readonly scenario?: Scenario;
  /** Answer timers for this call, overriding the player's setting (the Lab's playtest). */
  readonly timed?: boolean;
  /** Where the call goes when it ends, or on Esc, instead of the debrief: back to the Lab. */
  readonly exit?: CallExit;
  /** A drill: called once when this live call reaches its ending (never for a replay or a retry). */
  readonly onEnded?: (transcript: Transcript) => void;
  /** Where the debrief's "continue" goes instead of the title (a drill's lobby). */
  readonly returnTo?: SceneKey;
}

/** The screen a playtest returns to, and what it is given. */
export interface CallExit {
  readonly scene: SceneKey;
  readonly data?: object;
}

/** How long a replayed answer waits before it is given. */
const REPLAY_ANSWER_MS = 1600;

/** How long the customer's reaction stays up before the next line, unless the player moves on. */
const REACTION_MS = 2200;
/** An anger jump this large shakes the screen (not with reduced motion). */
const SPIKE = 15;
/** An anger change this large plays the good or bad cue. */
const CUE_CHANGE = 5;

const METER_COLOUR: Readonly<Record<MeterId, number>> = {
  anger: Colour.bad,
  trust: Colour.good,
  patience: Colour.accent,
};

const Phase = { answering: 'answering', reacting: 'reacting', ended: 'ended' } as const;
type Phase = (typeof Phase)[keyof typeof Phase];

/**
 * A call: renders the session's snapshot (customer, meters, step strip, line, choices, answer
 * time) and sends the player's answers — or silence when the time runs out — to the engine.
 */
export class CallScene extends Phaser.Scene {
  private session!: CallSession;
  private font = '';
  private phase: Phase = Phase.answering;
  private face!: CustomerFace;
  private meters = {} as Record<MeterId, MeterBar>;
  private strip!: StepStrip;
  private bubble!: Phaser.GameObjects.Text;
  private hint!: Phaser.GameObjects.Text;
  private timerBar!: Phaser.GameObjects.Rectangle;
  private buttons: ChoiceButton[] = [];
  private stepsDone = new Set<StepId>();
  private moveOn: Phaser.Time.TimerEvent | null = null;
  /** The ring before the customer speaks; null once picked up. */
  private ringing: Phaser.Time.TimerEvent | null = null;
  private mirror!: DomMirror;
  /** Set for a playtest: where the call returns instead of the debrief. */
  private exit: CallExit | null = null;
  /** A drill's hooks (see CallSceneData), kept across a language switch. */
  private drill: Pick<CallSceneData, 'onEnded' | 'returnTo'> = {};
  /** Answers still to play back in a replay; null when playing live. */
  private replayQueue: CallEvent[] | null = null;
  /** The customer's line being typed out, or null once it is all shown. */
  private typing: { text: string; startedAt: number } | null = null;

  constructor() {
    super(SceneKey.call);
  }

  create(data: CallSceneData): void {
    const scenario = data.resume?.scenario ?? data.scenario ?? scenarioById(data.scenarioId);
    this.exit = data.exit ?? null;
    this.drill = {
      ...(data.onEnded && !data.replay && !data.prefix?.length ? { onEnded: data.onEnded } : {}),
      ...(data.returnTo ? { returnTo: data.returnTo } : {}),
    };
    if (!scenario) {
      this.scene.start(SceneKey.title);
      return;
    }
    const locale = currentLocale();
    this.font = fontFor(locale);
    this.phase = Phase.answering;
    this.buttons = [];
    this.stepsDone = new Set();
    this.replayQueue = data.replay ? [...data.replay.events] : null;
    this.session =
      data.resume ??
      new CallSession(scenario, {
        timed: data.replay
          ? data.replay.timed
          : (data.timed ?? this.registry.get(RegistryKey.timers) !== false),
        locale,
        // The page's own clock, not the scene's: a scene's clock stands still while it sleeps
        // and jumps when it wakes, which timed out the first answer before the customer spoke.
        clock: () => performance.now(),
        seed: data.replay ? data.replay.seed : data.seed === undefined ? newCallSeed() : data.seed,
        prefix: data.replay ? [] : (data.prefix ?? []),
      });
    // Only live calls are reported to an LMS: not replays, nor the same call redrawn.
    if (!data.resume && !data.replay) {
      const session = this.session;
      reportCallStarted(scenario, () => session.transcript());
    }
    // The steps already performed (a retry's earlier answers, or a redrawn call's).
    for (const event of this.session.transcript().events) {
      const step =
        event.type === CallEventType.choose
          ? scenario.nodes[this.findNode(event.choiceId)]?.choices.find(
              (choice) => choice.id === event.choiceId,
            )?.step
          : undefined;
      if (step) this.stepsDone.add(step);
    }
    this.cameras.main.setBackgroundColor(Colour.background);

    const style = { fontFamily: this.font, color: Colour.text };
    const heading = data.replay
      ? `${t('replaying')} · ${textFor(scenario.title, locale)}`
      : textFor(scenario.title, locale);
    this.add.text(40, 22, heading, {
      ...style,
      fontSize: '24px',
      fontStyle: 'bold',
    });
    this.add
      .text(
        GAME_WIDTH - 40,
        26,
        `${textFor(scenario.customer.name, locale)} · ${t(`channel.${scenario.channel}`)}`,
        { ...style, fontSize: '20px', color: Colour.muted },
      )
      .setOrigin(1, 0);
    this.strip = new StepStrip(this, 232, 82, locale, this.font);
    this.face = new CustomerFace(this, 210, 290, scenario);
    METER_IDS.forEach((meter, index) => {
      this.meters[meter] = new MeterBar(this, 40, 480 + index * 40, {
        meter,
        colour: METER_COLOUR[meter],
        width: 170,
        font: this.font,
      }).setLabel(t(`meters.${meter}`));
    });
    this.add.rectangle(420, 118, 820, 220, Colour.panel).setOrigin(0);
    this.bubble = this.add.text(440, 134, '', {
      ...style,
      fontSize: '21px',
      wordWrap: { width: 780, useAdvancedWrap: true },
      lineSpacing: 6,
    });
    this.timerBar = this.add.rectangle(420, 342, 820, 6, Colour.accent).setOrigin(0);
    this.hint = this.add
      .text(GAME_WIDTH / 2, 700, '', { ...style, fontSize: '16px', color: Colour.muted })
      .setOrigin(0.5, 1);

    this.mirror = mirrorOf(this);
    this.mirror.setScreen(textFor(scenario.title, locale), SceneKey.call);
    onKey(this, (event) => {
      this.onKey(event);
    });
    this.input.on('pointerdown', (_pointer: Phaser.Input.Pointer, targets: unknown[]) => {
      if (this.ringing) this.pickUp();
      else if (targets.length === 0 && this.phase !== Phase.answering) this.advance();
      else if (targets.length === 0) this.finishTyping();
    });
    // The phone rings and is picked up before the customer speaks (chat and counter too: the
    // ring is the call arriving). Sounds carry captions, so nobody misses the cue.
    audio.stopAll();
    const ringMs =
      data.replay || data.resume || data.exit || data.prefix?.length ? 0 : audio.play(Sound.ring);
    this.ringing = this.time.delayedCall(ringMs, () => {
      this.pickUp();
    });
    if (ringMs > 0) {
      this.hint.setText(t('pickUpHint'));
      this.mirror.announce(t('sound.ring'));
      this.mirror.setActions(t('pickUpHint'), [
        {
          label: t('pickUp'),
          onPick: () => {
            this.pickUp();
          },
        },
      ]);
    }
  }

  /** Answers the phone: after the ring, or at once when the player presses Space or clicks. */
  private pickUp(): void {
    if (!this.ringing) return;
    this.ringing.remove();
    this.ringing = null;
    audio.stopAll();
    audio.play(Sound.pickUp);
    audio.startAmbience();
    this.showNode();
  }

  /** Changes the language mid-call: the same call, redrawn in the next locale once its font is in. */
  private switchLanguage(): void {
    const next = nextLocale();
    const data: CallSceneData = {
      scenarioId: this.session.scenario.id,
      resume: this.session,
      ...(this.exit ? { exit: this.exit } : {}),
      ...this.drill,
    };
    void callFontReady(next).then(() => {
      audio.stopBabble();
      this.scene.restart(data);
    });
  }

  /** The node a choice belongs to (choice ids are unique in a scenario). */
  private findNode(choiceId: string): string {
    const entry = Object.entries(this.session.scenario.nodes).find(([, node]) =>
      node.choices.some((choice) => choice.id === choiceId),
    );
    return entry?.[0] ?? '';
  }

  private textSpeed(): TextSpeed {
    const speed: unknown = this.registry.get(RegistryKey.textSpeed);
    return speed === 'slow' || speed === 'fast' || speed === 'instant' ? speed : 'normal';
  }

  /** Types a customer line out; the answer clock starts once it is all shown. */
  private typeLine(text: string): void {
    this.typing = { text, startedAt: performance.now() };
    this.babble(text);
    this.tickTyping();
  }

  /** Shows the whole line at once (a click or Space while it types). */
  private finishTyping(): void {
    if (!this.typing) return;
    audio.stopBabble();
    this.bubble.setText(this.typing.text);
    this.typing = null;
    this.session.startAnswerClock();
    if (this.replayQueue) this.playNextRecorded();
  }

  /** The customer's voice under a line: higher and faster as anger rises, at their own pitch. */
  private babble(text: string): void {
    const ms = typingMs(text, this.textSpeed()) || typingMs(text, 'normal');
    audio.playBabble(
      this.session.snapshot.context.meters.anger,
      ms,
      this.session.scenario.customer.voice?.pitch ?? 1,
    );
  }

  private tickTyping(): void {
    if (!this.typing) return;
    const elapsed = performance.now() - this.typing.startedAt;
    if (elapsed >= typingMs(this.typing.text, this.textSpeed())) this.finishTyping();
    else this.bubble.setText(visibleText(this.typing.text, this.textSpeed(), elapsed));
  }

  override update(): void {
    this.tickTyping();
    // No answer is due while the phone rings or the customer's line is still being typed.
    if (
      this.ringing ||
      this.phase !== Phase.answering ||
      !this.session.timed ||
      this.replayQueue ||
      this.typing
    )
      return;
    const left = this.session.timeLeft();
    this.timerBar.width = 820 * left;
    this.timerBar.setFillStyle(left < 0.25 ? Colour.bad : Colour.accent);
    if (left <= 0) this.answer(null);
  }

  private onKey(event: KeyboardEvent): void {
    if (event.key === 'Escape' && this.exit) {
      this.leave(this.exit);
      return;
    }
    if (this.ringing) {
      if (event.key === ' ' || event.key === 'Enter') this.pickUp();
      return;
    }
    if (event.key.toLowerCase() === 'l' && this.phase === Phase.answering && !this.replayQueue) {
      this.switchLanguage();
      return;
    }
    if (this.phase === Phase.answering && !this.replayQueue) {
      const choice = this.session.choices[Number(event.key) - 1];
      if (choice) this.answer(choice);
    } else if (event.key === ' ' || event.key === 'Enter') {
      this.advance();
    }
    if (this.phase === Phase.answering && event.key === ' ') this.finishTyping();
  }

  private say(text: Text): string {
    return textFor(text, currentLocale());
  }

  private refresh(): void {
    const { meters } = this.session.snapshot.context;
    for (const meter of METER_IDS) this.meters[meter].setValue(meters[meter]);
    this.face.setAnger(meters.anger);
    this.strip.show(this.session.node?.step ?? null, this.stepsDone);
    const step = this.session.node?.step;
    this.mirror.setStatus(
      [
        ...METER_IDS.map((meter) => `${t(`meters.${meter}`)} ${meters[meter]}`),
        ...(step ? [STEP_NAMES[step][currentLocale()]] : []),
      ].join(' · '),
      { state: this.session.stateId },
    );
  }

  /** The mirror's one action while the customer reacts or the call has ended. */
  private mirrorContinue(): void {
    this.mirror.setActions(t('continueHint'), [
      {
        label: t('continueHint'),
        onPick: () => {
          this.advance();
        },
      },
    ]);
  }

  private showNode(): void {
    const node = this.session.node;
    if (!node) return;
    this.phase = Phase.answering;
    this.refresh();
    this.typeLine(this.say(node.say));
    const choices = this.session.choices;
    let y = 372;
    this.buttons = choices.map((choice, index) => {
      const button = new ChoiceButton(this, 420, y, {
        number: index + 1,
        text: this.say(choice.text),
        width: 820,
        font: this.font,
        onPick: () => {
          this.answer(choice);
        },
      });
      y += button.height + 10;
      return button;
    });
    this.timerBar.setVisible(this.session.timed).width = 820;
    this.hint.setText(t('answerWith', { count: choices.length }));
    this.mirror.announce(
      `${textFor(this.session.scenario.customer.name, currentLocale())}: ${this.say(node.say)}`,
    );
    // Each mirrored choice carries its canvas bounds (game pixels), so assistive tools and tests
    // can point at the drawn button as well as press the DOM one.
    this.mirror.setActions(
      t('answerWith', { count: choices.length }),
      choices.map((choice, index) => {
        const button = this.buttons[index];
        return {
          label: this.say(choice.text),
          onPick: () => {
            this.answer(choice);
          },
          data: {
            choiceId: choice.id,
            bounds: button
              ? [button.x, button.y, button.width, button.height].map(Math.round).join(',')
              : '',
          },
        };
      }),
    );
  }

  /** In a replay, gives the next recorded answer after a pause, exactly as it was given. */
  private playNextRecorded(): void {
    const event = this.replayQueue?.shift();
    if (!event) return;
    this.time.delayedCall(REPLAY_ANSWER_MS, () => {
      const choice =
        event.type === CallEventType.choose
          ? this.session.choices.find((candidate) => candidate.id === event.choiceId)
          : undefined;
      this.answer(choice ?? null, event);
    });
  }

  private answer(choice: Choice | null, recorded?: CallEvent): void {
    if (this.phase !== Phase.answering) return;
    const node = this.session.node;
    const nodeId = this.session.stateId;
    const angerBefore = this.session.snapshot.context.meters.anger;
    this.finishTyping();
    const accepted = recorded
      ? this.session.sendRecorded(recorded)
      : choice
        ? this.session.choose(choice.id)
        : this.session.silence();
    if (!accepted || !node) return;
    if (!this.replayQueue) {
      const session = this.session;
      reportChoice(
        session.scenario,
        nodeId,
        () => session.transcript(),
        () => session.scorecard(),
      );
    }
    if (choice?.step) this.stepsDone.add(choice.step);
    for (const button of this.buttons) button.destroy();
    this.buttons = [];
    this.timerBar.setVisible(false);

    const spoken = choice ? this.say(choice.text) : t('silence');
    const reply = choice?.reply ?? node.onSilence?.reply;
    this.bubble.setText(reply ? `${spoken}\n\n${this.say(reply)}` : spoken);
    this.mirror.announce(reply ? `${spoken} — ${this.say(reply)}` : spoken);
    this.mirrorContinue();
    this.refresh();
    const anger = this.session.snapshot.context.meters.anger;
    if (choice && !recorded) audio.play(Sound.click);
    if (anger - angerBefore >= CUE_CHANGE) audio.play(Sound.bad);
    else if (angerBefore - anger >= CUE_CHANGE) audio.play(Sound.good);
    if (reply) this.babble(this.say(reply));
    // The setting defaults to the system's preference (see src/storage/settings.ts).
    const reducedMotion = this.registry.get(RegistryKey.reducedMotion) === true;
    if (!reducedMotion && this.session.snapshot.context.meters.anger - angerBefore >= SPIKE)
      this.cameras.main.shake(220, 0.008);

    this.phase = Phase.reacting;
    this.hint.setText(t('continueHint'));
    this.moveOn = this.time.delayedCall(REACTION_MS, () => {
      this.advance();
    });
  }

  /** Ends a playtest early or at its ending: no debrief, no history, straight back. */
  private leave(exit: CallExit): void {
    this.moveOn?.remove();
    this.moveOn = null;
    audio.stopAll(150);
    this.scene.start(exit.scene, exit.data);
  }

  private advance(): void {
    this.moveOn?.remove();
    this.moveOn = null;
    if (this.phase === Phase.ended && this.exit) {
      this.leave(this.exit);
      return;
    }
    if (this.phase === Phase.ended) {
      audio.stopAll(300);
      const debrief: DebriefSceneData = {
        transcript: this.session.transcript(),
        replayed: this.replayQueue !== null,
        ...(this.drill.returnTo ? { returnTo: this.drill.returnTo } : {}),
      };
      this.scene.start(SceneKey.debrief, debrief);
      return;
    }
    if (this.phase === Phase.answering && this.replayQueue) return;
    if (this.phase !== Phase.reacting) return;
    const ending = this.session.ending;
    if (ending) {
      this.phase = Phase.ended;
      this.drill.onEnded?.(this.session.transcript());
      this.bubble.setText(this.say(ending.say));
      this.mirror.announce(this.say(ending.say));
      const lineMs = typingMs(this.say(ending.say), 'normal');
      this.babble(this.say(ending.say));
      if (ending.outcome === 'bad') {
        this.time.delayedCall(lineMs, () => {
          audio.stopAmbience(150);
          audio.play(Sound.hangUp);
        });
      } else {
        audio.stopAmbience(lineMs + 1000);
      }
      this.mirrorContinue();
      this.strip.show(null, this.stepsDone);
      this.hint.setText(t('continueHint'));
      return;
    }
    this.showNode();
  }
}
