// Regression tests for the loopholes of the shipped library found in the judgment issue: each
// held on the old scoring (the figures in the comments) and must never come back.
import { describe, expect, it } from 'vitest';
import {
  CRITICAL_CAP,
  CallEventType,
  PENALTY_POINTS,
  Step,
  TIP_IDS,
  explore,
} from '../../src/engine/index.ts';
import type { Scenario } from '../../src/engine/index.ts';
import { bestCallWith, bestTotalWith, chose } from '../support/best-with.ts';
import { loadShipped, shippedScenarioFiles } from '../support/library.ts';
import { SCENARIO_DIR } from '../support/library.ts';
import path from 'node:path';

const scenario = (id: string): Scenario => loadShipped(path.join(SCENARIO_DIR, `${id}.yaml`));
const library = shippedScenarioFiles().map(loadShipped);

describe('critical errors the old scoring let through now cap the call at 74', () => {
  it.each([
    // 004: a name and number demanded for a fault at a known address (old best with it: 95).
    ['unstable-4g-report', 'open-data', 'needlessData'],
    ['charged-twice', 'open-data', 'needlessData'], // 96
    ['no-spare-parts', 'open-data', 'needlessData'], // an ID card to repair a phone: 95
    ['phone-card-billing', 'check-data', 'needlessData'], // 94
    // 001 §五: a full 680 refund for a damaged item, a free 1,280 repair (92 each).
    ['damaged-delivery', 'offer-full', 'overCompensation'],
    ['damaged-delivery', 'recover-full', 'overCompensation'],
    ['media-threat-policy', 'broken-free', 'overCompensation'],
    ['media-threat-policy', 'callback-free', 'overCompensation'],
    // 000 不轻易承诺: promises nobody can keep (89 with a good ending; 95).
    ['media-threat-policy', 'promise-pay', 'unkeepablePromise'],
    ['sales-promised-everything', 'opinion-punish', 'unkeepablePromise'],
    // 003: telling the customer she is wrong (92–94).
    ['customer-is-wrong', 'suggest-wrong', undefined],
    ['customer-is-wrong', 'walk-blame', undefined],
    ['customer-is-wrong', 'vent-more-user-error', undefined],
  ] as const)('%s: %s', (id, choiceId, error) => {
    const target = scenario(id);
    const best = bestCallWith(target, chose(choiceId));
    expect(best, `${choiceId} is on a complete path`).not.toBeNull();
    expect(best?.total).toBeLessThanOrEqual(CRITICAL_CAP);
    const committed = best?.criticalErrors.find((hit) => hit.choiceId === choiceId)?.error;
    if (error) expect(committed).toBe(error);
    else expect(['arguesWhoIsRight', 'judgesCustomer']).toContain(committed);
  });
});

describe('the order of the four steps can go wrong (old: every answer performed its own node’s step)', () => {
  it.each([
    ['unstable-4g-report', 'open-restart'],
    ['tutorial-first-call', 'vent-more-rush'],
  ])('%s: %s offers a solution while the customer vents; the best call with it is out of order', (id, choiceId) => {
    const card = bestCallWith(scenario(id), chose(choiceId));
    expect(card?.steps.inOrder).toBe(false);
    const order = card?.steps.order ?? [];
    expect(order.indexOf(Step.ask)).toBeLessThan(order.indexOf(Step.apologise));
    expect(card?.components.steps).toBeLessThan(25);
  });

  it('charged-twice: a refund offered instead of the apology performs ask without apologise', () => {
    const card = bestCallWith(scenario('charged-twice'), chose('apology-skip'));
    expect(card?.steps.firstPerformed.apologise).toBeNull();
    expect(card?.steps.firstPerformed.ask).not.toBeNull();
    expect(card?.penalties).toBeGreaterThanOrEqual(PENALTY_POINTS.skippedApology);
  });
});

describe.each(library.map((entry) => [entry.id, entry] as const))('%s', (_id, target) => {
  const best = explore(target).best?.total ?? 0;

  it('no longer gives an A for 20 s of dead air at the opening (old: 96–98)', () => {
    const silent = bestTotalWith(target, () => true, {
      first: { type: CallEventType.silence, elapsedMs: 20_000 },
    });
    expect(silent).toBeLessThan(90);
  });

  it('never lets silence be a free retry: running out of time anywhere costs at least the dead-air penalty', () => {
    for (const nodeId of Object.keys(target.nodes)) {
      const silent = bestTotalWith(target, (event, at) => event.type === CallEventType.silence && at === nodeId, {
        silenceAt: nodeId,
      });
      if (silent === null) continue;
      expect(best - silent, nodeId).toBeGreaterThanOrEqual(PENALTY_POINTS.deadAir);
    }
  });

  it('counts every answer but listening at a vent node as an interruption, costing about the same wherever it falls (old: 8 at one node, 60 at the next)', () => {
    for (const [nodeId, node] of Object.entries(target.nodes)) {
      if (node.step !== Step.vent) continue;
      for (const choice of node.choices) {
        if (choice.step === Step.vent) continue;
        // "Please calm down first" and a polite data request are interruptions too.
        const withIt = bestTotalWith(target, chose(choice.id));
        if (withIt === null) continue;
        expect(best - withIt, `${nodeId}/${choice.id}`).toBeGreaterThanOrEqual(PENALTY_POINTS.interruption);
        // An ordinary interruption is recoverable; only a critical error or a turning-point
        // mistake (−3 on a tip: an insult returned) may cost the call.
        const turningPoint =
          choice.critical !== undefined || TIP_IDS.some((tip) => (choice.tips?.[tip] ?? 0) <= -3);
        if (!turningPoint) expect(best - withIt, `${nodeId}/${choice.id}`).toBeLessThanOrEqual(20);
      }
    }
  });
});
