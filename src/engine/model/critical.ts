import type { LocalizedText } from './locales.ts';
import type { PrincipleId } from './principles.ts';

/**
 * Critical errors: the auto-fail items of a call-centre QA scorecard. A call that commits one
 * cannot score above `CRITICAL_CAP`, however polite the rest of it was, and the debrief names the
 * error first with the article's own line.
 */
export const CRITICAL_ERROR_IDS = [
  'needlessData',
  'unkeepablePromise',
  'judgesCustomer',
  'arguesWhoIsRight',
  'overCompensation',
  'passesTheBuck',
] as const;

export type CriticalErrorId = (typeof CRITICAL_ERROR_IDS)[number];

export const CriticalError = {
  needlessData: 'needlessData',
  unkeepablePromise: 'unkeepablePromise',
  judgesCustomer: 'judgesCustomer',
  arguesWhoIsRight: 'arguesWhoIsRight',
  overCompensation: 'overCompensation',
  passesTheBuck: 'passesTheBuck',
} as const satisfies Record<CriticalErrorId, CriticalErrorId>;

/** The highest total a call with a critical error can score: grade C at best. */
export const CRITICAL_CAP = 74;

/** What each critical error is, in the trainee's words, and the principle the debrief quotes. */
export const CRITICAL_ERRORS: Readonly<
  Record<CriticalErrorId, { readonly name: LocalizedText; readonly principle: PrincipleId }>
> = {
  needlessData: {
    name: {
      en: 'Demanded personal data the case did not need',
      'zh-Hans': '索要了处理问题并不需要的个人信息',
      'zh-Hant': '索要了處理問題並不需要的個人信息',
    },
    principle: 'noNeedlessData',
  },
  unkeepablePromise: {
    name: {
      en: 'Made a promise that cannot be kept',
      'zh-Hans': '做出了兑现不了的承诺',
      'zh-Hant': '做出了兌現不了的承諾',
    },
    principle: 'promiseLightly',
  },
  judgesCustomer: {
    name: {
      en: 'Judged or blamed the customer',
      'zh-Hans': '评判或指责了顾客',
      'zh-Hant': '評判或指責了顧客',
    },
    principle: 'dontJudge',
  },
  arguesWhoIsRight: {
    name: {
      en: 'Argued about who is right',
      'zh-Hans': '和顾客争论谁对谁错',
      'zh-Hant': '和顧客爭論誰對誰錯',
    },
    principle: 'suggestNotCorrect',
  },
  overCompensation: {
    name: {
      en: 'Gave away more than the customer lost',
      'zh-Hans': '补偿超出了顾客的实际损失',
      'zh-Hant': '補償超出了顧客的實際損失',
    },
    principle: 'earnBreakEven',
  },
  passesTheBuck: {
    name: {
      en: 'Passed the buck',
      'zh-Hans': '推卸责任、踢皮球',
      'zh-Hant': '推卸責任、踢皮球',
    },
    principle: 'thankComplaint',
  },
};
