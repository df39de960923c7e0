import { describe, expect, it } from 'vitest';
import {
  CallEventType,
  compileScenario,
  explore,
  replayEvents,
  startCall,
  startingAt,
  stateOf,
} from '../../src/engine/index.ts';
import { miniCall } from '../support/fixtures.ts';

const choose = (choiceId: string) => ({ type: CallEventType.choose, choiceId, elapsedMs: 0 });

describe('startingAt: a playtest from a node with chosen meters', () => {
  const scenario = miniCall();

  it('starts the machine at the node with the meters given', () => {
    const branch = startingAt(scenario, {
      nodeId: 'offer',
      meters: { anger: 40, trust: 45, patience: 60 },
    });
    expect(branch).not.toBeNull();
    if (!branch) return;
    const snapshot = startCall(branch, false);
    expect(stateOf(snapshot)).toBe('offer');
    expect(snapshot.context.meters).toEqual({ anger: 40, trust: 45, patience: 60 });
    expect(snapshot.context.turns).toBe(0);
  });

  it('routes on the chosen meters: trust decides where the refund leads', () => {
    const low = startingAt(scenario, {
      nodeId: 'offer',
      meters: { anger: 40, trust: 10, patience: 60 },
    });
    const high = startingAt(scenario, {
      nodeId: 'offer',
      meters: { anger: 40, trust: 45, patience: 60 },
    });
    if (!low || !high) throw new Error('both start points exist');
    const lowRun = replayEvents(low, false, [choose('refund-today')]);
    const highRun = replayEvents(high, false, [choose('refund-today')]);
    expect(lowRun.ok && lowRun.result.endingId).toBe('resolved');
    expect(highRun.ok && highRun.result.states).toEqual(['followup']);
  });

  it('clamps meters to 0–100 and rounds them', () => {
    const branch = startingAt(scenario, {
      nodeId: 'sorry',
      meters: { anger: 140, trust: -5, patience: 33.6 },
    });
    expect(branch?.meters).toEqual({ anger: 100, trust: 0, patience: 34 });
  });

  it('refuses an ending or an unknown id', () => {
    const meters = { anger: 50, trust: 50, patience: 50 };
    expect(startingAt(scenario, { nodeId: 'resolved', meters })).toBeNull();
    expect(startingAt(scenario, { nodeId: 'nowhere', meters })).toBeNull();
    expect(startingAt(scenario, { nodeId: 'toString', meters })).toBeNull();
  });

  it('leaves the original untouched and marks the hash with the start point', () => {
    const branch = startingAt(scenario, {
      nodeId: 'followup',
      meters: { anger: 20, trust: 70, patience: 50 },
    });
    expect(scenario.start).toBe('open');
    expect(stateOf(startCall(scenario, false))).toBe('open');
    expect(branch?.hash).not.toBe(scenario.hash);
    expect(branch?.hash.startsWith(scenario.hash)).toBe(true);
    if (branch) expect(compileScenario(branch).machine).not.toBe(compileScenario(scenario).machine);
  });

  it('explores only the calls from the start point', () => {
    const branch = startingAt(scenario, {
      nodeId: 'followup',
      meters: { anger: 20, trust: 70, patience: 50 },
    });
    if (!branch) throw new Error('followup is a node');
    const report = explore(branch, { timed: false });
    expect(report.paths).toBe(2);
    expect(report.best?.endingId).toBe('resolvedWithFollowUp');
  });
});
