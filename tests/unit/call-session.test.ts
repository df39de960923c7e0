import { describe, expect, it } from 'vitest';
import { CallSession } from '../../src/game/call-session.ts';
import { miniCall } from '../support/fixtures.ts';

function session(timed = true) {
  let now = 0;
  const call = new CallSession(miniCall(), { timed, locale: 'en', clock: () => now });
  return { call, advance: (ms: number) => (now += ms) };
}

describe('the game’s call session', () => {
  it('records what the player does with the real answer times, and scores like the engine', () => {
    const { call, advance } = session();
    expect(call.stateId).toBe('open');
    expect(call.choices.map((choice) => choice.id)).toEqual(['listen', 'policy']);
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
    expect(call.transcript().events).toEqual([
      { type: 'CHOOSE', choiceId: 'listen', elapsedMs: 3000 },
      { type: 'SILENCE', elapsedMs: 25_000 },
      { type: 'CHOOSE', choiceId: 'apologise', elapsedMs: 2000 },
      { type: 'CHOOSE', choiceId: 'refund-today', elapsedMs: 2000 },
      { type: 'CHOOSE', choiceId: 'call-back', elapsedMs: 2000 },
    ]);
    expect(call.scorecard().turns).toBe(5);
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
      prefix,
    });
    expect(call.stateId).toBe('offer');
    now += 1500;
    call.choose('refund-today');
    expect(call.transcript().events).toEqual([
      ...prefix,
      { type: 'CHOOSE', choiceId: 'refund-today', elapsedMs: 1500 },
    ]);
  });
});
