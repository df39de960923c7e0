import {
  CRITICAL_ERRORS,
  CallEventType,
  PRINCIPLES,
  STEP_IDS,
  STEP_NAMES,
  TIP_IDS,
  TIP_NAMES,
  TipStatus,
  replay,
  replayEvents,
  stepOrder,
  textFor,
} from '../../engine/index.ts';
import type {
  CallEvent,
  LocaleId,
  PrincipleId,
  Scenario,
  Scorecard,
  StepId,
  TipId,
  Transcript,
} from '../../engine/index.ts';

/** One spoke of the ten-tip radar: a percentage, or null when the tip was not assessed. */
export interface RadarSpoke {
  readonly tip: TipId;
  readonly name: string;
  readonly percent: number | null;
}

/** One of the four steps: where it was first performed, and whether it came in order. */
export interface StepMark {
  readonly step: StepId;
  readonly name: string;
  /** 1-based turn, or null when never performed. */
  readonly turn: number | null;
  readonly inOrder: boolean;
}

/** One turn of the call, annotated for the debrief. */
export interface AnnotatedTurn {
  readonly index: number;
  readonly customer: string;
  /** What the trainee said, or null for silence. */
  readonly answer: string | null;
  readonly feedback: string | null;
  readonly won: number;
  readonly lost: number;
  /** The principle behind the biggest loss (else the biggest gain), quoted in the locale. */
  readonly principle: { readonly text: string; readonly source: string } | null;
  /** What the best path says at the same node, when it differs from the trainee's answer. */
  readonly bestAnswer: string | null;
  /** The critical error this answer committed, named in the locale, or null. */
  readonly critical: string | null;
}

/** The call's first critical error, which the debrief names before anything else. */
export interface CriticalSummary {
  readonly name: string;
  /** 1-based turn. */
  readonly turn: number;
  readonly cap: number;
  readonly principle: { readonly text: string; readonly source: string };
}

export interface DebriefModel {
  readonly radar: readonly RadarSpoke[];
  readonly steps: readonly StepMark[];
  readonly turns: readonly AnnotatedTurn[];
  readonly interruptions: number;
  readonly critical: CriticalSummary | null;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

function principleQuote(id: PrincipleId, locale: LocaleId) {
  const principle = PRINCIPLES[id];
  return {
    text: textFor(principle.text, locale),
    source: `${principle.source.doc} ${principle.source.section}`,
  };
}

/**
 * What the debrief shows, from the engine's scorecard and the transcript: the radar of the ten
 * tips, the four steps with order marks, and every turn with its points and the principle behind
 * them, beside what the best path answers at the same node. Pure, so it is tested in Node.
 */
export function debriefModel(
  scenario: Scenario,
  scorecard: Scorecard,
  transcript: Transcript,
  bestEvents: readonly CallEvent[],
  locale: LocaleId,
): DebriefModel {
  const radar = TIP_IDS.map((tip) => {
    const result = scorecard.tips[tip];
    return {
      tip,
      name: TIP_NAMES[tip][locale],
      percent: result.status === TipStatus.assessed ? (result.percent ?? 0) : null,
    };
  });

  const performed = STEP_IDS.filter((step) => scorecard.steps.firstPerformed[step] !== null);
  const steps = STEP_IDS.map((step): StepMark => {
    const turn = scorecard.steps.firstPerformed[step];
    const earlierSteps = performed.filter((other) => stepOrder(other) < stepOrder(step));
    const inOrder =
      turn !== null &&
      earlierSteps.every((other) => (scorecard.steps.firstPerformed[other] ?? -1) < turn);
    return { step, name: STEP_NAMES[step][locale], turn: turn === null ? null : turn + 1, inOrder };
  });

  // The best path's answer at each node it passes through.
  const bestAt = new Map<string, string>();
  const bestReplay = replayEvents(scenario, transcript.timed, bestEvents);
  if (bestReplay.ok) {
    for (const turn of bestReplay.result.turns) {
      if (turn.event.type === CallEventType.choose && !bestAt.has(turn.nodeId))
        bestAt.set(turn.nodeId, turn.event.choiceId);
    }
  }

  const replayed = replay(scenario, transcript);
  const turns: AnnotatedTurn[] = [];
  if (replayed.ok) {
    replayed.result.turns.forEach((turn, index) => {
      const node = scenario.nodes[turn.nodeId];
      const event = turn.event;
      const choice =
        event.type === CallEventType.choose
          ? node?.choices.find((candidate) => candidate.id === event.choiceId)
          : undefined;
      const points = scorecard.points.filter((point) => point.turn === index);
      const won = points.reduce((sum, point) => sum + point.won, 0);
      const lost = points.reduce((sum, point) => sum + point.lost, 0);
      const key = [...points].sort((a, b) => b.lost - a.lost || b.won - a.won)[0];
      const bestChoiceId = bestAt.get(turn.nodeId);
      const bestChoice = node?.choices.find((candidate) => candidate.id === bestChoiceId);
      const silenceFeedback = node?.onSilence?.feedback;
      const hit = scorecard.criticalErrors.find((entry) => entry.turn === index);
      turns.push({
        index,
        customer: node ? textFor(node.say, locale) : '',
        answer: choice ? textFor(choice.text, locale) : null,
        feedback: choice
          ? textFor(choice.feedback, locale)
          : silenceFeedback
            ? textFor(silenceFeedback, locale)
            : null,
        won: round1(won),
        lost: round1(lost),
        principle: key ? principleQuote(choice?.principle ?? key.principle, locale) : null,
        bestAnswer:
          bestChoice && bestChoice.id !== choice?.id ? textFor(bestChoice.text, locale) : null,
        critical: hit ? textFor(CRITICAL_ERRORS[hit.error].name, locale) : null,
      });
    });
  }
  const [first] = scorecard.criticalErrors;
  const critical = first
    ? {
        name: textFor(CRITICAL_ERRORS[first.error].name, locale),
        turn: first.turn + 1,
        cap: scorecard.cap,
        principle: principleQuote(first.principle, locale),
      }
    : null;
  return { radar, steps, turns, interruptions: scorecard.steps.interruptions.length, critical };
}
