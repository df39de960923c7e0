import { CallEventType } from '../compiler/types.ts';
import type { Choice, Scenario } from '../model/scenario.ts';
import { TIP_PRINCIPLE } from '../model/principles.ts';
import { TIP_IDS, Tip } from '../model/tips.ts';
import type { TipId } from '../model/tips.ts';
import type { TurnRecord } from '../replay/replay.ts';
import type { ScenarioAnalysis } from './analysis.ts';
import { PointReason, SCORE_WEIGHTS, TipStatus } from './scorecard.ts';
import type { ScorePoint, TipResult } from './scorecard.ts';

/** Silence is itself evidence: it is the opposite of acting fast. */
export const DEFAULT_SILENCE_TIPS: Readonly<Partial<Record<TipId, number>>> = { actFast: -2 };
/** An answer within this share of the time counts as fully prompt. */
const PROMPT_SHARE = 0.5;
/** Weight of the turns-against-shortest-path item in the efficiency tip. */
const TURNS_STAKE = 2;

/** One piece of tip evidence: how much was at stake and how much of it the trainee earned. */
interface Evidence {
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
  const key = `${nodeId}|${offered.map((choice) => choice.id).join(',')}`;
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

function choiceEvidence(
  scenario: Scenario,
  turns: readonly TurnRecord[],
  timed: boolean,
): Evidence[] {
  const evidence: Evidence[] = [];
  turns.forEach((turn, index) => {
    const node = scenario.nodes[turn.nodeId];
    if (!node) return;
    const offered = node.choices.filter((choice) => turn.offered.includes(choice.id));
    const event = turn.event;
    const chosen: Choice | undefined =
      event.type === CallEventType.choose
        ? node.choices.find((choice) => choice.id === event.choiceId)
        : undefined;
    const chosenTags = chosen
      ? (chosen.tips ?? {})
      : (node.onSilence?.tips ?? DEFAULT_SILENCE_TIPS);
    for (const { tip, best, worst } of stakesAt(scenario, offered, turn.nodeId)) {
      if (tip === Tip.actFast && !timed) continue;
      const stake = best - worst;
      const earned = Math.max(0, Math.min(stake, (chosenTags[tip] ?? 0) - worst));
      evidence.push({
        tip,
        turn: index,
        nodeId: turn.nodeId,
        choiceId: chosen?.id ?? null,
        stake,
        earned,
        reason: PointReason.tipEvidence,
        principle: chosen?.principle ?? TIP_PRINCIPLE[tip],
      });
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
  });
  return evidence;
}

function turnsEvidence(
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

/**
 * The tips component: every piece of evidence places the answer between the worst and the best
 * option on offer, weighted by how much was at stake; the component is the share earned.
 */
export function scoreTips(
  scenario: Scenario,
  analysis: ScenarioAnalysis,
  turns: readonly TurnRecord[],
  outcome: string | null,
  timed: boolean,
): { points: number; tips: Record<TipId, TipResult>; details: ScorePoint[] } {
  const evidence = choiceEvidence(scenario, turns, timed);
  if (outcome !== null) evidence.push(turnsEvidence(analysis, turns.length, outcome));
  const totalStake = evidence.reduce((sum, item) => sum + item.stake, 0);
  const weight = totalStake > 0 ? SCORE_WEIGHTS.tips / totalStake : 0;
  const earnedTotal = evidence.reduce((sum, item) => sum + item.earned, 0);

  const exercised = tipsExercised(scenario, timed);
  const stakeByTip = new Map<TipId, { stake: number; earned: number }>();
  for (const item of evidence) {
    const sums = stakeByTip.get(item.tip) ?? { stake: 0, earned: 0 };
    sums.stake += item.stake;
    sums.earned += item.earned;
    stakeByTip.set(item.tip, sums);
  }
  const tips = {} as Record<TipId, TipResult>;
  for (const tip of TIP_IDS) {
    const sums = stakeByTip.get(tip);
    tips[tip] = !exercised.has(tip)
      ? { status: TipStatus.notAssessed, percent: null }
      : !sums || sums.stake === 0
        ? { status: TipStatus.noEvidence, percent: null }
        : { status: TipStatus.assessed, percent: (100 * sums.earned) / sums.stake };
  }
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
  return { points: totalStake > 0 ? earnedTotal * weight : SCORE_WEIGHTS.tips, tips, details };
}
