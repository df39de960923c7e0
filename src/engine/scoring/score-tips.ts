import { CallEventType } from '../compiler/types.ts';
import type { Choice, Scenario } from '../model/scenario.ts';
import { TIP_PRINCIPLE } from '../model/principles.ts';
import { TIP_IDS, Tip } from '../model/tips.ts';
import type { TipId } from '../model/tips.ts';
import type { TurnRecord } from '../replay/replay.ts';
import type { ScenarioAnalysis } from './analysis.ts';
import type { TurnCache } from './turn-cache.ts';
import { PointReason, SCORE_WEIGHTS, TipStatus } from './scorecard.ts';
import { tipPoints } from './parts.ts';
import type { ScorePoint, TipResult } from './scorecard.ts';

/** Silence is itself evidence: it is the opposite of acting fast. */
export const DEFAULT_SILENCE_TIPS: Readonly<Partial<Record<TipId, number>>> = { actFast: -2 };
/** An answer within this share of the time counts as fully prompt. */
const PROMPT_SHARE = 0.5;
/** Weight of the turns-against-shortest-path item in the efficiency tip. */
const TURNS_STAKE = 2;

/** One piece of tip evidence: how much was at stake and how much of it the trainee earned. */
export interface Evidence {
  readonly tip: TipId;
  readonly turn: number | null;
  readonly nodeId: string | null;
  readonly choiceId: string | null;
  readonly stake: number;
  readonly earned: number;
  readonly reason: PointReason;
  readonly principle: ScorePoint['principle'];
}

const exercisedCache = new WeakMap<Scenario, Map<boolean, ReadonlySet<TipId>>>();

/** Tips some choice (or silence) in the scenario carries evidence for, plus those measured. */
export function tipsExercised(scenario: Scenario, timed: boolean): ReadonlySet<TipId> {
  const cached = exercisedCache.get(scenario)?.get(timed);
  if (cached) return cached;
  const exercised = new Set<TipId>([Tip.efficiency]);
  if (timed) exercised.add(Tip.actFast);
  for (const node of Object.values(scenario.nodes)) {
    for (const tags of [...node.choices.map((choice) => choice.tips), node.onSilence?.tips]) {
      for (const [tip, value] of Object.entries(tags ?? {}) as [TipId, number][]) {
        if (value !== 0 && (tip !== Tip.actFast || timed)) exercised.add(tip);
      }
    }
  }
  const perTimed = exercisedCache.get(scenario) ?? new Map<boolean, ReadonlySet<TipId>>();
  perTimed.set(timed, exercised);
  exercisedCache.set(scenario, perTimed);
  return exercised;
}

/** For the choices on offer at a node: each tip on which they differ, with the best and worst tag. */
interface Stake {
  readonly tip: TipId;
  readonly best: number;
  readonly worst: number;
}

const stakeCache = new WeakMap<Scenario, Map<string, readonly Stake[]>>();

function stakesAt(
  scenario: Scenario,
  offered: readonly Choice[],
  nodeId: string,
): readonly Stake[] {
  // Most nodes have no `when`: then every choice is on offer and the node id is key enough.
  const all = offered.length === scenario.nodes[nodeId]?.choices.length;
  const key = all ? nodeId : `${nodeId}|${offered.map((choice) => choice.id).join(',')}`;
  let perScenario = stakeCache.get(scenario);
  const cached = perScenario?.get(key);
  if (cached) return cached;
  const stakes: Stake[] = [];
  for (const tip of TIP_IDS) {
    const values = offered.map((choice) => choice.tips?.[tip] ?? 0);
    const best = Math.max(...values);
    const worst = Math.min(...values);
    if (best > worst) stakes.push({ tip, best, worst });
  }
  if (!perScenario) {
    perScenario = new Map();
    stakeCache.set(scenario, perScenario);
  }
  perScenario.set(key, stakes);
  return stakes;
}

/** Evidence of one turn, from the caller's cache when it keeps one. */
function turnEvidence(
  scenario: Scenario,
  turn: TurnRecord,
  index: number,
  timed: boolean,
  cache: TurnCache | undefined,
): readonly Evidence[] {
  const hit = cache?.evidence.get(turn);
  if (hit) return hit;
  const evidence: Evidence[] = [];
  const node = scenario.nodes[turn.nodeId];
  if (node) {
    const offered = node.choices.filter((choice) => turn.offered.includes(choice.id));
    const event = turn.event;
    const chosen: Choice | undefined =
      event.type === CallEventType.choose
        ? node.choices.find((choice) => choice.id === event.choiceId)
        : undefined;
    const stakes = stakesAt(scenario, offered, turn.nodeId);
    if (chosen) {
      const chosenTags = chosen.tips ?? {};
      for (const { tip, best, worst } of stakes) {
        if (tip === Tip.actFast && !timed) continue;
        const stake = best - worst;
        const earned = Math.max(0, Math.min(stake, (chosenTags[tip] ?? 0) - worst));
        evidence.push({
          tip,
          turn: index,
          nodeId: turn.nodeId,
          choiceId: chosen.id,
          stake,
          earned,
          reason: PointReason.tipEvidence,
          principle: chosen.principle ?? TIP_PRINCIPLE[tip],
        });
      }
    } else {
      evidence.push(
        ...silenceEvidence(
          node.onSilence?.tips ?? DEFAULT_SILENCE_TIPS,
          offered,
          stakes,
          turn,
          index,
          timed,
        ),
      );
    }
    if (timed) {
      const share = chosen ? event.elapsedMs / turn.timeLimitMs : 1;
      const earned = share <= PROMPT_SHARE ? 1 : Math.max(0, (1 - share) / (1 - PROMPT_SHARE));
      evidence.push({
        tip: Tip.actFast,
        turn: index,
        nodeId: turn.nodeId,
        choiceId: chosen?.id ?? null,
        stake: 1,
        earned,
        reason: PointReason.answerTime,
        principle: TIP_PRINCIPLE.actFast,
      });
    }
  }
  cache?.evidence.set(turn, evidence);
  return evidence;
}

/**
 * Evidence of a silence: dead air is at least as bad as the worst answer on offer on every tip at
 * stake there, and it carries its own tags too (actFast −2 unless the node's onSilence says).
 */
function silenceEvidence(
  tags: Readonly<Partial<Record<TipId, number>>>,
  offered: readonly Choice[],
  stakes: readonly Stake[],
  turn: TurnRecord,
  index: number,
  timed: boolean,
): Evidence[] {
  const evidence: Evidence[] = [];
  for (const tip of TIP_IDS) {
    if (tip === Tip.actFast && !timed) continue;
    const own = tags[tip];
    const atStake = stakes.find((stake) => stake.tip === tip);
    if (!atStake && (own === undefined || own >= 0)) continue;
    const best = atStake?.best ?? Math.max(0, ...offered.map((choice) => choice.tips?.[tip] ?? 0));
    const worst = Math.min(atStake?.worst ?? best, own ?? Infinity);
    const stake = best - worst;
    if (stake <= 0) continue;
    evidence.push({
      tip,
      turn: index,
      nodeId: turn.nodeId,
      choiceId: null,
      stake,
      earned: Math.max(0, Math.min(stake, (own ?? worst) - worst)),
      reason: PointReason.tipEvidence,
      principle: TIP_PRINCIPLE[tip],
    });
  }
  return evidence;
}

export function turnsEvidence(
  analysis: ScenarioAnalysis,
  turns: number,
  outcome: string | null,
): Evidence {
  const ratio =
    analysis.shortestGoodTurns === null || turns === 0
      ? 1
      : Math.min(1, analysis.shortestGoodTurns / turns);
  const earned = outcome === 'good' || outcome === 'partial' ? ratio * TURNS_STAKE : 0;
  return {
    tip: Tip.efficiency,
    turn: null,
    nodeId: null,
    choiceId: null,
    stake: TURNS_STAKE,
    earned,
    reason: PointReason.turns,
    principle: TIP_PRINCIPLE.efficiency,
  };
}

/** The stake and the earned points of one turn's evidence, added in order. */
export function evidenceTotals(evidence: readonly Evidence[]): { stake: number; earned: number } {
  let stake = 0;
  let earned = 0;
  for (const item of evidence) {
    stake += item.stake;
    earned += item.earned;
  }
  return { stake, earned };
}

/** The tip evidence one turn carries (the explorer's search scores turns one at a time). */
export function turnTipTotals(
  scenario: Scenario,
  turn: TurnRecord,
  timed: boolean,
): { stake: number; earned: number } {
  return evidenceTotals(turnEvidence(scenario, turn, 0, timed, undefined));
}

const TIP_INDEX = Object.fromEntries(TIP_IDS.map((tip, index) => [tip, index])) as Record<
  TipId,
  number
>;
const NOT_ASSESSED: TipResult = { status: TipStatus.notAssessed, percent: null };
const NO_EVIDENCE: TipResult = { status: TipStatus.noEvidence, percent: null };

/**
 * The tips component: every piece of evidence places the answer between the worst and the best
 * option on offer, weighted by how much was at stake; the component is the share earned.
 * With `explain` off (the explorer scoring thousands of paths) no per-point details are built.
 */
export function scoreTips(
  scenario: Scenario,
  analysis: ScenarioAnalysis,
  turns: readonly TurnRecord[],
  outcome: string | null,
  timed: boolean,
  options: { explain: boolean; cache?: TurnCache | undefined } = { explain: true },
): { points: number; tips: Record<TipId, TipResult>; details: ScorePoint[] } {
  const evidenceOf = (index: number) =>
    turnEvidence(scenario, turns[index] as TurnRecord, index, timed, options.cache);
  const closing = outcome === null ? null : turnsEvidence(analysis, turns.length, outcome);
  // Sums per tip in plain arrays: this runs for every path the explorer scores.
  const stakeByTip = new Array<number>(TIP_IDS.length).fill(0);
  const earnedByTip = new Array<number>(TIP_IDS.length).fill(0);
  const add = (item: Evidence) => {
    const at = TIP_INDEX[item.tip];
    stakeByTip[at] = (stakeByTip[at] ?? 0) + item.stake;
    earnedByTip[at] = (earnedByTip[at] ?? 0) + item.earned;
  };
  for (let index = 0; index < turns.length; index += 1)
    for (const item of evidenceOf(index)) add(item);
  if (closing) add(closing);
  // Totals in call order, item by item, as the explorer's exact search adds them up.
  let totalStake = 0;
  let earnedTotal = 0;
  for (let index = 0; index < turns.length; index += 1) {
    const { stake, earned } = evidenceTotals(evidenceOf(index));
    totalStake += stake;
    earnedTotal += earned;
  }
  if (closing) {
    totalStake += closing.stake;
    earnedTotal += closing.earned;
  }
  const weight = totalStake > 0 ? SCORE_WEIGHTS.tips / totalStake : 0;
  const points = tipPoints(earnedTotal, totalStake);

  const exercised = tipsExercised(scenario, timed);
  const tips = {} as Record<TipId, TipResult>;
  TIP_IDS.forEach((tip, at) => {
    const stake = stakeByTip[at] ?? 0;
    tips[tip] = !exercised.has(tip)
      ? NOT_ASSESSED
      : stake === 0
        ? NO_EVIDENCE
        : { status: TipStatus.assessed, percent: (100 * (earnedByTip[at] ?? 0)) / stake };
  });
  if (!options.explain) return { points, tips, details: [] };

  const evidence = turns.flatMap((_, index) => evidenceOf(index));
  if (closing) evidence.push(closing);
  const details = evidence.map((item): ScorePoint => ({
    component: 'tips',
    reason: item.reason,
    turn: item.turn,
    nodeId: item.nodeId,
    choiceId: item.choiceId,
    tip: item.tip,
    won: item.earned * weight,
    lost: (item.stake - item.earned) * weight,
    principle: item.principle,
  }));
  return { points, tips, details };
}
