import { TIP_IDS } from '../engine/index.ts';
import { ChoiceResult } from '../game/reporting.ts';
import { ApiName, findApi } from './find-api.ts';
import type {
  InteractionRecord,
  LaunchState,
  LmsTarget,
  ScoreRecord,
  TipRecord,
} from './target.ts';
import { cmiTime, cmiTimespan } from './time-format.ts';

/** The SCORM 1.2 runtime an LMS puts on a parent window as `API`. */
export interface Scorm12Api {
  LMSInitialize(arg: ''): string;
  LMSFinish(arg: ''): string;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string;
  LMSCommit(arg: ''): string;
  LMSGetLastError(): string;
}

/** SCORM 1.2 spells "incorrect" as "wrong". */
const RESULT: Readonly<Record<ChoiceResult, string>> = {
  [ChoiceResult.correct]: 'correct',
  [ChoiceResult.incorrect]: 'wrong',
  [ChoiceResult.neutral]: 'neutral',
};

/** SCORM 1.2 `cmi.core.lesson_status` values the game writes. */
const Status = {
  incomplete: 'incomplete',
  completed: 'completed',
  passed: 'passed',
  failed: 'failed',
  notAttempted: 'not attempted',
} as const;

/**
 * SCORM 1.2: score in `cmi.core.score.raw` (0–100), status in `cmi.core.lesson_status`, an
 * interaction per answer (write-only in 1.2, so the index comes from `_count`), an objective per
 * tip, and progress in `cmi.suspend_data` (4,096 characters at most).
 */
export class Scorm12Target implements LmsTarget {
  private readonly api: Scorm12Api;
  private completed = false;

  constructor(api: Scorm12Api) {
    this.api = api;
  }

  /** The LMS's runtime, or null when the package runs outside an LMS. */
  static find(): Scorm12Target | null {
    const api = findApi(ApiName.scorm12);
    return api ? new Scorm12Target(api as Scorm12Api) : null;
  }

  start(): Promise<LaunchState> {
    this.api.LMSInitialize('');
    const status = this.get('cmi.core.lesson_status');
    this.completed = status === Status.completed || status === Status.passed;
    const mode = this.get('cmi.core.lesson_mode');
    const recording = mode !== 'browse' && mode !== 'review';
    if (recording && (status === '' || status === Status.notAttempted))
      this.set('cmi.core.lesson_status', Status.incomplete);
    // The manifest's adlcp:masteryscore arrives here, as 0–100.
    const mastery = Number.parseFloat(this.get('cmi.student_data.mastery_score'));
    return Promise.resolve({
      suspendData: this.get('cmi.suspend_data'),
      masteryScore: Number.isFinite(mastery) ? mastery / 100 : null,
      recording,
      learner: { id: this.get('cmi.core.student_id'), name: this.get('cmi.core.student_name') },
    });
  }

  interaction(record: InteractionRecord): void {
    const n = Number.parseInt(this.get('cmi.interactions._count'), 10) || 0;
    const at = `cmi.interactions.${n}`;
    this.set(`${at}.id`, record.id);
    this.set(`${at}.type`, 'choice');
    this.set(`${at}.student_response`, record.response);
    this.set(`${at}.result`, RESULT[record.result]);
    this.set(`${at}.latency`, cmiTimespan(record.latencyMs));
    this.set(`${at}.time`, cmiTime(record.at));
  }

  tips(records: readonly TipRecord[]): void {
    for (const record of records) {
      const at = `cmi.objectives.${TIP_IDS.indexOf(record.tip)}`;
      this.set(`${at}.id`, `tip-${record.tip}`);
      if (record.percent === null) {
        this.set(`${at}.status`, Status.notAttempted);
        continue;
      }
      this.set(`${at}.score.min`, '0');
      this.set(`${at}.score.max`, '100');
      this.set(`${at}.score.raw`, String(Math.round(record.percent)));
      this.set(`${at}.status`, record.passed ? Status.passed : Status.failed);
    }
  }

  score(record: ScoreRecord): void {
    this.set('cmi.core.score.min', '0');
    this.set('cmi.core.score.max', '100');
    this.set('cmi.core.score.raw', String(Math.round(record.scaled * 100)));
    this.completed = record.completed;
    this.set(
      'cmi.core.lesson_status',
      record.passed === null ? Status.incomplete : record.passed ? Status.passed : Status.failed,
    );
  }

  suspend(data: string): void {
    this.set('cmi.suspend_data', data);
  }

  commit(): void {
    this.api.LMSCommit('');
  }

  finish(sessionMs: number): void {
    this.set('cmi.core.session_time', cmiTimespan(sessionMs));
    // "suspend" keeps the suspend data for the next launch; a finished package exits normally.
    this.set('cmi.core.exit', this.completed ? '' : 'suspend');
    this.api.LMSCommit('');
    this.api.LMSFinish('');
  }

  private get(element: string): string {
    // Some LMSs hand back numbers or null despite the standard: read everything as text.
    return `${this.api.LMSGetValue(element) as string | number | null}`;
  }

  private set(element: string, value: string): void {
    if (this.api.LMSSetValue(element, value) !== 'true')
      console.warn(`SCORM 1.2 refused ${element}=${value} (error ${this.api.LMSGetLastError()})`);
  }
}
