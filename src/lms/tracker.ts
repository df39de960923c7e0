import { CallEventType, TIP_IDS, TipStatus, textFor } from '../engine/index.ts';
import type { CallEvent, Scenario, Transcript } from '../engine/index.ts';
import type { CallEnded, CallObserver, CallStarted, ChoiceMade } from '../game/reporting.ts';
import type { PackageConfig } from './package-config.ts';
import {
  HASH_CHECK,
  decodeEvents,
  decodeProgress,
  encodeEvents,
  encodeProgress,
} from './suspend.ts';
import type { Progress } from './suspend.ts';
import type { LaunchState, LmsTarget, ScoreRecord, TipRecord } from './target.ts';

/** The response recorded when the answer time ran out. */
export const SILENCE_RESPONSE = 'silence';

/**
 * Turns what the game reports (calls started, answers, scorecards) into LMS records: one
 * interaction per answer, one objective per tip, the package score (mean of each scenario's best
 * total) and the suspend data that lets the learner resume. Knows no standard: see `LmsTarget`.
 */
export class LmsTracker implements CallObserver {
  private readonly config: PackageConfig;
  private readonly target: LmsTarget;
  private readonly masteryScore: number;
  private readonly recording: boolean;
  private progress: Progress;
  private attempt = 0;

  constructor(config: PackageConfig, target: LmsTarget, launch: LaunchState) {
    this.config = config;
    this.target = target;
    this.masteryScore = launch.masteryScore ?? config.masteryScore;
    this.recording = launch.recording;
    this.progress = decodeProgress(launch.suspendData, config.scenarios.length);
  }

  get state(): Progress {
    return this.progress;
  }

  /** The call to resume, when the learner left one half-way and the scenario did not change. */
  pendingCall(load: (id: string) => Scenario | undefined): {
    scenarioId: string;
    seed: number;
    events: CallEvent[];
  } | null {
    const current = this.progress.current;
    const scenarioId = current ? this.config.scenarios[current.scenario] : undefined;
    const scenario = scenarioId ? load(scenarioId) : undefined;
    if (!current || !scenario) return null;
    if (scenario.hash.slice(0, HASH_CHECK) !== current.hash) return null;
    const events = decodeEvents(scenario, current.events);
    return events && events.length > 0
      ? { scenarioId: scenario.id, seed: current.seed, events }
      : null;
  }

  callStarted({ scenario, transcript }: CallStarted): void {
    const index = this.config.scenarios.indexOf(scenario.id);
    if (index < 0 || !this.recording) return;
    this.attempt = this.progress.attempts + 1;
    this.save({
      ...this.progress,
      attempts: this.attempt,
      current: this.currentCall(index, scenario, transcript),
    });
  }

  choiceMade(report: ChoiceMade): void {
    const index = this.config.scenarios.indexOf(report.scenario.id);
    if (index < 0 || !this.recording) return;
    const { event, choice } = report;
    this.target.interaction({
      id: `${report.scenario.id}-a${this.attempt}-t${report.turn + 1}`,
      response: event.type === CallEventType.choose ? event.choiceId : SILENCE_RESPONSE,
      result: report.result,
      latencyMs: event.elapsedMs,
      at: new Date(),
      description: choice ? textFor(choice.text, 'en') : SILENCE_RESPONSE,
    });
    this.save({
      ...this.progress,
      current: this.currentCall(index, report.scenario, report.transcript),
    });
  }

  callEnded({ scenario, scorecard }: CallEnded): void {
    const index = this.config.scenarios.indexOf(scenario.id);
    if (index < 0 || !this.recording) return;
    const best = this.progress.best.map((total, at) =>
      at === index ? Math.max(total ?? 0, scorecard.total) : total,
    );
    const tips = { ...this.progress.tips };
    for (const tip of TIP_IDS) {
      const result = scorecard.tips[tip];
      if (result.status !== TipStatus.assessed || result.percent === null) continue;
      tips[tip] = { sum: tips[tip].sum + result.percent, count: tips[tip].count + 1 };
    }
    const progress: Progress = { ...this.progress, best, tips, current: null };
    this.target.tips(this.tipRecords(progress));
    this.target.score(this.scoreOf(progress));
    this.save(progress);
  }

  /** The learner leaves (page hidden for good): saves and closes the LMS session. */
  finish(sessionMs: number): void {
    this.target.finish(sessionMs);
  }

  private currentCall(index: number, scenario: Scenario, transcript: Transcript) {
    return {
      scenario: index,
      hash: scenario.hash.slice(0, HASH_CHECK),
      // A live call always has a seed; only a replayed old call has none, and it is not resumed.
      seed: transcript.seed ?? 0,
      events: encodeEvents(scenario, transcript.events),
    };
  }

  private tipRecords(progress: Progress): TipRecord[] {
    return TIP_IDS.map((tip) => {
      const { sum, count } = progress.tips[tip];
      const percent = count === 0 ? null : sum / count;
      return {
        tip,
        percent,
        passed: percent === null ? null : percent / 100 >= this.masteryScore,
      };
    });
  }

  private scoreOf(progress: Progress): ScoreRecord {
    const finished = progress.best.filter((total): total is number => total !== null);
    const scaled =
      finished.length === 0 ? 0 : finished.reduce((a, b) => a + b, 0) / finished.length / 100;
    const completed = finished.length === progress.best.length;
    return {
      scaled: Math.round(scaled * 10_000) / 10_000,
      progress: finished.length / progress.best.length,
      completed,
      passed: completed ? scaled >= this.masteryScore : null,
    };
  }

  private save(progress: Progress): void {
    this.progress = progress;
    this.target.suspend(encodeProgress(progress));
    this.target.commit();
  }
}
