import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/engine/index.ts';
import type { CallEvent } from '../../src/engine/index.ts';
import { editedMiniCall, loadValid, miniCall } from '../support/fixtures.ts';
import { choose, silence } from '../support/transcripts.ts';

function play(text: string | null, events: CallEvent[], timed = true) {
  const scenario = text === null ? miniCall() : loadValid(text);
  const actor = createActor(compileScenario(scenario).machine, { input: { timed } }).start();
  const states: unknown[] = [actor.getSnapshot().value];
  for (const event of events) {
    actor.send(event);
    states.push(actor.getSnapshot().value);
  }
  return { snapshot: actor.getSnapshot(), states };
}

describe('compiler', () => {
  it('compiles once per scenario', () => {
    const scenario = miniCall();
    expect(compileScenario(scenario)).toBe(compileScenario(scenario));
  });

  it('walks the nodes with CHOOSE and settles in a final state at an ending', () => {
    const { snapshot, states } = play(null, [
      choose('listen'),
      choose('apologise'),
      choose('refund-today'),
      choose('call-back'),
    ]);
    expect(states).toEqual(['open', 'sorry', 'offer', 'followup', 'resolvedWithFollowUp']);
    expect(snapshot.status).toBe('done');
    expect(snapshot.context.meters).toEqual({ anger: 0, trust: 100, patience: 60 });
    expect(snapshot.context.turns).toBe(4);
    expect(snapshot.context.flags).toEqual({ refundPromised: true });
  });

  it('clamps meters to 0–100 and ends the call when anger reaches its limit', () => {
    const { snapshot, states } = play(null, [choose('policy')]);
    expect(states).toEqual(['open', 'escalated']);
    expect(snapshot.context.meters.anger).toBe(100);
  });

  it('routes on conditions evaluated after the choice', () => {
    // trust 30 + 10 + 25 + 25 = 90 with the refund promised → followup; with the bank blamed → resolved.
    expect(
      play(null, [choose('listen'), choose('apologise'), choose('refund-today')]).states.at(-1),
    ).toBe('followup');
    expect(
      play(null, [choose('listen'), choose('blame-bank'), choose('refund-today')]).states.at(-1),
    ).toBe('resolved');
  });

  it('offers a choice only while its `when` holds', () => {
    // After blaming the bank anger stays high, so call-back (when anger < 60) is not on offer.
    const { snapshot } = play(null, [
      choose('listen'),
      choose('blame-bank'),
      choose('voucher'),
      choose('call-back'),
    ]);
    expect(snapshot.value).toBe('followup');
    expect(snapshot.context.turns).toBe(3);
  });

  it('ignores choices of other nodes and unknown choices', () => {
    const { snapshot } = play(null, [choose('call-back'), choose('nonsense')]);
    expect(snapshot.value).toBe('open');
    expect(snapshot.context.turns).toBe(0);
  });

  it('applies onSilence and ends with a hang-up when patience runs out', () => {
    const { states, snapshot } = play(null, [silence(), silence()]);
    expect(states).toEqual(['open', 'open', 'hungUp']);
    expect(snapshot.context.meters.patience).toBe(0);
  });

  it('refuses silence when timers are off', () => {
    const { snapshot } = play(null, [silence()], false);
    expect(snapshot.context.turns).toBe(0);
  });

  it('makes a hesitant answer cost patience, only with timers on', () => {
    const slow = choose('listen', 15_000); // > 0.6 × 20 s
    expect(play(null, [slow]).snapshot.context.meters.patience).toBe(55);
    expect(play(null, [slow], false).snapshot.context.meters.patience).toBe(60);
    expect(play(null, [slow]).snapshot.context.last?.hesitated).toBe(true);
  });

  it('uses the scenario’s own limits and silence defaults', () => {
    const text = editedMiniCall(
      '  anger: { ending: escalated }',
      '  anger: { at: 80, ending: escalated }',
    ).replace('    onSilence: { meters: { patience: -30, anger: 10 }, next: open }\n', '');
    // Default silence: patience −15, anger +10 → 80 reaches the lowered anger limit.
    expect(play(text, [silence()]).states).toEqual(['open', 'escalated']);
  });

  it('records the last turn for the view', () => {
    const { snapshot } = play(null, [choose('listen', 1000)]);
    expect(snapshot.context.last).toEqual({
      nodeId: 'open',
      choiceId: 'listen',
      hesitated: false,
      metersBefore: { anger: 70, trust: 30, patience: 60 },
    });
  });
});
