import type { CallEvent } from '../compiler/types.ts';
import { initialContext, timeLimitMs } from '../compiler/effects.ts';
import type { TurnRecord } from '../replay/replay.ts';
import { CallEventType } from '../compiler/types.ts';
import type { Scenario } from '../model/scenario.ts';
import { STEP_IDS, Step } from '../model/steps.ts';
import type { StepId } from '../model/steps.ts';
import type { ScenarioAnalysis } from '../scoring/analysis.ts';
import {
  compensationPoints,
  meterPoints,
  outcomePoints,
  round2,
  stepPoints,
  tipPoints,
  uncappedTotal,
} from '../scoring/parts.ts';
import { CRITICAL_CAP } from '../model/critical.ts';
import { compensationAllowance } from '../scoring/score-penalties.ts';
import { turnSteps } from '../scoring/score-steps.ts';
import { turnTipTotals, turnsEvidence } from '../scoring/score-tips.ts';
import { PENALTY_POINTS } from '../scoring/scorecard.ts';
import { isClean } from './giveaways.ts';

import type { CallGraph } from './call-graph.ts';

/**
 * A partial call at a state, with only what can still change its total: the tip evidence
 * earned and at stake, the fixed penalties, and the turns (efficiency). Which steps were
 * performed in which order, and whether a critical error was made or every answer was clean,
 * are the label's group: labels of different groups are never compared.
 */
class Label {
  readonly earned: number;
  readonly stake: number;
  readonly penalty: number;
  readonly turns: number;
  readonly parent: Label | null;
  /** The edge taken into this state, or −1 at the start. */
  readonly edge: number;
  /** At stake and not earned: the tips part's shortfall. */
  readonly lost: number;

  constructor(
    earned: number,
    stake: number,
    penalty: number,
    turns: number,
    parent: Label | null,
    edge: number,
  ) {
    this.earned = earned;
    this.stake = stake;
    this.penalty = penalty;
    this.turns = turns;
    this.parent = parent;
    this.edge = edge;
    this.lost = stake - earned;
  }
}

/** What one answer adds to a label, worked out once per edge of the graph. */
interface EdgeScore {
  readonly stake: number;
  readonly earned: number;
  readonly penalty: number;
  readonly step: StepId | undefined;
  readonly critical: boolean;
  readonly clean: boolean;
}

/** A complete call found by the search. */
export interface SearchedCall {
  readonly events: readonly CallEvent[];
  readonly states: readonly string[];
  readonly endingId: string;
  readonly total: number;
}

export interface ExactScores {
  readonly best: SearchedCall | null;
  readonly worst: SearchedCall | null;
  readonly shortestGood: SearchedCall | null;
  readonly bestWithCritical: SearchedCall | null;
  readonly worstClean: SearchedCall | null;
  /** Labels kept over the whole search: how much merging left to do. */
  readonly labels: number;
}

/**
 * Steps in the order first performed, as a small integer: base 5, one digit per step (its
 * position + 1). The group key adds the critical and clean bits.
 */
const stepsCodeAfter = (code: number, step: StepId | undefined): number => {
  if (step === undefined) return code;
  const digit = STEP_IDS.indexOf(step) + 1;
  for (let rest = code; rest > 0; rest = Math.floor(rest / 5)) if (rest % 5 === digit) return code;
  return code * 5 + digit;
};

const stepsOfCode = (code: number): StepId[] => {
  const steps: StepId[] = [];
  for (let rest = code; rest > 0; rest = Math.floor(rest / 5)) {
    const step = STEP_IDS[(rest % 5) - 1];
    if (step) steps.unshift(step);
  }
  return steps;
};

const groupOf = (code: number, critical: boolean, clean: boolean) =>
  code * 4 + (critical ? 2 : 0) + (clean ? 1 : 0);

/** Better for the best total: no more lost, no less at stake, no more penalty, no more turns. */
const betterForBest = (a: Label, b: Label) =>
  a.lost <= b.lost && a.stake >= b.stake && a.penalty <= b.penalty && a.turns <= b.turns;
/** Better for the worst total: the opposite on every count. */
const betterForWorst = (a: Label, b: Label) =>
  a.lost >= b.lost && a.stake <= b.stake && a.penalty >= b.penalty && a.turns >= b.turns;

/** Adds a label to a Pareto front, unless one there is at least as good; drops those it beats. */
function insert(front: Label[], label: Label, better: (a: Label, b: Label) => boolean): boolean {
  for (const kept of front) if (better(kept, label)) return false;
  let write = 0;
  for (const kept of front) if (!better(label, kept)) front[write++] = kept;
  front.length = write;
  front.push(label);
  return true;
}

function pathOf(graph: CallGraph, label: Label, endingId: string, total: number): SearchedCall {
  const edges: number[] = [];
  for (let at: Label | null = label; at && at.edge >= 0; at = at.parent) edges.unshift(at.edge);
  return {
    events: edges.map((edge) => graph.edgeEvent[edge] as CallEvent),
    states: [
      graph.ids[graph.node[0] ?? 0] ?? '',
      ...edges.map((edge) => graph.ids[graph.node[graph.edgeTo[edge] ?? 0] ?? 0] ?? ''),
    ],
    endingId,
    total,
  };
}

/**
 * Best and worst totals, exactly, by dynamic programming over the state graph: paths that reach
 * the same state in the same group (steps and their order, critical, clean) are merged, and a
 * partial call is dropped once another is at least as good on everything that can still change
 * the total (the tips part is a ratio, so both its earned and its stake are kept). Every call the
 * search reports is the total `scoreCall` gives it (the explorer checks).
 */
export function exactScores(
  scenario: Scenario,
  graph: CallGraph,
  analysis: ScenarioAnalysis,
  timed: boolean,
): ExactScores {
  const order = graph.order ?? [];
  const allowance = compensationAllowance(scenario, analysis);
  // Everything an answer adds but a critical error of spending depends only on its kind (node,
  // answers on offer, answer), never on the meters: worked out once per kind, in both variants.
  const kindScores = graph.kinds.map((kind): readonly [EdgeScore, EdgeScore] => {
    const nodeId = graph.ids[kind.node] ?? '';
    const turn: TurnRecord = {
      nodeId,
      event: kind.event,
      offered: kind.offered,
      timeLimitMs: timeLimitMs(scenario, nodeId),
      before: initialContext(scenario, timed),
      after: initialContext(scenario, timed),
      to: nodeId,
    };
    const { stake, earned } = turnTipTotals(scenario, turn, timed);
    const steps = turnSteps(scenario, turn);
    const event = kind.event;
    const choice =
      event.type === CallEventType.choose
        ? scenario.nodes[nodeId]?.choices.find((candidate) => candidate.id === event.choiceId)
        : undefined;
    const base = {
      stake,
      earned,
      penalty:
        (steps.interrupts ? PENALTY_POINTS.interruption : 0) +
        (steps.deadAir ? PENALTY_POINTS.deadAir : 0),
      step: steps.step,
    };
    const tidy = choice !== undefined && isClean(scenario, nodeId, choice);
    return [
      { ...base, critical: false, clean: tidy },
      { ...base, critical: true, clean: false },
    ];
  });
  const scoreOf = (edge: number): EdgeScore =>
    (kindScores[graph.edgeKind[edge] ?? 0] as readonly [EdgeScore, EdgeScore])[
      graph.edgeCritical[edge] === 1 ? 1 : 0
    ];

  type Fronts = Map<number, Label[]>;
  const best = new Array<Fronts | undefined>(graph.size);
  const worst = new Array<Fronts | undefined>(graph.size);
  const root = new Label(0, 0, 0, 0, null, -1);
  const rootGroup = groupOf(0, false, true);
  best[0] = new Map([[rootGroup, [root]]]);
  worst[0] = new Map([[rootGroup, [root]]]);
  let labels = 1;

  // The calls found so far, kept as their last label and edge: a path is spelt out once, at the end.
  interface Found {
    readonly label: Label;
    readonly edge: number;
    readonly total: number;
    readonly turns: number;
  }
  let bestCall: Found | null = null;
  let worstCall: Found | null = null;
  let shortestGood: Found | null = null;
  let bestWithCritical: Found | null = null;
  let worstClean: Found | null = null;

  // What a group of steps is worth, worked out once per steps code.
  const stepsInfo = new Map<number, { points: number; apologised: boolean; followedUp: boolean }>();
  const stepsOf = (code: number) => {
    let info = stepsInfo.get(code);
    if (!info) {
      const steps = stepsOfCode(code);
      info = {
        points: round2(stepPoints(steps)),
        apologised: steps.includes(Step.apologise),
        followedUp: steps.includes(Step.followUp),
      };
      stepsInfo.set(code, info);
    }
    return info;
  };
  // The parts of an ending state that do not depend on the way there.
  const endingParts = new Array<
    { outcome: number; compensation: number; meters: number } | undefined
  >(graph.size);
  const partsAt = (stateId: number) => {
    let parts = endingParts[stateId];
    if (!parts) {
      const ending = scenario.endings[graph.ids[graph.node[stateId] ?? 0] ?? ''];
      const meters = {
        anger: graph.anger[stateId] ?? 0,
        trust: graph.trust[stateId] ?? 0,
        patience: graph.patience[stateId] ?? 0,
      };
      parts = {
        outcome: ending ? round2(outcomePoints(ending.outcome, ending.wordOfMouth).points) : 0,
        compensation: ending
          ? round2(compensationPoints(ending.outcome, graph.cost[stateId] ?? 0, allowance))
          : 0,
        meters: round2(meterPoints(meters)),
      };
      endingParts[stateId] = parts;
    }
    return parts;
  };

  const totalAt = (
    stateId: number,
    group: number,
    earned: number,
    stake: number,
    penalty: number,
    turns: number,
  ): number => {
    const outcome = scenario.endings[graph.ids[graph.node[stateId] ?? 0] ?? '']?.outcome ?? null;
    const closing = turnsEvidence(analysis, turns, outcome);
    const steps = stepsOf(Math.floor(group / 4));
    const parts = partsAt(stateId);
    const skipped = steps.apologised ? 0 : PENALTY_POINTS.skippedApology;
    const uncapped = uncappedTotal(
      round2(tipPoints(earned + closing.earned, stake + closing.stake)),
      steps.points,
      parts.outcome,
      parts.compensation,
      parts.meters,
      penalty + skipped,
    );
    return (group & 2) !== 0 ? Math.min(CRITICAL_CAP, uncapped) : uncapped;
  };

  const pathTo = (label: Label, edge: number, total: number): Found => ({
    label,
    edge,
    total,
    turns: label.turns + 1,
  });
  const spelt = (found: Found | null): SearchedCall | null =>
    found === null
      ? null
      : pathOf(
          graph,
          new Label(0, 0, 0, found.turns, found.label, found.edge),
          graph.ids[graph.node[graph.edgeTo[found.edge] ?? 0] ?? 0] ?? '',
          found.total,
        );
  const longer = (turns: number, than: Found | null) => than !== null && turns >= than.turns;

  /** A call reaching an ending: weighed against the best and worst found so far. */
  const finish = (
    edge: number,
    group: number,
    label: Label,
    score: EdgeScore,
    forBest: boolean,
  ) => {
    const turns = label.turns + 1;
    const to = graph.edgeTo[edge] ?? 0;
    const total = totalAt(
      to,
      group,
      label.earned + score.earned,
      label.stake + score.stake,
      label.penalty + score.penalty,
      turns,
    );
    const critical = (group & 2) !== 0;
    if (forBest) {
      if (
        bestCall === null ||
        total > bestCall.total ||
        (total === bestCall.total && !longer(turns, bestCall))
      )
        bestCall = pathTo(label, edge, total);
      if (critical && (bestWithCritical === null || total > bestWithCritical.total))
        bestWithCritical = pathTo(label, edge, total);
      if (scenario.endings[graph.ids[graph.node[to] ?? 0] ?? '']?.outcome !== 'good') return;
      if (
        shortestGood === null ||
        turns < shortestGood.turns ||
        (turns === shortestGood.turns && total > shortestGood.total)
      )
        shortestGood = pathTo(label, edge, total);
      return;
    }
    if (
      worstCall === null ||
      total < worstCall.total ||
      (total === worstCall.total && !longer(turns, worstCall))
    )
      worstCall = pathTo(label, edge, total);
    if ((group & 1) !== 0 && !critical && (worstClean === null || total < worstClean.total))
      worstClean = pathTo(label, edge, total);
  };

  // ── Bounds: what the rest of a call can still add, from each state (one backward pass). ──
  // A partial call whose best possible total cannot beat the best found so far is dropped (and
  // one whose worst possible total cannot go below the worst found): the search stays exact.
  const closingStake = turnsEvidence(analysis, 0, 'good').stake;
  const futureStake = new Float64Array(graph.size);
  const futurePenalty = new Float64Array(graph.size);
  const endHigh = new Float64Array(graph.size).fill(Number.NEGATIVE_INFINITY);
  const endLow = new Float64Array(graph.size).fill(Number.POSITIVE_INFINITY);
  const toEnd = new Float64Array(graph.size).fill(Number.POSITIVE_INFINITY);
  const toGood = new Float64Array(graph.size).fill(Number.POSITIVE_INFINITY);
  // Whether some way on from a state commits a critical error (a call may still become one).
  const criticalAhead = new Uint8Array(graph.size);
  // A rough score of the rest of the call, to find good first candidates for best and worst.
  const roughHigh = new Float64Array(graph.size).fill(Number.NEGATIVE_INFINITY);
  const roughLow = new Float64Array(graph.size).fill(Number.POSITIVE_INFINITY);
  const roughHighEdge = new Int32Array(graph.size).fill(-1);
  const roughLowEdge = new Int32Array(graph.size).fill(-1);
  for (let at = order.length - 1; at >= 0; at -= 1) {
    const state = order[at] ?? 0;
    if ((graph.node[state] ?? 0) >= graph.firstEnding) {
      const parts = partsAt(state);
      const sum = parts.outcome + parts.compensation + parts.meters;
      futureStake[state] = closingStake;
      endHigh[state] = sum;
      endLow[state] = sum;
      toEnd[state] = 0;
      toGood[state] =
        scenario.endings[graph.ids[graph.node[state] ?? 0] ?? '']?.outcome === 'good'
          ? 0
          : Infinity;
      roughHigh[state] = sum;
      roughLow[state] = sum;
      continue;
    }
    for (
      let edge = graph.edgeStart[state] ?? 0;
      edge < (graph.edgeStart[state + 1] ?? 0);
      edge += 1
    ) {
      const to = graph.edgeTo[edge] ?? 0;
      const score = scoreOf(edge);
      if (endHigh[to] === Number.NEGATIVE_INFINITY) continue;
      futureStake[state] = Math.max(futureStake[state] ?? 0, score.stake + (futureStake[to] ?? 0));
      futurePenalty[state] = Math.max(
        futurePenalty[state] ?? 0,
        score.penalty + (futurePenalty[to] ?? 0),
      );
      endHigh[state] = Math.max(endHigh[state] ?? 0, endHigh[to] ?? 0);
      endLow[state] = Math.min(endLow[state] ?? 0, endLow[to] ?? 0);
      toEnd[state] = Math.min(toEnd[state] ?? 0, 1 + (toEnd[to] ?? 0));
      toGood[state] = Math.min(toGood[state] ?? 0, 1 + (toGood[to] ?? 0));
      if (score.critical || criticalAhead[to] === 1) criticalAhead[state] = 1;
      const rough = score.earned - score.stake - score.penalty / 4 - (score.critical ? 30 : 0);
      if (rough + (roughHigh[to] ?? 0) > (roughHigh[state] ?? 0)) {
        roughHigh[state] = rough + (roughHigh[to] ?? 0);
        roughHighEdge[state] = edge;
      }
      if (rough + (roughLow[to] ?? 0) < (roughLow[state] ?? 0)) {
        roughLow[state] = rough + (roughLow[to] ?? 0);
        roughLowEdge[state] = edge;
      }
    }
  }
  const shortestGoodTurns = toGood[0] ?? Infinity;
  // The most the steps can still be worth: the missing steps performed next, in order.
  const stepsHigh = new Map<number, number>();
  const stepsBest = (code: number) => {
    let points = stepsHigh.get(code);
    if (points === undefined) {
      const done = stepsOfCode(code);
      points = round2(stepPoints([...done, ...STEP_IDS.filter((step) => !done.includes(step))]));
      stepsHigh.set(code, points);
    }
    return points;
  };
  /** Whether a partial call at `state` can still change the best, or a best of its kind. */
  const keepForBest = (state: number, group: number, label: Label): boolean => {
    const future = futureStake[state] ?? 0;
    const raw =
      round2(tipPoints(label.earned + future, label.stake + future)) +
      stepsBest(Math.floor(group / 4)) +
      (endHigh[state] ?? 0) -
      label.penalty;
    let high = Math.max(0, Math.round(raw + 0.05));
    const critical = (group & 2) !== 0;
    if (critical) high = Math.min(CRITICAL_CAP, high);
    if (
      bestCall === null ||
      high > bestCall.total ||
      (high === bestCall.total && label.turns + (toEnd[state] ?? 0) < bestCall.turns)
    )
      return true;
    if (
      (critical || criticalAhead[state] === 1) &&
      (bestWithCritical === null || Math.min(CRITICAL_CAP, high) > bestWithCritical.total)
    )
      return true;
    return (
      label.turns + (toGood[state] ?? 0) === shortestGoodTurns &&
      (shortestGood === null || high > shortestGood.total)
    );
  };
  /** Whether a partial call at `state` can still change the worst, or the worst clean call. */
  const keepForWorst = (state: number, group: number, label: Label): boolean => {
    const future = futureStake[state] ?? 0;
    const apologised = stepsOf(Math.floor(group / 4)).apologised;
    const raw =
      round2(tipPoints(label.earned, label.stake + future)) +
      (endLow[state] ?? 0) -
      label.penalty -
      (futurePenalty[state] ?? 0) -
      (apologised ? 0 : PENALTY_POINTS.skippedApology);
    const low = Math.min(CRITICAL_CAP, Math.max(0, Math.round(raw - 0.05)));
    if (
      worstCall === null ||
      low < worstCall.total ||
      (low === worstCall.total && label.turns + (toEnd[state] ?? 0) < worstCall.turns)
    )
      return true;
    const clean = (group & 1) !== 0 && (group & 2) === 0;
    return clean && (worstClean === null || low < worstClean.total);
  };

  // First candidates: follow the rough scores from the start, for the best and for the worst.
  for (const [edgeOf, forBest] of [
    [roughHighEdge, true],
    [roughLowEdge, false],
  ] as const) {
    let label = root;
    let group = rootGroup;
    for (let state = 0; (edgeOf[state] ?? -1) >= 0;) {
      const edge = edgeOf[state] ?? 0;
      const score = scoreOf(edge);
      group = groupOf(
        stepsCodeAfter(Math.floor(group / 4), score.step),
        (group & 2) !== 0 || score.critical,
        (group & 1) !== 0 && score.clean,
      );
      const to = graph.edgeTo[edge] ?? 0;
      if ((graph.node[to] ?? 0) >= graph.firstEnding) {
        finish(edge, group, label, score, forBest);
        break;
      }
      label = new Label(
        label.earned + score.earned,
        label.stake + score.stake,
        label.penalty + score.penalty,
        label.turns + 1,
        label,
        edge,
      );
      state = to;
    }
  }

  for (const stateId of order) {
    if ((graph.node[stateId] ?? 0) >= graph.firstEnding) continue;
    const bestHere = best[stateId];
    const worstHere = worst[stateId];
    // No partial call worth keeping got here: nothing to carry on.
    if (!bestHere && !worstHere) continue;
    best[stateId] = undefined;
    worst[stateId] = undefined;
    for (
      let edge = graph.edgeStart[stateId] ?? 0;
      edge < (graph.edgeStart[stateId + 1] ?? 0);
      edge += 1
    ) {
      const to = graph.edgeTo[edge] ?? 0;
      const score = scoreOf(edge);
      const intoEnding = (graph.node[to] ?? 0) >= graph.firstEnding;
      for (const [here, into, better, forBest, keep] of [
        [bestHere, best, betterForBest, true, keepForBest],
        [worstHere, worst, betterForWorst, false, keepForWorst],
      ] as const) {
        if (!here) continue;
        const fronts = intoEnding ? undefined : (into[to] ?? new Map<number, Label[]>());
        for (const [group, front] of here) {
          const code = stepsCodeAfter(Math.floor(group / 4), score.step);
          const next = groupOf(
            code,
            (group & 2) !== 0 || score.critical,
            (group & 1) !== 0 && score.clean,
          );
          // Into an ending: the call is complete, so it is scored now and never stored.
          if (intoEnding || !fronts) {
            for (const label of front)
              if (keep(stateId, group, label)) finish(edge, next, label, score, forBest);
            continue;
          }
          let target = fronts.get(next);
          for (const label of front) {
            const extended = new Label(
              label.earned + score.earned,
              label.stake + score.stake,
              label.penalty + score.penalty,
              label.turns + 1,
              label,
              edge,
            );
            if (!keep(to, next, extended)) continue;
            // Fronts are made only for states and groups a kept call reaches.
            if (!target) {
              target = [];
              fronts.set(next, target);
              into[to] = fronts;
            }
            if (insert(target, extended, better)) labels += 1;
          }
        }
      }
    }
  }
  return {
    best: spelt(bestCall),
    worst: spelt(worstCall),
    shortestGood: spelt(shortestGood),
    bestWithCritical: spelt(bestWithCritical),
    worstClean: spelt(worstClean),
    labels,
  };
}
