import { createEmptyActor } from 'xstate';
import type { ActorScope, SnapshotFrom } from 'xstate';
import { compileScenario } from '../compiler/compile-scenario.ts';
import type { CallMachine } from '../compiler/compile.ts';
import { holds, timeLimitMs } from '../compiler/effects.ts';
import { CallEventType } from '../compiler/types.ts';
import type { CallContext, CallEvent } from '../compiler/types.ts';
import type { Scenario } from '../model/scenario.ts';
import type { RecordedEvent, Transcript } from './transcript.ts';
import { answerOrder } from './answer-order.ts';

export type CallSnapshot = SnapshotFrom<CallMachine>;

/** One turn of a call as the scorer sees it. */
export interface TurnRecord {
  readonly nodeId: string;
  readonly event: CallEvent;
  /** Choices on offer when the trainee answered (their `when` held). */
  readonly offered: readonly string[];
  readonly timeLimitMs: number;
  readonly before: CallContext;
  readonly after: CallContext;
  /** Node or ending the turn led to. */
  readonly to: string;
}

export interface ReplayResult {
  readonly turns: readonly TurnRecord[];
  /** Settled state after each event: node or ending id. */
  readonly states: readonly string[];
  readonly final: CallSnapshot;
  /** The ending reached, or null when the transcript stops mid-call. */
  readonly endingId: string | null;
}

export type ReplayError =
  | { readonly code: 'scenarioMismatch'; readonly message: string }
  | { readonly code: 'versionMismatch'; readonly message: string }
  | { readonly code: 'hashMismatch'; readonly message: string }
  | { readonly code: 'eventRejected'; readonly message: string; readonly eventIndex: number }
  | { readonly code: 'orderMismatch'; readonly message: string; readonly eventIndex: number }
  | { readonly code: 'afterEnd'; readonly message: string; readonly eventIndex: number };

export type ReplayOutcome = { ok: true; result: ReplayResult } | { ok: false; error: ReplayError };

/** The node or ending a settled snapshot is in. */
export function stateOf(snapshot: CallSnapshot): string {
  return typeof snapshot.value === 'string' ? snapshot.value : JSON.stringify(snapshot.value);
}

/** The ids of the choices on offer at a node: those whose `when` holds in this context. */
export function offeredChoices(scenario: Scenario, nodeId: string, context: CallContext): string[] {
  const { index } = compileScenario(scenario);
  const offered: string[] = [];
  for (const choice of scenario.nodes[nodeId]?.choices ?? []) {
    if (holds(index.choices.get(choice.id)?.when ?? null, context)) offered.push(choice.id);
  }
  return offered;
}

/**
 * The actor scope pure transitions run in. XState's `transition()` builds a whole actor for every
 * call; our machines spawn nothing and run no side effects, so one inert scope (as xstate/graph
 * builds) serves every replay and keeps replaying as cheap as a live actor.
 */
const emptyActor = createEmptyActor();
const inertScope = {
  self: emptyActor,
  logger: () => undefined,
  id: '',
  sessionId: 'replay',
  defer: () => undefined,
  system: emptyActor.system,
  stopChild: () => undefined,
  emit: () => undefined,
  actionExecutor: () => undefined,
} as unknown as ActorScope<CallSnapshot, CallEvent>;

/** Starts a call: the settled snapshot before the first answer. */
export function startCall(scenario: Scenario, timed: boolean): CallSnapshot {
  return compileScenario(scenario).machine.getInitialSnapshot(inertScope as never, { timed });
}

/**
 * Sends one event to a settled snapshot, purely (the machine's own `transition`). Returns null when the
 * machine does not accept the event (a choice not on offer, silence with timers off, or any
 * event after the call ended).
 */
export function step(
  scenario: Scenario,
  snapshot: CallSnapshot,
  event: CallEvent,
): { next: CallSnapshot; turn: TurnRecord } | null {
  if (snapshot.status !== 'active') return null;
  const { machine } = compileScenario(scenario);
  const nodeId = stateOf(snapshot);
  const before = snapshot.context;
  const offered = offeredChoices(scenario, nodeId, before);
  const next = machine.transition(snapshot, event, inertScope as never);
  if (next.context.turns === before.turns) return null;
  return {
    next,
    turn: {
      nodeId,
      event,
      offered,
      timeLimitMs: timeLimitMs(scenario, nodeId),
      before,
      after: next.context,
      to: stateOf(next),
    },
  };
}

/**
 * Replays a transcript through the scenario's machine. Refuses a transcript recorded on another
 * scenario, version or content hash, and any event the machine would not accept.
 *
 * @example
 * const outcome = replay(scenario, transcript);
 * if (outcome.ok) console.log(outcome.result.endingId);
 */
export function replay(scenario: Scenario, transcript: Transcript): ReplayOutcome {
  if (transcript.scenarioId !== scenario.id) {
    return {
      ok: false,
      error: {
        code: 'scenarioMismatch',
        message: `this transcript is of scenario "${transcript.scenarioId}", not "${scenario.id}"`,
      },
    };
  }
  if (transcript.scenarioVersion !== scenario.version) {
    return {
      ok: false,
      error: {
        code: 'versionMismatch',
        message: `this transcript was recorded on version ${transcript.scenarioVersion} of "${scenario.id}"; the current version is ${scenario.version}`,
      },
    };
  }
  if (transcript.scenarioHash !== scenario.hash) {
    return {
      ok: false,
      error: {
        code: 'hashMismatch',
        message: `"${scenario.id}" has changed since this transcript was recorded (hash ${transcript.scenarioHash}, now ${scenario.hash})`,
      },
    };
  }
  return replayEvents(scenario, transcript.timed, transcript.events, transcript.seed);
}

const isRecorded = (event: CallEvent | RecordedEvent): event is RecordedEvent =>
  Array.isArray((event as Partial<RecordedEvent>).shown);

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((item, index) => item === b[index]);

/**
 * Whether an event's recorded order is the one its seed gives. A call recorded before answers
 * were shuffled (null seed) may record no order at all, or the file's own.
 */
function orderProblem(
  scenario: Scenario,
  seed: number | null,
  nodeId: string,
  offered: readonly string[],
  event: RecordedEvent,
  eventIndex: number,
): ReplayError | null {
  const expected = answerOrder(scenario, seed, nodeId, offered);
  if (sameList(event.shown, expected) || (seed === null && event.shown.length === 0)) return null;
  return {
    code: 'orderMismatch',
    eventIndex,
    message: `event ${eventIndex + 1}: the answers at "${nodeId}" were recorded in the order ${event.shown.join(', ') || '(none)'}, but seed ${seed === null ? 'none' : String(seed)} shows them as ${expected.join(', ')}`,
  };
}

/**
 * Replays events (no transcript header checks): the explorer's paths and tests pass bare events;
 * with `seed` given (a transcript's), each event's recorded order must be the seed's.
 */
export function replayEvents(
  scenario: Scenario,
  timed: boolean,
  events: readonly CallEvent[] | readonly RecordedEvent[],
  seed?: number | null,
): ReplayOutcome {
  let snapshot = startCall(scenario, timed);
  const turns: TurnRecord[] = [];
  const states: string[] = [];
  for (const [eventIndex, event] of events.entries()) {
    if (snapshot.status !== 'active') {
      return {
        ok: false,
        error: {
          code: 'afterEnd',
          eventIndex,
          message: `event ${eventIndex + 1} comes after the call ended in "${stateOf(snapshot)}"`,
        },
      };
    }
    const nodeId = stateOf(snapshot);
    const offered = offeredChoices(scenario, nodeId, snapshot.context);
    const stepped = step(scenario, snapshot, event);
    if (!stepped) {
      const what =
        event.type === CallEventType.choose
          ? `choice "${event.choiceId}"`
          : 'silence (timers are off)';
      return {
        ok: false,
        error: {
          code: 'eventRejected',
          eventIndex,
          message: `event ${eventIndex + 1}: ${what} is not possible at "${nodeId}" (on offer: ${offered.join(', ')})`,
        },
      };
    }
    if (seed !== undefined && isRecorded(event)) {
      const problem = orderProblem(scenario, seed, nodeId, offered, event, eventIndex);
      if (problem) return { ok: false, error: problem };
    }
    snapshot = stepped.next;
    turns.push(stepped.turn);
    states.push(stepped.turn.to);
  }
  return {
    ok: true,
    result: {
      turns,
      states,
      final: snapshot,
      endingId: snapshot.status === 'done' ? stateOf(snapshot) : null,
    },
  };
}
