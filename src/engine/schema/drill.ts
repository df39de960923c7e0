import * as z from 'zod';
import { KEBAB_PATTERN } from './scenario.ts';
import { textSchema } from './text.ts';

export const DRILL_ORDERS = ['inOrder', 'shuffled'] as const;

/**
 * How a drill's answers are shuffled: `player` gives every call its own order; `team` gives the
 * whole team the same order for each scenario (one seed per drill), so they face the same call.
 */
export const ANSWER_ORDERS = ['player', 'team'] as const;
export type AnswerOrder = (typeof ANSWER_ORDERS)[number];
export const AnswerOrder = { player: 'player', team: 'team' } as const satisfies Record<
  AnswerOrder,
  AnswerOrder
>;

/** A drill: scenarios played in a row by a team, for a leaderboard. */
export const drillSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: z
      .string()
      .regex(KEBAB_PATTERN, { message: 'the drill id must be kebab-case' })
      .meta({ examples: ['new-hire-week-one'] }),
    title: textSchema,
    summary: textSchema.optional(),
    scenarios: z
      .array(z.string().regex(KEBAB_PATTERN))
      .min(1)
      .meta({
        description: 'Scenario ids, played in this order unless shuffled.',
        examples: [['tutorial-first-call']],
      }),
    order: z.enum(DRILL_ORDERS).meta({ description: 'inOrder, or shuffled with the seed.' }),
    seed: z
      .int()
      .min(0)
      .optional()
      .meta({ description: 'Seed for the shuffle, so every player gets the same order.' }),
    timers: z.boolean().meta({ description: 'Answer timers on or off.' }),
    answerOrder: z.enum(ANSWER_ORDERS).default(AnswerOrder.player).meta({
      description:
        'player: each call shuffles the answers anew (default); team: everyone sees the same order for each scenario.',
    }),
    attempts: z
      .int()
      .min(1)
      .max(10)
      .meta({ description: 'How many times a player may submit each scenario.' }),
  })
  .meta({ title: 'Service Dojo drill' });

export type DrillData = z.output<typeof drillSchema>;
