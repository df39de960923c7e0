import { CallEventType } from '../compiler/types.ts';
import { Step } from '../model/steps.ts';
import type { Scenario } from '../model/scenario.ts';
import type { ScenarioAnalysis } from '../scoring/analysis.ts';
import {
  compensationPoints,
  meterPoints,
  outcomePoints,
  round2,
  stepPoints,
  tipPoints,
  totalOf,
} from '../scoring/parts.ts';
import { compensationAllowance } from '../scoring/score-penalties.ts';
import { turnSteps } from '../scoring/score-steps.ts';
import { turnTipTotals, turnsEvidence } from '../scoring/score-tips.ts';
import { PENALTY_POINTS } from '../scoring/scorecard.ts';
import type { ScoreComponent } from '../scoring/scorecard.ts';
import type { StepId } from '../model/steps.ts';
import { edgeTurn } from './call-graph.ts';
import type { CallGraph } from './call-graph.ts';

/** Distinct partial calls kept at most: beyond it the expectation is given as an interval. */
export const EXPECTATION_LIMIT = 100_000;

/** A partial call, for the expectation: everything its total can depend on, and its probability. */
interface Mass {
  readonly steps: readonly StepId[];
  readonly critical: boolean;
  readonly earned: number;
  readonly stake: number;
  readonly penalty: number;
  readonly turns: number;
  probability: number;
}

const keyOf = (mass: Omit<Mass, 'probability'>) =>
  `${mass.steps.join(',')}|${mass.critical ? 1 : 0}|${String(mass.earned)}|${String(mass.stake)}|${String(mass.penalty)}|${String(mass.turns)}`;

/**
 * The expected total of a trainee who answers at random (one key pressed at every turn while
 * the answers are shuffled: every answer on offer equally likely, never silent), exactly: the
 * probability of each distinct partial call is carried through the state graph. Null when there
 * are more distinct partial calls than `EXPECTATION_LIMIT` (the caller then gives an interval).
 */
export function expectedRandomTotal(
  scenario: Scenario,
  graph: CallGraph,
  analysis: ScenarioAnalysis,
  timed: boolean,
): { exact: true; value: number; kept: number } | { exact: false } {
  if (graph.truncated || graph.order === null) return { exact: false };
  const allowance = compensationAllowance(scenario, analysis);
  const masses = new Array<Map<string, Mass> | undefined>(graph.size);
  masses[0] = new Map([
    ['', { steps: [], critical: false, earned: 0, stake: 0, penalty: 0, turns: 0, probability: 1 }],
  ]);
  let kept = 1;
  let sum = 0;
  let mass = 0;
  for (const id of graph.order) {
    const here = masses[id];
    masses[id] = undefined;
    if (!here) continue;
    const at = graph.node[id] ?? 0;
    if (at >= graph.firstEnding) {
      const ending = scenario.endings[graph.ids[at] ?? ''];
      if (!ending) continue;
      const meters = {
        anger: graph.anger[id] ?? 0,
        trust: graph.trust[id] ?? 0,
        patience: graph.patience[id] ?? 0,
      };
      for (const partial of here.values()) {
        const closing = turnsEvidence(analysis, partial.turns, ending.outcome);
        const components: Record<ScoreComponent, number> = {
          tips: round2(tipPoints(partial.earned + closing.earned, partial.stake + closing.stake)),
          steps: round2(stepPoints(partial.steps)),
          outcome: round2(outcomePoints(ending.outcome, ending.wordOfMouth).points),
          compensation: round2(compensationPoints(ending.outcome, graph.cost[id] ?? 0, allowance)),
          meters: round2(meterPoints(meters)),
        };
        const skipped = partial.steps.includes(Step.apologise) ? 0 : PENALTY_POINTS.skippedApology;
        const { total } = totalOf(components, partial.penalty + skipped, partial.critical);
        sum += partial.probability * total;
        mass += partial.probability;
      }
      continue;
    }
    const answers: number[] = [];
    for (let edge = graph.edgeStart[id] ?? 0; edge < (graph.edgeStart[id + 1] ?? 0); edge += 1)
      if (graph.edgeEvent[edge]?.type === CallEventType.choose) answers.push(edge);
    for (const edge of answers) {
      const turn = edgeTurn(graph, scenario, id, edge, timed);
      const { stake, earned } = turnTipTotals(scenario, turn, timed);
      const steps = turnSteps(scenario, turn);
      const critical = graph.edgeCritical[edge] === 1;
      const penalty = steps.interrupts ? PENALTY_POINTS.interruption : 0;
      const to = graph.edgeTo[edge] ?? 0;
      let into = masses[to];
      if (!into) {
        into = new Map();
        masses[to] = into;
      }
      for (const partial of here.values()) {
        const next = {
          // In the order first performed.
          steps:
            steps.step && !partial.steps.includes(steps.step)
              ? [...partial.steps, steps.step]
              : partial.steps,
          critical: partial.critical || critical,
          earned: partial.earned + earned,
          stake: partial.stake + stake,
          penalty: partial.penalty + penalty,
          turns: partial.turns + 1,
        };
        const key = keyOf(next);
        const found = into.get(key);
        const probability = partial.probability / answers.length;
        if (found) found.probability += probability;
        else {
          into.set(key, { ...next, probability });
          kept += 1;
          if (kept > EXPECTATION_LIMIT) return { exact: false };
        }
      }
    }
  }
  return { exact: true, value: mass > 0 ? Math.round((10 * sum) / mass) / 10 : 0, kept };
}
