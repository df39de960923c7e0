import { createActor } from 'xstate';
import {
  CallEventType,
  answerOrder,
  TRANSCRIPT_FORMAT,
  TRANSCRIPT_FORMAT_VERSION,
  compileScenario,
  offeredChoices,
  scoreTranscript,
  timeLimitMs,
} from '../engine/index.ts';
import type {
  CallEvent,
  CallMachine,
  Choice,
  Ending,
  LocaleId,
  RecordedEvent,
  Scenario,
  Scorecard,
  Transcript,
} from '../engine/index.ts';
import type { Actor } from 'xstate';

/** Milliseconds from some fixed origin; the browser passes `performance.now`. */
export type Clock = () => number;

/** A fresh seed for a call's answer order: randomness stays out here, at the edge, never in the engine. */
export function newCallSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0] ?? 0;
}

/**
 * One call in progress, as the game sees it: a live XState actor of the compiled scenario, the
 * answer clock, the seed that orders the answers, and the transcript being recorded. The scenes
 * only read from it and call `choose` / `silence`; nothing here draws.
 */
export class CallSession {
  readonly scenario: Scenario;
  readonly timed: boolean;
  readonly locale: LocaleId;
  /**
   * Orders the answers at every node (see the engine's `answerOrder`); kept in the transcript.
   * Null only when replaying a call recorded before answers were shuffled.
   */
  readonly seed: number | null;
  private readonly clock: Clock;
  private readonly actor: Actor<CallMachine>;
  private readonly events: RecordedEvent[] = [];
  private askedAt: number;

  /**
   * @param options.seed the answer order's seed (a retry or replay passes the recorded one).
   * @param options.prefix answers already given (e.g. "retry from here" in the debrief): replayed
   *   at once with their recorded times, and kept at the start of the transcript.
   */
  constructor(
    scenario: Scenario,
    options: {
      timed: boolean;
      locale: LocaleId;
      clock: Clock;
      seed: number | null;
      prefix?: readonly CallEvent[];
    },
  ) {
    this.scenario = scenario;
    this.timed = options.timed;
    this.locale = options.locale;
    this.seed = options.seed;
    this.clock = options.clock;
    this.actor = createActor(compileScenario(scenario).machine, {
      input: { timed: options.timed },
    }).start();
    this.askedAt = this.clock();
    for (const event of options.prefix ?? []) this.send(event);
  }

  get snapshot() {
    return this.actor.getSnapshot();
  }

  get ended(): boolean {
    return this.snapshot.status === 'done';
  }

  /** The node (while the call goes on) or ending (once it ended) the call is in. */
  get stateId(): string {
    return String(this.snapshot.value);
  }

  get ending(): Ending | undefined {
    return this.ended ? this.scenario.endings[this.stateId] : undefined;
  }

  get node() {
    return this.ended ? undefined : this.scenario.nodes[this.stateId];
  }

  /** The choices on offer now, in the order they are shown (the seed's shuffle of this node). */
  get choices(): Choice[] {
    if (this.ended) return [];
    const choices = this.node?.choices ?? [];
    return this.shownOrder()
      .map((id) => choices.find((choice) => choice.id === id))
      .filter((choice) => choice !== undefined);
  }

  private shownOrder(): string[] {
    const offered = offeredChoices(this.scenario, this.stateId, this.snapshot.context);
    return answerOrder(this.scenario, this.seed, this.stateId, offered);
  }

  /** The answer time at this node, in milliseconds. */
  get timeLimitMs(): number {
    return this.ended ? 0 : timeLimitMs(this.scenario, this.stateId);
  }

  elapsedMs(): number {
    return Math.max(0, Math.round(this.clock() - this.askedAt));
  }

  /** Share of the answer time left, 1 → 0; always 1 with timers off. */
  timeLeft(): number {
    if (!this.timed || this.ended) return 1;
    return Math.max(0, 1 - this.elapsedMs() / this.timeLimitMs);
  }

  /** Answers with a choice on offer; returns false (and changes nothing) otherwise. */
  choose(choiceId: string): boolean {
    return this.send({ type: CallEventType.choose, choiceId, elapsedMs: this.elapsedMs() });
  }

  /** The answer time ran out. */
  silence(): boolean {
    return this.send({ type: CallEventType.silence, elapsedMs: this.elapsedMs() });
  }

  /** Sends an answer exactly as recorded (a replay), with its recorded answer time. */
  sendRecorded(event: CallEvent): boolean {
    return this.send(event);
  }

  /** Restarts the answer clock, e.g. once the customer's line has been shown. */
  startAnswerClock(): void {
    this.askedAt = this.clock();
  }

  transcript(): Transcript {
    return {
      format: TRANSCRIPT_FORMAT,
      formatVersion: TRANSCRIPT_FORMAT_VERSION,
      scenarioId: this.scenario.id,
      scenarioVersion: this.scenario.version,
      scenarioHash: this.scenario.hash,
      locale: this.locale,
      timed: this.timed,
      seed: this.seed,
      events: [...this.events],
    };
  }

  /** The engine's scorecard for the call so far: the same function the server and CLI use. */
  scorecard(): Scorecard {
    const result = scoreTranscript(this.scenario, this.transcript());
    // The transcript was recorded from this very machine, so it always replays.
    if (!result.ok) throw new Error(result.error.message);
    return result.scorecard;
  }

  private send(event: CallEvent): boolean {
    if (this.ended) return false;
    const before = this.snapshot.context.turns;
    const shown = this.shownOrder();
    this.actor.send(event);
    if (this.snapshot.context.turns === before) return false;
    this.events.push(
      event.type === CallEventType.choose
        ? { type: event.type, choiceId: event.choiceId, elapsedMs: event.elapsedMs, shown }
        : { type: event.type, elapsedMs: event.elapsedMs, shown },
    );
    this.askedAt = this.clock();
    return true;
  }
}
