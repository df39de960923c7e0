import * as z from 'zod';

/**
 * A text field: one string for every locale, or a map with one string per locale.
 * `zh-Hant` may be left out: it is derived from `zh-Hans` at build time.
 */
export const textSchema = z
  .union([
    z.string().min(1),
    z
      .strictObject({
        en: z.string().min(1).optional(),
        'zh-Hans': z.string().min(1).optional(),
        'zh-Hant': z.string().min(1).optional(),
      })
      .meta({
        description: 'One string per locale; zh-Hant is derived from zh-Hans when left out.',
      }),
  ])
  .meta({
    description: 'Text in every locale the scenario declares: a plain string, or { en, zh-Hans }.',
    examples: [{ en: 'I have been waiting for an hour!', 'zh-Hans': '我已经等了一个小时了！' }],
  });

export type TextInput = z.input<typeof textSchema>;
