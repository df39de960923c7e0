/**
 * The ten tips of seed 001 §六 (客服人員須謹記十點建議), with stable ids used in scenario files,
 * transcripts and scorecards.
 */
export const TIP_IDS = [
  'smile',
  'sweetWords',
  'softVoice',
  'flexibleMind',
  'fewerExcuses',
  'tolerance',
  'doMore',
  'lessTemper',
  'actFast',
  'efficiency',
] as const;

export type TipId = (typeof TIP_IDS)[number];

/** Named ids, so code never spells a tip as a bare string. */
export const Tip = {
  smile: 'smile',
  sweetWords: 'sweetWords',
  softVoice: 'softVoice',
  flexibleMind: 'flexibleMind',
  fewerExcuses: 'fewerExcuses',
  tolerance: 'tolerance',
  doMore: 'doMore',
  lessTemper: 'lessTemper',
  actFast: 'actFast',
  efficiency: 'efficiency',
} as const satisfies Record<TipId, TipId>;

/** Display names: the article's own wording in Chinese, a plain English gloss. */
export const TIP_NAMES: Readonly<
  Record<TipId, { en: string; 'zh-Hans': string; 'zh-Hant': string }>
> = {
  smile: { en: 'Smile a little more', 'zh-Hans': '微笑露一点', 'zh-Hant': '微笑露一點' },
  sweetWords: {
    en: 'Speak a little more sweetly',
    'zh-Hans': '嘴巴甜一点',
    'zh-Hant': '嘴巴甜一點',
  },
  softVoice: { en: 'Speak a little more softly', 'zh-Hans': '说话轻一点', 'zh-Hant': '說話輕一點' },
  flexibleMind: {
    en: 'Think a little more flexibly',
    'zh-Hans': '脑筋活一点',
    'zh-Hant': '腦筋活一點',
  },
  fewerExcuses: { en: 'Make fewer excuses', 'zh-Hans': '理由少一点', 'zh-Hant': '理由少一點' },
  tolerance: { en: 'Be a little more tolerant', 'zh-Hans': '度量大一点', 'zh-Hant': '度量大一點' },
  doMore: { en: 'Do a little more', 'zh-Hans': '做事多一点', 'zh-Hant': '做事多一點' },
  lessTemper: {
    en: 'Keep your temper a little smaller',
    'zh-Hans': '脾气小一点',
    'zh-Hant': '脾氣小一點',
  },
  actFast: { en: 'Act a little faster', 'zh-Hans': '行动快一点', 'zh-Hant': '行動快一點' },
  efficiency: {
    en: 'Be a little more efficient',
    'zh-Hans': '效率高一点',
    'zh-Hant': '效率高一點',
  },
};

/** Evidence on one tip is an integer in this range (rubric.md: ±3 marks the turning point of a call). */
export const TIP_EVIDENCE_MIN = -3;
export const TIP_EVIDENCE_MAX = 3;
