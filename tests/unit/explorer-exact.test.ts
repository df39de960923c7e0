import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  callGraph,
  explore,
  loadScenario,
  startCall,
  stateOf,
  step,
  walkPaths,
} from '../../src/engine/index.ts';
import type { Scenario } from '../../src/engine/index.ts';
import { judgmentCall, miniCall } from '../support/fixtures.ts';
import { generatedScenarioYaml } from '../support/generated-call.ts';
import { loadShipped, seeded, shippedScenarioFiles } from '../support/library.ts';

const library = [...shippedScenarioFiles().map(loadShipped), miniCall(), judgmentCall()];

describe('the explorer’s state graph', () => {
  it.each(library.map((scenario) => [scenario.id, scenario] as const))(
    '%s: every edge is the transition the compiled machine takes',
    (_id, scenario) => {
      const graph = callGraph(scenario, true);
      const random = seeded(7);
      for (let walk = 0; walk < 60; walk += 1) {
        let state = 0;
        let snapshot = startCall(scenario, true);
        for (;;) {
          const first = graph.edgeStart[state] ?? 0;
          const count = (graph.edgeStart[state + 1] ?? 0) - first;
          if (count === 0) break;
          const edge = first + Math.floor(random() * count);
          const event = graph.edgeEvent[edge];
          if (!event) throw new Error('no event');
          const stepped = step(scenario, snapshot, event);
          expect(
            stepped,
            `${scenario.id}: the machine takes ${JSON.stringify(event)}`,
          ).not.toBeNull();
          if (!stepped) break;
          snapshot = stepped.next;
          state = graph.edgeTo[edge] ?? 0;
          const { meters, cost, flags } = snapshot.context;
          expect({
            at: graph.ids[graph.node[state] ?? 0],
            meters: {
              anger: graph.anger[state],
              trust: graph.trust[state],
              patience: graph.patience[state],
            },
            cost: graph.cost[state],
            flags: graph.flagNames
              .filter((_, bit) => ((graph.flags[state] ?? 0) & (2 ** bit)) !== 0)
              .sort(),
          }).toEqual({
            at: stateOf(snapshot),
            meters,
            cost,
            flags: Object.keys(flags)
              .filter((flag) => flags[flag])
              .sort(),
          });
        }
      }
    },
  );

  it('finds every node of a generated 150-node call reachable, with a good ending, exactly', () => {
    const loaded = loadScenario(generatedScenarioYaml(150), 'generated-150.yaml');
    if (!loaded.ok) throw new Error(loaded.problems[0]?.message);
    const graph = callGraph(loaded.value, true);
    expect(graph.truncated).toBe(false);
    const reached = new Set(graph.node.map((at) => graph.ids[at]));
    expect(Object.keys(loaded.value.nodes).filter((id) => !reached.has(id))).toEqual([]);
    expect(reached.has('resolved')).toBe(true);
  });
});

/** A small random scenario: a few nodes in a row, two or three answers each, random tags. */
const smallScenario = fc
  .record({
    nodes: fc.integer({ min: 2, max: 5 }),
    seed: fc.integer({ min: 1, max: 2 ** 30 }),
  })
  .map(({ nodes, seed }) => {
    const random = seeded(seed);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const steps = ['vent', 'apologise', 'ask', 'followUp'];
    const tips = ['tolerance', 'softVoice', 'doMore', 'efficiency'];
    const lines = [
      'id: random-call',
      'version: 1',
      'title: Random',
      'summary: Random.',
      "source: { doc: '001', section: 四、平息顧客的不滿 }",
      'channel: phone',
      'difficulty: 1',
      'locales: [en]',
      'customer: { name: Random, persona: Random. }',
      'focus: [tolerance]',
      'lesson: Random.',
      'currency: CNY',
      `loss: ${String(pick([0, 20, 50]))}`,
      `meters: { anger: ${String(40 + 5 * Math.floor(random() * 8))}, trust: 30, patience: 60 }`,
      'limits: { anger: { ending: escalated }, patience: { ending: hungUp } }',
      'timeLimit: 20',
      'start: n0',
      'nodes:',
    ];
    for (let at = 0; at < nodes; at += 1) {
      const later = [
        ...Array.from({ length: nodes - at - 1 }, (_, k) => `n${String(at + k + 1)}`),
        'resolved',
        'grudging',
      ];
      const step = steps[Math.min(3, Math.floor((at * 4) / nodes))] ?? 'ask';
      lines.push(`  n${String(at)}:`, `    step: ${step}`, '    say: Hello.');
      if (random() < 0.5)
        lines.push(
          `    onSilence: { meters: { patience: -${String(5 * (1 + Math.floor(random() * 4)))} }, next: ${pick(later)} }`,
        );
      lines.push('    choices:');
      const answers = 2 + Math.floor(random() * 2);
      for (let k = 0; k < answers; k += 1) {
        const tag = `${pick(tips)}: ${String(pick([-2, -1, 0, 1, 2]))}`;
        const performs = random() < 0.5 ? `, step: ${pick(steps)}` : '';
        const critical = random() < 0.15 ? ', critical: judgesCustomer' : '';
        const cost = random() < 0.15 ? `, cost: ${String(pick([10, 40, 100]))}` : '';
        const next =
          random() < 0.4
            ? `[{ if: "anger >= ${String(50 + 5 * Math.floor(random() * 6))}", goto: ${pick(later)} }, { goto: ${pick(later)} }]`
            : pick(later);
        lines.push(
          `      - { id: c${String(at)}x${String(k)}, text: Answer ${String(k)}., tips: { ${tag} }${performs}${critical}${cost}, meters: { anger: ${String(5 * (Math.floor(random() * 7) - 3))}, trust: ${String(5 * (Math.floor(random() * 5) - 2))} }, feedback: Why., next: ${next} }`,
        );
      }
    }
    lines.push(
      'endings:',
      '  resolved: { outcome: good, say: Thanks., wordOfMouth: 5 }',
      '  grudging: { outcome: partial, say: Fine., wordOfMouth: -5 }',
      '  escalated: { outcome: bad, say: Manager!, wordOfMouth: -25 }',
      '  hungUp: { outcome: bad, say: Bye., wordOfMouth: -25 }',
    );
    return `${lines.join('\n')}\n`;
  });

function loaded(text: string): Scenario | null {
  const result = loadScenario(text, 'random-call.yaml');
  return result.ok ? result.value : null;
}

describe('the exact explorer against brute force', () => {
  it('finds the same best, worst and give-away figures as walking every path', () => {
    fc.assert(
      fc.property(smallScenario, (text) => {
        const scenario = loaded(text);
        // Files the loader refuses (an unreachable node, no good ending) are not scenarios.
        if (scenario === null) return;
        const exact = explore(scenario);
        const brute = walkPaths(scenario, { pathLimit: 1_000_000 });
        fc.pre(!brute.truncated);
        expect(exact.truncated).toBe(false);
        expect(exact.best?.total).toBe(brute.best?.total);
        expect(exact.worst?.total).toBe(brute.worst?.total);
        expect(exact.paths).toBe(brute.paths);
        expect(exact.endings).toEqual(brute.endings);
        expect(exact.unreachableNodes).toEqual(brute.unreachableNodes);
        expect(exact.shortestGood?.events.length).toBe(brute.shortestGood?.events.length);
        expect(exact.shortestGood?.total).toBe(brute.shortestGood?.total);
        expect(exact.best?.events.length).toBe(brute.best?.events.length);
        expect(exact.goodWithoutFollowUp === null).toBe(brute.goodWithoutFollowUp === null);
        // Both round to a tenth: floating-point sums in another order may land either side of .x5.
        expect(
          Math.abs((exact.giveaways.shuffledKey ?? 0) - (brute.giveaways.shuffledKey ?? 0)),
        ).toBeLessThanOrEqual(0.1);
        expect(exact.giveaways.bestWithCritical?.total).toBe(
          brute.giveaways.bestWithCritical?.total,
        );
        expect(exact.giveaways.worstClean?.total).toBe(brute.giveaways.worstClean?.total);
        expect(exact.giveaways.cleanPaths).toBe(brute.giveaways.cleanPaths);
      }),
      { numRuns: 150 },
    );
  });
});
