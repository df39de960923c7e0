import { describe, expect, it } from 'vitest';
import { answerOrder, replay } from '../../src/engine/index.ts';
import { CallSession } from '../../src/game/call-session.ts';
import { miniCall } from '../support/fixtures.ts';

const SEED = 99;

function session(timed = true, seed: number | null = SEED) {
  let now = 0;
  const call = new CallSession(miniCall(), { timed, locale: 'en', clock: () => now, seed });
  return { call, advance: (ms: number) => (now += ms) };
}

/** The order seed 99 shows a node's answers in. */
const shownAt = (nodeId: string) =>
  answerOrder(
    miniCall(),
    SEED,
    nodeId,
    (miniCall().nodes[nodeId]?.choices ?? []).map((choice) => choice.id),
  );

describe('the game’s call session', () => {
  it('records what the player does with the real answer times, and scores like the engine', () => {
    const { call, advance } = session();
    expect(call.stateId).toBe('open');
    expect(call.choices.map((choice) => choice.id)).toEqual(shownAt('open'));
    advance(3000);
    expect(call.choose('listen')).toBe(true);
    advance(25_000);
    expect(call.timeLeft()).toBe(0);
    expect(call.silence()).toBe(true);
    for (const id of ['apologise', 'refund-today', 'call-back']) {
      advance(2000);
      call.choose(id);
    }
    expect(call.ended).toBe(true);
    expect(call.ending?.outcome).toBe('good');
    expect(call.transcript().seed).toBe(SEED);
    expect(call.transcript().events).toEqual([
      { type: 'CHOOSE', choiceId: 'listen', elapsedMs: 3000, shown: shownAt('open') },
      { type: 'SILENCE', elapsedMs: 25_000, shown: shownAt('sorry') },
      { type: 'CHOOSE', choiceId: 'apologise', elapsedMs: 2000, shown: shownAt('sorry') },
      { type: 'CHOOSE', choiceId: 'refund-today', elapsedMs: 2000, shown: shownAt('offer') },
      { type: 'CHOOSE', choiceId: 'call-back', elapsedMs: 2000, shown: shownAt('followup') },
    ]);
    expect(call.scorecard().turns).toBe(5);
  });

  it('shows the answers in an order fixed by the seed, which the transcript replays', () => {
    const orders = new Set<string>();
    for (let seed = 0; seed < 40; seed += 1) {
      const { call } = session(true, seed);
      orders.add(call.choices.map((choice) => choice.id).join(','));
      expect(call.choices.map((choice) => choice.id)).toEqual(
        answerOrder(miniCall(), seed, 'open', ['policy', 'listen']),
      );
    }
    // Both orders of the two opening answers turn up: the good one is not always first.
    expect(orders).toEqual(new Set(['listen,policy', 'policy,listen']));
    const { call } = session(true, 7);
    call.choose('listen');
    expect(replay(miniCall(), call.transcript()).ok).toBe(true);
  });

  it('shows the file’s own order when replaying a call recorded before shuffling', () => {
    const { call } = session(true, null);
    expect(call.choices.map((choice) => choice.id)).toEqual(['policy', 'listen']);
  });

  it('refuses a choice that is not on offer and records nothing', () => {
    const { call } = session();
    expect(call.choose('call-back')).toBe(false);
    expect(call.transcript().events).toEqual([]);
  });

  it('has no clock with timers off', () => {
    const { call, advance } = session(false);
    advance(60_000);
    expect(call.timeLeft()).toBe(1);
    expect(call.silence()).toBe(false);
  });
});

describe('retrying from a turn', () => {
  it('replays the earlier answers with their recorded times and goes on live', () => {
    let now = 0;
    const prefix = [
      { type: 'CHOOSE', choiceId: 'listen', elapsedMs: 4000 },
      { type: 'CHOOSE', choiceId: 'apologise', elapsedMs: 5000 },
    ] as const;
    const call = new CallSession(miniCall(), {
      timed: true,
      locale: 'en',
      clock: () => now,
      seed: SEED,
      prefix,
    });
    expect(call.stateId).toBe('offer');
    now += 1500;
    call.choose('refund-today');
    expect(call.transcript().events).toEqual([
      { ...prefix[0], shown: shownAt('open') },
      { ...prefix[1], shown: shownAt('sorry') },
      { type: 'CHOOSE', choiceId: 'refund-today', elapsedMs: 1500, shown: shownAt('offer') },
    ]);
  });
});
