import XAPI from '@xapi/xapi';
import type { Actor, Context, Statement } from '@xapi/xapi';
import { TIP_IDS, TipStatus, textFor } from '../../engine/index.ts';
import type { Scenario, Scorecard } from '../../engine/index.ts';
import { ChoiceResult } from '../../game/reporting.ts';
import type { ChoiceMade } from '../../game/reporting.ts';
import { isoDuration } from '../time-format.ts';

/** A statement with the id it was given when made: kept with it until the LRS has it. */
export type IdentifiedStatement = Statement & { readonly id: string };

/** Extension IRIs of ours (xAPI wants IRIs; these name no web page). */
export const Extension = {
  /** On a call's statement: the ten tips' percentages (null when not assessed). */
  tips: 'urn:service-dojo:xapi:extension:tips',
  /** On an answer's statement: the engine's result, neutral included (xAPI `success` has no neutral). */
  choiceResult: 'urn:service-dojo:xapi:extension:choice-result',
  /** On an answer's statement: the turn in the call, from 1. */
  turn: 'urn:service-dojo:xapi:extension:turn',
} as const;

/** Activity ids under the course's IRI: a scenario, and a node (the question) in it. */
export const activityIds = {
  scenario: (course: string, scenarioId: string) => `${course}/scenarios/${scenarioId}`,
  node: (course: string, scenarioId: string, nodeId: string) =>
    `${course}/scenarios/${scenarioId}/nodes/${nodeId}`,
};

/** Who and where: the learner, and the context every statement of the session shares. */
export interface StatementFrame {
  readonly actor: Actor;
  readonly courseId: string;
  readonly context: Context;
  readonly masteryScore: number;
  /** Made once per statement; `crypto.randomUUID` in the browser. */
  readonly uuid: () => string;
  readonly now: () => Date;
}

function withParents(frame: StatementFrame, parents: readonly string[]): Context {
  const existing = frame.context.contextActivities ?? {};
  return {
    ...frame.context,
    contextActivities: {
      ...existing,
      parent: parents.map((id) => ({ objectType: 'Activity' as const, id })),
      grouping: [
        ...(Array.isArray(existing.grouping) ? existing.grouping : []),
        { objectType: 'Activity' as const, id: frame.courseId },
      ],
    },
  };
}

/**
 * "answered" for one answer: the node as a choice interaction, the response (choice id, or
 * `silence`), success from the engine's result (left out when neutral) and the answer time.
 */
export function answeredStatement(frame: StatementFrame, report: ChoiceMade): IdentifiedStatement {
  const { scenario, nodeId, event } = report;
  const node = scenario.nodes[nodeId];
  const scenarioActivity = activityIds.scenario(frame.courseId, scenario.id);
  return {
    id: frame.uuid(),
    actor: frame.actor,
    verb: XAPI.Verbs.ANSWERED,
    object: {
      objectType: 'Activity',
      id: activityIds.node(frame.courseId, scenario.id, nodeId),
      definition: {
        type: 'http://adlnet.gov/expapi/activities/cmi.interaction',
        name: { 'en-US': node ? textFor(node.say, 'en') : nodeId },
        interactionType: 'choice',
        choices: (node?.choices ?? []).map((choice) => ({
          id: choice.id,
          description: { 'en-US': textFor(choice.text, 'en') },
        })),
      },
    },
    result: {
      response: event.type === 'CHOOSE' ? event.choiceId : 'silence',
      ...(report.result === ChoiceResult.neutral
        ? {}
        : { success: report.result === ChoiceResult.correct }),
      duration: isoDuration(event.elapsedMs),
      extensions: { [Extension.choiceResult]: report.result, [Extension.turn]: report.turn + 1 },
    },
    context: withParents(frame, [scenarioActivity]),
    timestamp: frame.now().toISOString(),
  };
}

/** "completed" for a call: its score (scaled and raw), success against the mastery score, tips. */
export function callCompletedStatement(
  frame: StatementFrame,
  scenario: Scenario,
  scorecard: Scorecard,
  elapsedMs: number,
): IdentifiedStatement {
  const tips = Object.fromEntries(
    TIP_IDS.map((tip) => {
      const result = scorecard.tips[tip];
      return [tip, result.status === TipStatus.assessed ? result.percent : null];
    }),
  );
  return {
    id: frame.uuid(),
    actor: frame.actor,
    verb: XAPI.Verbs.COMPLETED,
    object: {
      objectType: 'Activity',
      id: activityIds.scenario(frame.courseId, scenario.id),
      definition: {
        type: 'http://adlnet.gov/expapi/activities/simulation',
        name: { 'en-US': textFor(scenario.title, 'en') },
        description: { 'en-US': textFor(scenario.summary, 'en') },
      },
    },
    result: {
      score: { scaled: scorecard.total / 100, raw: scorecard.total, min: 0, max: 100 },
      success: scorecard.total / 100 >= frame.masteryScore,
      completion: true,
      duration: isoDuration(elapsedMs),
      extensions: { [Extension.tips]: tips },
    },
    context: withParents(frame, [frame.courseId]),
    timestamp: frame.now().toISOString(),
  };
}
