/**
 * The game's own words (scenario text comes from the scenarios). Simplified and Traditional are
 * both written here: the UI is small, and the converter never ships to players.
 */
export const en = {
  title: 'Service Dojo',
  tagline: 'Calm the angry customer. Learn the four steps and the ten tips.',
  chooseCall: 'Choose a call',
  difficulty: 'Difficulty',
  channel: { phone: 'Phone', chat: 'Chat', counter: 'Counter' },
  startHint: 'Click a call or press its number · L: language · T: answer timers {{timers}}',
  on: 'on',
  off: 'off',
  meters: { anger: 'Anger', trust: 'Trust', patience: 'Patience' },
  answerWith: 'Answer with 1–{{count}}, or click',
  silence: '[You said nothing.]',
  continueHint: 'Click or press Space to continue',
  debrief: 'Debrief',
  outcome: { good: 'Resolved', partial: 'Partly resolved', bad: 'Lost the customer' },
  wordOfMouthGood: 'Pleased customers tell about {{count}} people.',
  wordOfMouthBad: 'She will tell about {{count}} people about this.',
  wordOfMouthNone: 'Nobody will hear about this call.',
  components: {
    tips: 'Ten tips',
    steps: 'Four steps',
    outcome: 'Outcome',
    compensation: 'Compensation',
    meters: 'Final mood',
  },
  backHint: 'Enter: back to the calls · R: try again',
  lesson: 'Lesson',
} as const;

type Messages = {
  readonly [K in keyof typeof en]: (typeof en)[K] extends string
    ? string
    : { readonly [J in keyof (typeof en)[K]]: string };
};

export const zhHans: Messages = {
  title: '客服道场',
  tagline: '平息顾客的怒气，练熟四个步骤和十点建议。',
  chooseCall: '选择一通来电',
  difficulty: '难度',
  channel: { phone: '电话', chat: '在线', counter: '柜台' },
  startHint: '点击来电或按数字键 · L：切换语言 · T：答题计时{{timers}}',
  on: '开',
  off: '关',
  meters: { anger: '怒气', trust: '信任', patience: '耐心' },
  answerWith: '按 1–{{count}} 或点击作答',
  silence: '【你没有说话。】',
  continueHint: '点击或按空格继续',
  debrief: '复盘',
  outcome: { good: '圆满解决', partial: '部分解决', bad: '失去了这位顾客' },
  wordOfMouthGood: '满意的顾客会告诉大约 {{count}} 个人。',
  wordOfMouthBad: '她会把这件事告诉大约 {{count}} 个人。',
  wordOfMouthNone: '这通电话不会传出去。',
  components: {
    tips: '十点建议',
    steps: '四个步骤',
    outcome: '结果',
    compensation: '补偿',
    meters: '最终情绪',
  },
  backHint: 'Enter：返回来电列表 · R：再试一次',
  lesson: '要点',
};

export const zhHant: Messages = {
  title: '客服道場',
  tagline: '平息顧客的怒氣，練熟四個步驟和十點建議。',
  chooseCall: '選擇一通來電',
  difficulty: '難度',
  channel: { phone: '電話', chat: '線上', counter: '櫃檯' },
  startHint: '點擊來電或按數字鍵 · L：切換語言 · T：答題計時{{timers}}',
  on: '開',
  off: '關',
  meters: { anger: '怒氣', trust: '信任', patience: '耐心' },
  answerWith: '按 1–{{count}} 或點擊作答',
  silence: '【你沒有說話。】',
  continueHint: '點擊或按空白鍵繼續',
  debrief: '覆盤',
  outcome: { good: '圓滿解決', partial: '部分解決', bad: '失去了這位顧客' },
  wordOfMouthGood: '滿意的顧客會告訴大約 {{count}} 個人。',
  wordOfMouthBad: '她會把這件事告訴大約 {{count}} 個人。',
  wordOfMouthNone: '這通電話不會傳出去。',
  components: {
    tips: '十點建議',
    steps: '四個步驟',
    outcome: '結果',
    compensation: '補償',
    meters: '最終情緒',
  },
  backHint: 'Enter：返回來電列表 · R：再試一次',
  lesson: '要點',
};
