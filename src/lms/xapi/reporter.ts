import type { Actor, Context } from '@xapi/xapi';
import type { CallEnded, CallObserver, ChoiceMade } from '../../game/reporting.ts';
import type { PackageConfig, XapiConfig } from '../package-config.ts';
import { lrsClient, lrsSender } from './lrs.ts';
import { StatementQueue, localStorageStore } from './queue.ts';
import { answeredStatement, callCompletedStatement } from './statements.ts';
import type { StatementFrame } from './statements.ts';

/**
 * Sends one "answered" statement per answer and one "completed" per finished call, through the
 * queue (so they wait while offline and are never sent twice).
 */
export class XapiReporter implements CallObserver {
  private readonly frame: StatementFrame;
  readonly queue: StatementQueue;

  constructor(frame: StatementFrame, queue: StatementQueue) {
    this.frame = frame;
    this.queue = queue;
  }

  choiceMade(report: ChoiceMade): void {
    void this.queue.add(answeredStatement(this.frame, report));
  }

  callEnded({ scenario, transcript, scorecard }: CallEnded): void {
    const answerMs = transcript.events.reduce((sum, event) => sum + event.elapsedMs, 0);
    void this.queue.add(callCompletedStatement(this.frame, scenario, scorecard, answerMs));
  }
}

/** Where a browser keeps its learner id. */
const LEARNER_KEY = 'service-dojo.xapi.learner';

/** A learner id kept in this browser, for a package played with no LMS to name the learner. */
function browserLearnerId(key: string): string {
  try {
    const kept = localStorage.getItem(key);
    if (kept) return kept;
    const made = crypto.randomUUID();
    localStorage.setItem(key, made);
    return made;
  } catch {
    return crypto.randomUUID();
  }
}

/**
 * Reporting to the package's configured LRS (`lms.json` → `xapi`), beside what the LMS records.
 * The learner is an account on `xapi.homePage`: the LMS's learner id when it gave one.
 */
export function startXapiReporting(
  config: PackageConfig,
  xapi: XapiConfig,
  learner?: { readonly id: string; readonly name: string },
): XapiReporter {
  const actor: Actor = {
    objectType: 'Agent',
    ...(learner?.name ? { name: learner.name } : {}),
    account: {
      homePage: xapi.homePage,
      name: learner?.id && learner.id !== '' ? learner.id : browserLearnerId(LEARNER_KEY),
    },
  };
  const context: Context = { registration: crypto.randomUUID(), platform: 'Service Dojo' };
  const frame: StatementFrame = {
    actor,
    courseId: config.activityId,
    context,
    masteryScore: config.masteryScore,
    uuid: () => crypto.randomUUID(),
    now: () => new Date(),
  };
  const queue = new StatementQueue(
    lrsSender(lrsClient(xapi.endpoint, xapi.auth)),
    localStorageStore(`service-dojo.xapi.queue.${config.id}`),
  );
  window.addEventListener('online', () => void queue.flush());
  // Statements left from an earlier session (offline then) go out now.
  void queue.flush();
  return new XapiReporter(frame, queue);
}
