/** The four steps of calming an unhappy customer, in the order seed 001 §四 prescribes. */
export const STEP_IDS = ['vent', 'apologise', 'ask', 'followUp'] as const;

export type StepId = (typeof STEP_IDS)[number];

export const Step = {
  vent: 'vent',
  apologise: 'apologise',
  ask: 'ask',
  followUp: 'followUp',
} as const satisfies Record<StepId, StepId>;

export const STEP_NAMES: Readonly<
  Record<StepId, { en: string; 'zh-Hans': string; 'zh-Hant': string }>
> = {
  vent: { en: 'Let them vent', 'zh-Hans': '让顾客发泄', 'zh-Hant': '讓顧客發泄' },
  apologise: { en: 'Apologise fully', 'zh-Hans': '充分道歉', 'zh-Hant': '充分道歉' },
  ask: { en: 'Ask their opinion', 'zh-Hans': '询问顾客的意见', 'zh-Hant': '詢問顧客的意見' },
  followUp: { en: 'Follow up', 'zh-Hans': '跟踪服务', 'zh-Hant': '跟蹤服務' },
};

/** Position of a step in the prescribed order (vent = 0 … followUp = 3). */
export function stepOrder(step: StepId): number {
  return STEP_IDS.indexOf(step);
}
