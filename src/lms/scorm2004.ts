import { TIP_IDS } from '../engine/index.ts';
import { ApiName, findApi } from './find-api.ts';
import type {
  InteractionRecord,
  LaunchState,
  LmsTarget,
  ScoreRecord,
  TipRecord,
} from './target.ts';
import { isoDuration, scormTimestamp } from './time-format.ts';

/** The SCORM 2004 runtime an LMS puts on a parent window as `API_1484_11`. */
export interface Scorm2004Api {
  Initialize(arg: ''): string;
  Terminate(arg: ''): string;
  GetValue(element: string): string;
  SetValue(element: string, value: string): string;
  Commit(arg: ''): string;
  GetLastError(): string;
}

/** Interaction descriptions are localized_string_type(250). */
const DESCRIPTION_LENGTH = 250;

/**
 * SCORM 2004 4th edition: `cmi.score.scaled`, separate completion and success status, an
 * interaction per answer (with its text as description), an objective per tip, and progress in
 * `cmi.suspend_data` (64,000 characters; the game writes the same compact text as for 1.2).
 */
export class Scorm2004Target implements LmsTarget {
  private readonly api: Scorm2004Api;
  private completed = false;

  constructor(api: Scorm2004Api) {
    this.api = api;
  }

  /** The LMS's runtime, or null when the package runs outside an LMS. */
  static find(): Scorm2004Target | null {
    const api = findApi(ApiName.scorm2004);
    return api ? new Scorm2004Target(api as Scorm2004Api) : null;
  }

  start(): Promise<LaunchState> {
    this.api.Initialize('');
    const mode = this.get('cmi.mode');
    const recording = mode !== 'browse' && mode !== 'review';
    const completion = this.get('cmi.completion_status');
    this.completed = completion === 'completed';
    if (recording && !this.completed) this.set('cmi.completion_status', 'incomplete');
    // Reading suspend data before anything was stored is error 403 in 2004: the empty string is right.
    const entry = this.get('cmi.entry');
    const suspendData = entry === 'resume' ? this.get('cmi.suspend_data') : '';
    // From the manifest's imsss:minNormalizedMeasure, when the LMS passes it on.
    const mastery = Number.parseFloat(this.get('cmi.scaled_passing_score'));
    return Promise.resolve({
      suspendData,
      masteryScore: Number.isFinite(mastery) ? mastery : null,
      recording,
      learner: { id: this.get('cmi.learner_id'), name: this.get('cmi.learner_name') },
    });
  }

  interaction(record: InteractionRecord): void {
    const n = Number.parseInt(this.get('cmi.interactions._count'), 10) || 0;
    const at = `cmi.interactions.${n}`;
    this.set(`${at}.id`, record.id);
    // The type comes first: the learner response is checked against it.
    this.set(`${at}.type`, 'choice');
    this.set(`${at}.timestamp`, scormTimestamp(record.at));
    this.set(`${at}.learner_response`, record.response);
    this.set(`${at}.result`, record.result);
    this.set(`${at}.latency`, isoDuration(record.latencyMs));
    this.set(`${at}.description`, record.description.slice(0, DESCRIPTION_LENGTH));
  }

  tips(records: readonly TipRecord[]): void {
    for (const record of records) {
      const at = `cmi.objectives.${TIP_IDS.indexOf(record.tip)}`;
      this.set(`${at}.id`, `tip-${record.tip}`);
      if (record.percent === null) continue;
      this.set(`${at}.score.scaled`, (record.percent / 100).toFixed(4));
      this.set(`${at}.score.raw`, record.percent.toFixed(2));
      this.set(`${at}.score.min`, '0');
      this.set(`${at}.score.max`, '100');
      this.set(`${at}.success_status`, record.passed ? 'passed' : 'failed');
      this.set(`${at}.completion_status`, 'completed');
    }
  }

  score(record: ScoreRecord): void {
    this.set('cmi.score.scaled', record.scaled.toFixed(4));
    this.set('cmi.score.raw', (record.scaled * 100).toFixed(2));
    this.set('cmi.score.min', '0');
    this.set('cmi.score.max', '100');
    this.completed = record.completed;
    this.set('cmi.completion_status', record.completed ? 'completed' : 'incomplete');
    this.set(
      'cmi.success_status',
      record.passed === null ? 'unknown' : record.passed ? 'passed' : 'failed',
    );
    this.set('cmi.progress_measure', record.progress.toFixed(4));
  }

  suspend(data: string): void {
    this.set('cmi.suspend_data', data);
  }

  commit(): void {
    this.api.Commit('');
  }

  finish(sessionMs: number): void {
    this.set('cmi.session_time', isoDuration(sessionMs));
    this.set('cmi.exit', this.completed ? 'normal' : 'suspend');
    this.api.Commit('');
    this.api.Terminate('');
  }

  private get(element: string): string {
    // Some LMSs hand back numbers or null despite the standard: read everything as text.
    return `${this.api.GetValue(element) as string | number | null}`;
  }

  private set(element: string, value: string): void {
    if (this.api.SetValue(element, value) !== 'true')
      console.warn(`SCORM 2004 refused ${element}=${value} (error ${this.api.GetLastError()})`);
  }
}
