import { describe, expect, it } from 'vitest';
import {
  explore,
  qualityChecks,
  replayEvents,
  scoreCall,
  toMermaid,
} from '../../src/engine/index.ts';
import { editedMiniCall, loadValid, miniCall } from '../support/fixtures.ts';

describe('explorer', () => {
  it('walks every path and finds the best and worst calls', () => {
    const report = explore(miniCall());
    expect(report.truncated).toBe(false);
    expect(report.paths).toBeGreaterThan(50);
    expect(report.best?.total).toBe(100);
    expect(report.best?.states).toEqual([
      'open',
      'sorry',
      'offer',
      'followup',
      'resolvedWithFollowUp',
    ]);
    expect(report.worst?.events).toEqual([{ type: 'CHOOSE', choiceId: 'policy', elapsedMs: 5000 }]);
    expect(report.unreachableNodes).toEqual([]);
    expect(report.unreachedEndings).toEqual([]);
    expect(report.deadEnds).toEqual([]);
    expect(qualityChecks(report).every((check) => check.passed)).toBe(true);
  });

  it('reports paths whose scores replay exactly', () => {
    const scenario = miniCall();
    const report = explore(scenario);
    for (const path of [report.best, report.worst, report.shortestGood]) {
      const replayed = replayEvents(scenario, true, path?.events ?? []);
      if (!replayed.ok) throw new Error(replayed.error.message);
      const { turns, endingId, final } = replayed.result;
      expect(
        scoreCall(scenario, { turns, endingId, final: final.context, timed: true, locale: 'en' })
          .total,
      ).toBe(path?.total);
    }
  });

  it('handles cycles: a choice that loops back without changing anything', () => {
    const looping = editedMiniCall(
      '      - id: goodbye\n',
      '      - id: pardon\n        text: { en: Sorry?, zh-Hans: 什么？ }\n        feedback: { en: Again., zh-Hans: 再说一遍。 }\n        next: followup\n      - id: goodbye\n',
    );
    const report = explore(loadValid(looping));
    expect(report.truncated).toBe(false);
    expect(report.paths).toBeGreaterThan(0);
  });

  it('finds dead ends where no choice is on offer', () => {
    const stuck = editedMiniCall('next: resolved\n', 'when: anger > 100\n        next: resolved\n');
    const report = explore(loadValid(stuck), { timed: false });
    expect(report.deadEnds.map((dead) => dead.nodeId)).toContain('followup');
    expect(qualityChecks(report).find((check) => !check.passed)?.label).toContain('dead ends');
  });

  it('says so when it stops at its state limit, and never passes a cut search', () => {
    const report = explore(miniCall(), { stateLimit: 10 });
    expect(report.truncated).toBe(true);
    expect(qualityChecks(report).find((check) => check.label.includes('not exact'))?.passed).toBe(
      false,
    );
  });

  it('draws a Mermaid flowchart with every node, ending and route', () => {
    const mermaid = toMermaid(miniCall());
    expect(mermaid.startsWith('flowchart TD\n')).toBe(true);
    expect(mermaid).toContain('s_open -->|"listen"| s_sorry');
    expect(mermaid).toContain(
      's_offer -->|"refund-today if refundPromised and trust >= 50"| s_followup',
    );
    expect(mermaid).toContain('s_open -.->|silence| s_open');
    expect(mermaid).toContain(':::bad');
  });
});
