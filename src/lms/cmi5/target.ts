import XAPI from '@xapi/xapi';
import type { Context, Statement } from '@xapi/xapi';
import type { PackageConfig } from '../package-config.ts';
import type { InteractionRecord, LaunchState, LmsTarget, ScoreRecord } from '../target.ts';
import { isoDuration } from '../time-format.ts';
import { lrsClient, lrsSender } from '../xapi/lrs.ts';
import { LrsError, StatementQueue, localStorageStore } from '../xapi/queue.ts';
import type { QueueStore } from '../xapi/queue.ts';
import { XapiReporter } from '../xapi/reporter.ts';
import type { IdentifiedStatement } from '../xapi/statements.ts';
import { cmi5LaunchParameters, fetchAuthToken } from './launch.ts';
import type { Cmi5LaunchParameters } from './launch.ts';

const CMI5_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
const MOVEON_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/moveon';
/** The LMS's state document for the AU (cmi5 §10). */
const LAUNCH_DATA = 'LMS.LaunchData';
/** Our own state document: progress (the same text as SCORM suspend data) and what was sent. */
const PROGRESS_STATE = 'urn:service-dojo:state:progress';

interface LaunchData {
  readonly contextTemplate: Context;
  readonly launchMode: 'Normal' | 'Browse' | 'Review';
  readonly masteryScore?: number;
}

interface SavedState {
  suspendData: string;
  completed: boolean;
  passed: boolean;
  failed: boolean;
}

/**
 * cmi5: the launch URL's fetch token, `LMS.LaunchData`, the cmi5-defined statements (initialized,
 * completed, passed/failed, terminated — with the cmi5 and moveOn categories and the LMS's
 * context template), progress in a State document, and an `XapiReporter` on the same LRS for the
 * "cmi5 allowed" statements (an "answered" per answer, a "completed" per call with the tips). The
 * tips are not cmi5 objectives: cmi5 has no runtime objectives, so they travel as a result
 * extension of each call's statement.
 */
export class Cmi5Target implements LmsTarget {
  private readonly config: PackageConfig;
  private readonly launch: Cmi5LaunchParameters;
  private readonly store: QueueStore | undefined;
  private client: XAPI | null = null;
  private queue: StatementQueue | null = null;
  private context: Context = {};
  private saved: SavedState = { suspendData: '', completed: false, passed: false, failed: false };
  private recording = true;
  /** State writes, one after another: a later progress must never be overwritten by an earlier. */
  private saving: Promise<void> = Promise.resolve();
  /** Statements of this AU's answers and calls; ready once `start` has resolved. */
  reporter: XapiReporter | null = null;

  /** @param store where unsent statements wait; `localStorage` by default. */
  constructor(config: PackageConfig, launch: Cmi5LaunchParameters, store?: QueueStore) {
    this.config = config;
    this.launch = launch;
    this.store = store;
  }

  /** A target for this page's cmi5 launch, or null when it was not launched by a cmi5 LMS. */
  static fromLaunchUrl(config: PackageConfig, search: string = location.search): Cmi5Target | null {
    const launch = cmi5LaunchParameters(search);
    return launch ? new Cmi5Target(config, launch) : null;
  }

  async start(): Promise<LaunchState> {
    const token = await fetchAuthToken(this.launch.fetch);
    const client = lrsClient(this.launch.endpoint, `Basic ${token}`);
    this.client = client;
    const where = {
      agent: this.launch.actor as never,
      activityId: this.launch.activityId,
      registration: this.launch.registration,
    };
    const launchData = (await client.getState({ ...where, stateId: LAUNCH_DATA }))
      .data as LaunchData;
    this.context = { ...launchData.contextTemplate, registration: this.launch.registration };
    this.recording = launchData.launchMode === 'Normal';
    try {
      const kept = (await client.getState({ ...where, stateId: PROGRESS_STATE })).data;
      if (kept && typeof kept === 'object') this.saved = { ...this.saved, ...kept };
    } catch (error) {
      // No document yet (404) on a first launch.
      if (!(error instanceof LrsError && error.status === 404)) throw error;
    }
    this.queue = new StatementQueue(
      lrsSender(client),
      this.store ?? localStorageStore(`service-dojo.cmi5.queue.${this.launch.registration}`),
    );
    this.reporter = new XapiReporter(
      {
        actor: this.launch.actor,
        courseId: this.launch.activityId,
        context: this.context,
        masteryScore: launchData.masteryScore ?? this.config.masteryScore,
        uuid: () => crypto.randomUUID(),
        now: () => new Date(),
      },
      this.queue,
    );
    this.send(XAPI.Verbs.INITIALIZED, false);
    return {
      suspendData: this.saved.suspendData,
      masteryScore: launchData.masteryScore ?? null,
      recording: this.recording,
    };
  }

  /** Answers go out as the reporter's "answered" statements, which carry the question too. */
  interaction(_record: InteractionRecord): void {
    // Nothing more to send: see the class comment.
  }

  /** Tips go out with each call's statement (cmi5 has no runtime objectives). */
  tips(): void {
    // Nothing more to send: see the class comment.
  }

  score(record: ScoreRecord): void {
    if (!this.recording) return;
    if (record.completed && !this.saved.completed) {
      this.saved.completed = true;
      this.send(XAPI.Verbs.COMPLETED, true, { completion: true });
    }
    const result = {
      score: { scaled: record.scaled },
      success: record.passed === true,
    };
    // One passed per registration; a failed only before any pass.
    if (record.passed === true && !this.saved.passed) {
      this.saved.passed = true;
      this.send(XAPI.Verbs.PASSED, true, result);
    } else if (record.passed === false && !this.saved.passed && !this.saved.failed) {
      this.saved.failed = true;
      this.send(XAPI.Verbs.FAILED, true, result);
    }
  }

  suspend(data: string): void {
    this.saved.suspendData = data;
    if (!this.client || !this.recording) return;
    const client = this.client;
    const state = { ...this.saved };
    this.saving = this.saving
      .then(async () => {
        await client.setState({
          agent: this.launch.actor as never,
          activityId: this.launch.activityId,
          registration: this.launch.registration,
          stateId: PROGRESS_STATE,
          state,
        });
      })
      .catch((error: unknown) => {
        console.warn('cmi5: progress not saved', error);
      });
  }

  /** Resolves once the progress writes and the statements so far are through (or failed). */
  async settled(): Promise<void> {
    await this.saving;
    await this.queue?.flush();
  }

  commit(): void {
    void this.queue?.flush();
  }

  finish(sessionMs: number): void {
    this.send(XAPI.Verbs.TERMINATED, false, { duration: isoDuration(sessionMs) });
  }

  private send(verb: Statement['verb'], moveOn: boolean, result?: Statement['result']): void {
    const categories = [CMI5_CATEGORY, ...(moveOn ? [MOVEON_CATEGORY] : [])];
    const existing = this.context.contextActivities ?? {};
    const statement: IdentifiedStatement = {
      id: crypto.randomUUID(),
      actor: this.launch.actor,
      verb,
      object: { objectType: 'Activity', id: this.launch.activityId },
      ...(result ? { result } : {}),
      context: {
        ...this.context,
        contextActivities: {
          ...existing,
          category: [
            ...(Array.isArray(existing.category) ? existing.category : []),
            ...categories.map((id) => ({ objectType: 'Activity' as const, id })),
          ],
        },
      },
      timestamp: new Date().toISOString(),
    };
    void this.queue?.add(statement);
  }
}
