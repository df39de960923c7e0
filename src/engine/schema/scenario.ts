import * as z from 'zod';
import { TIP_EVIDENCE_MAX, TIP_EVIDENCE_MIN, TIP_IDS } from '../model/tips.ts';
import { STEP_IDS } from '../model/steps.ts';
import { LOCALE_IDS } from '../model/locales.ts';
import { PRINCIPLE_IDS } from '../model/principles.ts';
import { CRITICAL_ERROR_IDS } from '../model/critical.ts';
import { textSchema } from './text.ts';

/** Ids of nodes, endings and choices: transcripts refer to them, so they must stay stable. */
export const ID_PATTERN = /^[A-Za-z][A-Za-z0-9_-]*$/;
/** Flags appear inside conditions, where `-` would read as an operator. */
export const FLAG_PATTERN = /^[A-Za-z][A-Za-z0-9_]*$/;
/** Scenario and drill ids are kebab-case, as in file names. */
export const KEBAB_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

import { CHANNELS, OUTCOMES, SEED_DOCS } from '../model/vocabulary.ts';

const id = (what: string, example: string) =>
  z
    .string()
    .regex(ID_PATTERN, {
      message: `${what} must start with a letter and use only letters, digits, - and _`,
    })
    .meta({ description: `The id of ${what}.`, examples: [example] });

const meterValue = z.int().min(0).max(100);
const meterDelta = z.int().min(-100).max(100);

export const conditionSchema = z
  .string()
  .min(1)
  .meta({
    description:
      'A condition on meters and flags: anger, trust, patience, cost and turns compared with a number; flags by name; and, or, not, parentheses.',
    examples: ['anger < 40 and trust >= 50'],
  });

const meterDeltasSchema = z
  .strictObject({
    anger: meterDelta.optional(),
    trust: meterDelta.optional(),
    patience: meterDelta.optional(),
  })
  .meta({
    description: 'Changes to the meters (−100…100 each).',
    examples: [{ anger: -10, trust: 5 }],
  });

const tipsSchema = z
  .partialRecord(z.enum(TIP_IDS), z.int().min(TIP_EVIDENCE_MIN).max(TIP_EVIDENCE_MAX))
  .meta({
    description: 'Evidence for (+) or against (−) each of the ten tips, −3…3 (see the rubric).',
    examples: [{ tolerance: 1, softVoice: 1 }],
  });

const flagsSchema = z
  .record(
    z.string().regex(FLAG_PATTERN, {
      message: 'a flag must start with a letter and use only letters, digits and _',
    }),
    z.boolean(),
  )
  .meta({
    description: 'Flags to set or clear, read later by conditions.',
    examples: [{ promisedRefund: true }],
  });

export const nextSchema = z
  .union([
    id('the node or ending to go to', 'apology'),
    z
      .array(
        z.strictObject({
          if: conditionSchema.optional(),
          goto: id('the node or ending to go to', 'apology'),
        }),
      )
      .min(1)
      .meta({
        description: 'Routes tried in order; the last one has no `if`.',
        examples: [[{ if: 'anger >= 90', goto: 'escalated' }, { goto: 'apology' }]],
      }),
  ])
  .meta({
    description:
      'Where the call goes next: a node or ending id, or a list of { if, goto } tried in order.',
    examples: ['apology'],
  });

export const choiceSchema = z.strictObject({
  id: id('this choice (unique in the scenario)', 'listen'),
  text: textSchema.meta({
    description: "What the trainee says, or a bracketed action such as [listen, say 'mm-hm'].",
  }),
  tips: tipsSchema.optional(),
  meters: meterDeltasSchema.optional(),
  step: z
    .enum(STEP_IDS)
    .optional()
    .meta({ description: 'Which of the four steps this answer performs.' }),
  explains: z.boolean().optional().meta({
    description:
      'True when the answer explains, corrects or argues. For readers only: at a vent node every answer without `step: vent` is an interruption anyway.',
  }),
  cost: z
    .number()
    .min(0)
    .optional()
    .meta({ description: 'Compensation given, in the scenario currency.' }),
  critical: z.enum(CRITICAL_ERROR_IDS).optional().meta({
    description:
      'A critical error this answer commits (caps the call at grade C): needlessData, unkeepablePromise, judgesCustomer, arguesWhoIsRight, overCompensation or passesTheBuck.',
  }),
  set: flagsSchema.optional(),
  when: conditionSchema
    .optional()
    .meta({ description: 'Offer this choice only when the condition holds.' }),
  reply: textSchema.optional().meta({ description: "The customer's immediate reaction." }),
  feedback: textSchema.meta({
    description: 'Why this answer is good or bad, tied to a tip or principle.',
  }),
  principle: z
    .enum(PRINCIPLE_IDS)
    .optional()
    .meta({ description: 'The article principle the debrief quotes.' }),
  next: nextSchema,
});

export const silenceSchema = z
  .strictObject({
    meters: meterDeltasSchema.optional(),
    tips: tipsSchema.optional(),
    reply: textSchema.optional(),
    feedback: textSchema.optional(),
    deadAir: z.boolean().optional().meta({
      description:
        'false when silence here is a natural pause (the customer is busy, reading something out): no dead-air penalty. Default true.',
    }),
    next: nextSchema
      .optional()
      .meta({ description: 'Where silence leads; the same node when left out.' }),
  })
  .meta({ description: 'What happens when the answer time runs out.' });

export const nodeSchema = z.strictObject({
  step: z.enum(STEP_IDS).meta({ description: 'The step of the call this moment belongs to.' }),
  say: textSchema.meta({ description: 'What the customer says.' }),
  timeLimit: z.number().min(3).max(120).optional().meta({ description: 'Answer time in seconds.' }),
  onSilence: silenceSchema.optional(),
  choices: z.array(choiceSchema).min(2).max(4).meta({ description: 'Two to four answers.' }),
});

export const endingSchema = z.strictObject({
  outcome: z.enum(OUTCOMES).meta({ description: 'good, partial or bad.' }),
  title: textSchema
    .optional()
    .meta({ description: 'A short name for the ending, shown in the debrief.' }),
  say: textSchema.meta({ description: "The customer's closing line." }),
  wordOfMouth: z
    .int()
    .min(-100)
    .max(100)
    .meta({
      description:
        'People the customer tells: about +5 when pleased, about −25 when unhappy (document 000).',
      examples: [-25],
    }),
});

const limitSchema = (meter: string, at: number, example: string) =>
  z
    .strictObject({
      at: meterValue
        .optional()
        .meta({ description: `The ${meter} value that ends the call (default ${at}).` }),
      ending: id('the ending this limit leads to', example),
    })
    .meta({ description: `What ends the call when ${meter} reaches its limit.` });

export const scenarioSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: z
      .string()
      .regex(KEBAB_PATTERN, { message: 'the scenario id must be kebab-case' })
      .meta({
        description: 'kebab-case, unique across the library.',
        examples: ['phone-card-billing'],
      }),
    version: z
      .int()
      .min(1)
      .meta({ description: 'Bump on any change that alters scoring.', examples: [1] }),
    title: textSchema.meta({
      description: 'The name of the call.',
      examples: [{ en: 'Charged twice', 'zh-Hans': '重复扣款' }],
    }),
    summary: textSchema.meta({
      description: 'One or two sentences shown on the scenario card.',
      examples: [
        {
          en: 'A customer was charged twice for one order.',
          'zh-Hans': '一位顾客的同一笔订单被扣了两次款。',
        },
      ],
    }),
    source: z
      .strictObject({
        doc: z.enum(SEED_DOCS).meta({ description: 'The seed article number.', examples: ['001'] }),
        section: z
          .string()
          .min(1)
          .meta({ description: 'The heading it comes from.', examples: ['四、平息顧客的不滿'] }),
      })
      .meta({
        description: 'The seed article and section this call is taken from.',
        examples: [{ doc: '001', section: '四、平息顧客的不滿' }],
      }),
    channel: z.enum(CHANNELS).meta({ description: 'phone, chat or counter.', examples: ['phone'] }),
    difficulty: z
      .int()
      .min(1)
      .max(5)
      .meta({ examples: [2] }),
    locales: z
      .array(z.enum(LOCALE_IDS))
      .min(1)
      .meta({ examples: [['en', 'zh-Hans']] }),
    customer: z
      .strictObject({
        name: textSchema.meta({
          description: "The customer's name.",
          examples: [{ en: 'Ms Li', 'zh-Hans': '李女士' }],
        }),
        persona: textSchema.meta({
          description: 'Who they are and how they feel, for the trainee.',
          examples: [
            { en: 'A busy accountant, furious.', 'zh-Hans': '一位忙碌的会计，非常生气。' },
          ],
        }),
        voice: z
          .strictObject({
            pitch: z.number().min(0.5).max(2).meta({ description: '1 is neutral.' }),
          })
          .optional(),
        portrait: z
          .strictObject({
            skin: z.int().min(0).max(5).optional(),
            hair: z.int().min(0).max(5).optional(),
            age: z.enum(['young', 'adult', 'senior']).optional(),
            glasses: z.boolean().optional(),
          })
          .optional()
          .meta({ description: 'Parameters for the drawn customer.' }),
      })
      .meta({
        description: 'Who is calling.',
        examples: [
          {
            name: { en: 'Ms Li', 'zh-Hans': '李女士' },
            persona: { en: 'Busy and furious.', 'zh-Hans': '很忙，非常生气。' },
          },
        ],
      }),
    focus: z
      .array(z.enum(TIP_IDS))
      .min(1)
      .max(4)
      .meta({
        description: 'The tips this scenario trains most.',
        examples: [['tolerance', 'softVoice']],
      }),
    lesson: textSchema.meta({
      description: 'The one sentence the debrief ends with, tied to the source.',
      examples: [
        {
          en: 'Let the customer vent before you explain anything.',
          'zh-Hans': '先让顾客发泄，再做解释。',
        },
      ],
    }),
    currency: z
      .string()
      .min(1)
      .optional()
      .meta({ examples: ['CNY'] }),
    loss: z
      .number()
      .min(0)
      .optional()
      .meta({
        description:
          'What the customer actually lost, in `currency`: compensation is measured against it (001 §五 3). Required when any choice has a `cost`.',
        examples: [40],
      }),
    goodwill: z
      .number()
      .min(0)
      .optional()
      .meta({
        description:
          "What the company's rules allow on top of the loss, as a goodwill gesture (001 §三 5). Spending more than loss + goodwill in one call is the critical error overCompensation. Default 0.",
        examples: [20],
      }),
    meters: z.strictObject({ anger: meterValue, trust: meterValue, patience: meterValue }).meta({
      description: 'Meter values when the call starts (0–100).',
      examples: [{ anger: 70, trust: 30, patience: 60 }],
    }),
    limits: z
      .strictObject({
        anger: limitSchema('anger', 100, 'escalated'),
        patience: limitSchema('patience', 0, 'hungUp'),
      })
      .meta({
        description: 'Which ending anger at 100 and patience at 0 lead to.',
        examples: [{ anger: { ending: 'escalated' }, patience: { ending: 'hungUp' } }],
      }),
    hesitation: z
      .strictObject({
        after: z.number().gt(0).lt(1).meta({
          description: 'Fraction of the answer time after which a reply counts as hesitant.',
        }),
        meters: meterDeltasSchema,
      })
      .optional()
      .meta({
        description:
          'How the customer reacts to a slow answer (default: after 0.6 of the time, patience −5).',
      }),
    timeLimit: z
      .number()
      .min(3)
      .max(120)
      .meta({ description: 'Default answer time in seconds.', examples: [20] }),
    start: id('the first node', 'open'),
    nodes: z.record(z.string().regex(ID_PATTERN), nodeSchema).meta({
      description: 'The moments of the call, by id (see the template in scenarios/README.md).',
      examples: [{ open: { step: 'vent', say: '…', choices: [] } }],
    }),
    endings: z.record(z.string().regex(ID_PATTERN), endingSchema).meta({
      description: 'How the call can end, by id.',
      examples: [{ hungUp: { outcome: 'bad', say: '…', wordOfMouth: -25 } }],
    }),
  })
  .meta({
    title: 'Service Dojo scenario',
    description: 'One angry-customer call, written by a trainer.',
  });

export type ScenarioInput = z.input<typeof scenarioSchema>;
export type ScenarioData = z.output<typeof scenarioSchema>;
export type ChoiceData = z.output<typeof choiceSchema>;
export type NodeData = z.output<typeof nodeSchema>;
export type EndingData = z.output<typeof endingSchema>;
export type NextData = z.output<typeof nextSchema>;
export type SilenceData = z.output<typeof silenceSchema>;
