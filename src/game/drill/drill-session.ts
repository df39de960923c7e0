import type { Transcript } from '../../engine/index.ts';
import {
  DrillApi,
  FailureKind,
  SubmissionSync,
  playerTokens,
  submissionSender,
} from '../../drill-client/index.ts';
import type { ApiFailure } from '../../drill-client/index.ts';
import type { DrillInfo, Player, ResultSummary } from '../../protocol/index.ts';
import {
  SubmissionState,
  browserStorage,
  newIdempotencyKey,
  openSubmissionQueue,
} from '../../storage/index.ts';
import { setPendingSubmissions } from './pending-flag.ts';

/** The page's one API client (same origin as the game) and its store of player tokens. */
export const api = new DrillApi();
export const tokens = playerTokens(browserStorage());

/**
 * The drill this tab plays: who the player is, the drill's scenarios and rules, and the verified
 * results the server holds (restored by `GET /api/me`, extended by each acknowledgement).
 */
export class DrillPlay {
  readonly code: string;
  readonly token: string;
  readonly player: Player;
  drill: DrillInfo;
  results: ResultSummary[];
  /** A sentence to show once in the lobby (e.g. a result that could not be sent). */
  notice: string | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(token: string, player: Player, drill: DrillInfo, results: ResultSummary[]) {
    this.code = drill.code;
    this.token = token;
    this.player = player;
    this.drill = drill;
    this.results = results;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Adds a verified result (a duplicate acknowledgement carries one already known). */
  addResult(result: ResultSummary): void {
    const known = this.results.some(
      (kept) => kept.scenarioId === result.scenarioId && kept.attempt === result.attempt,
    );
    if (!known) this.results = [...this.results, result];
    this.changed();
  }

  /** Reloads drill and results from the server; keeps what it has when the server is away. */
  async refresh(): Promise<ApiFailure | null> {
    const me = await api.me(this.token);
    if (!me.ok) return me;
    this.drill = me.value.drill;
    this.results = me.value.results;
    this.changed();
    return null;
  }

  changed(): void {
    for (const listener of this.listeners) listener();
  }
}

let current: DrillPlay | null = null;

/** The drill joined in this tab, if any. */
export function currentDrill(): DrillPlay | null {
  return current;
}

export type JoinOutcome = { ok: true; play: DrillPlay } | { ok: false; failure: ApiFailure };

/** Joins with a display name; the token is kept so a reload rejoins. */
export async function joinDrill(code: string, name: string): Promise<JoinOutcome> {
  const joined = await api.join(code, name);
  if (!joined.ok) return { ok: false, failure: joined };
  const { playerToken, player, drill } = joined.value;
  tokens.set(drill.code, playerToken);
  current = new DrillPlay(playerToken, player, drill, []);
  void submissionSync();
  return { ok: true, play: current };
}

/**
 * Rejoins with a kept token (this browser's, or one from a rejoin link): the server's results come
 * back with it. A token the server no longer knows is forgotten.
 */
export async function rejoinDrill(code: string, token: string): Promise<JoinOutcome> {
  const me = await api.me(token);
  if (!me.ok) {
    if (me.kind === FailureKind.rejected) tokens.forget(code);
    return { ok: false, failure: me };
  }
  const { player, drill, results } = me.value;
  tokens.set(drill.code, token);
  current = new DrillPlay(token, player, drill, results);
  void submissionSync();
  return { ok: true, play: current };
}

let syncing: Promise<SubmissionSync | null> | null = null;

/**
 * The tab's queue of drill results, opened once and kept moving (on load, online, after each
 * call). Null where IndexedDB is unavailable: results are then sent at once, without waiting.
 */
export function submissionSync(): Promise<SubmissionSync | null> {
  syncing ??= openSubmissionQueue()
    .then((queue) => {
      const sync = new SubmissionSync(
        queue,
        submissionSender(api, (ack) => {
          if (current?.token === ack.submission.playerToken) current.addResult(ack.result);
        }),
      );
      sync.onChange(() => {
        void queue
          .list()
          .then((items) => {
            setPendingSubmissions(items.some((item) => item.state === SubmissionState.pending));
          })
          .catch(() => undefined);
      });
      sync.start();
      return sync;
    })
    .catch(() => null);
  return syncing;
}

/**
 * Hands a finished drill call to the queue. The idempotency key is made here, as the call ends,
 * so every later try of this call is the same submission to the server.
 */
export async function submitResult(play: DrillPlay, transcript: Transcript): Promise<void> {
  const key = newIdempotencyKey();
  setPendingSubmissions(true);
  const sync = await submissionSync();
  if (sync) {
    await sync
      .submit({ drillCode: play.code, playerToken: play.token, transcript, key })
      .catch(() => undefined);
    play.changed();
    return;
  }
  const answer = await api.submit(play.token, { idempotencyKey: key, transcript });
  if (answer.ok) play.addResult(answer.value.result);
  else {
    play.notice = answer.message;
    play.changed();
  }
}
