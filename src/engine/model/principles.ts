import type { LocalizedText } from './locales.ts';
import type { TipId } from './tips.ts';
import type { StepId } from './steps.ts';

/**
 * The principles the debrief quotes, each with the seed document and section it comes from.
 * Chinese is the article's own wording (Traditional as published, Simplified by us); English is ours.
 */
export interface Principle {
  readonly source: { readonly doc: string; readonly section: string };
  readonly text: LocalizedText;
}

export const PRINCIPLES = {
  ventBalloon: {
    source: { doc: '001', section: '四、平息顧客的不滿 1' },
    text: {
      en: "A customer's anger is like a balloon: let them vent, stay quiet and listen — but show you are engaged.",
      'zh-Hans': '顾客的愤怒就像充气的气球一样，当你给客户发泄后，他就没有愤怒了。',
      'zh-Hant': '顧客的憤怒就像充氣的氣球一樣，當你給客戶發泄後，他就沒有憤怒了。',
    },
  },
  apologyNotFault: {
    source: { doc: '001', section: '四、平息顧客的不滿 2' },
    text: {
      en: 'Apologise fully and restate the problem for them to confirm. An apology does not mean you did anything wrong; do not spend time arguing who was right.',
      'zh-Hans': '充分的道歉，让顾客知道你已经了解了他的问题。道歉并不意味着你做错了什么。',
      'zh-Hant': '充分的道歉，讓顧客知道你已經了解了他的問題。道歉並不意味著你做錯了什麼。',
    },
  },
  askOpinion: {
    source: { doc: '001', section: '四、平息顧客的不滿 3' },
    text: {
      en: 'Offer a solution, then ask what they think. If the request is acceptable, grant it quickly and cheerfully.',
      'zh-Hans':
        '你最好在提供了解决方案后再询问顾客的意见。如果顾客的要求可以接受，那最好的办法是迅速、愉快的完成。',
      'zh-Hant':
        '你最好在提供了解決方案後再詢問顧客的意見。如果顧客的要求可以接受，那最好的辦法是迅速、愉快的完成。',
    },
  },
  followUp: {
    source: { doc: '001', section: '四、平息顧客的不滿 4' },
    text: {
      en: 'Doing the first three steps makes you a good company; following up with the customer makes you an outstanding one.',
      'zh-Hans':
        '上面的三步都做了，表明你是一个优秀的公司，如果你继续跟踪顾客，你的公司是一个出类拔萃的公司。',
      'zh-Hant':
        '上面的三步都做了，表明你是一個優秀的公司，如果你繼續跟蹤顧客，你的公司是一個出類拔萃的公司。',
    },
  },
  trackUntilSatisfied: {
    source: { doc: '001', section: '二、處理好客戶投訴與抱怨的小技巧 7' },
    text: {
      en: 'Track the resolution until the customer says they are satisfied.',
      'zh-Hans': '跟踪处理结果的落实，直到客户答复满意为止。',
      'zh-Hant': '跟蹤處理結果的落實，直到客戶答復滿意為止。',
    },
  },
  logComplaint: {
    source: { doc: '001', section: '二、處理好客戶投訴與抱怨的小技巧 1' },
    text: {
      en: 'Log every complaint in the register and pass it on to the people who can act on it.',
      'zh-Hans': '接到客户投诉或抱怨的信息，在表格上记录下来，并及时将情况反映到相关领导人员手中。',
      'zh-Hant': '接到客戶投訴或抱怨的信息，在表格上記錄下來，並及時將情況反映到相關領導人員手中。',
    },
  },
  patience: {
    source: { doc: '001', section: '三、處理客戶抱怨與投訴的方法 1' },
    text: {
      en: 'Listen patiently; do not interrupt, do not criticise, let them pour it all out.',
      'zh-Hans': '要耐心地倾听客户的抱怨，不要轻易打断客户的叙述，还不要批评客户的不足。',
      'zh-Hant': '要耐心地傾聽客戶的抱怨，不要輕易打斷客戶的敘述，還不要批評客戶的不足。',
    },
  },
  smilingFace: {
    source: { doc: '001', section: '三、處理客戶抱怨與投訴的方法 2' },
    text: {
      en: "No one strikes a smiling face: a sincere, warm attitude lowers the customer's resistance.",
      'zh-Hans': '俗话说："怒者不打笑脸人"，态度谦和友好，会促使客户平解心绪。',
      'zh-Hant': '俗話說：「怒者不打笑臉人」，態度謙和友好，會促使客戶平解心緒。',
    },
  },
  sameDay: {
    source: { doc: '001', section: '三、處理客戶抱怨與投訴的方法 3' },
    text: {
      en: 'Act fast: it shows respect and sincerity and limits the damage — best to answer the same day.',
      'zh-Hans': '处理投诉和抱怨的动作快……最好当天给客户答复。',
      'zh-Hant': '處理投訴和抱怨的動作快……最好當天給客戶答覆。',
    },
  },
  fittingLanguage: {
    source: { doc: '001', section: '三、處理客戶抱怨與投訴的方法 4' },
    text: {
      en: 'Never match heated words; stay tactful even where the customer is unreasonable.',
      'zh-Hans':
        '如果客服人员与之针锋相对，势必恶化彼此关系……即使是客户存在不合理的地方，也不要过于冲动。',
      'zh-Hant':
        '如果客服人員與之針鋒相對，勢必惡化彼此關係……即使是客戶存在不合理的地方，也不要過於衝動。',
    },
  },
  compensation: {
    source: { doc: '001', section: '三、處理客戶抱怨與投訴的方法 5' },
    text: {
      en: "A little more compensation, material or an apology — always within the company's rules.",
      'zh-Hans': '这种补偿有可能是物质上赔偿，也可能是精神上的，如道歉等……当然，这点得按公司规定。',
      'zh-Hant': '這種補償有可能是物質上賠償，也可能是精神上的，如道歉等……當然，這點得按公司規定。',
    },
  },
  moreOptions: {
    source: { doc: '001', section: '三、處理客戶抱怨與投訴的方法 6' },
    text: {
      en: 'There are many ways to resolve a complaint besides apologies and payouts: offer more options.',
      'zh-Hans': '其实解决问题的办法有许多种。',
      'zh-Hant': '其實解決問題的辦法有許多種。',
    },
  },
  dontJudge: {
    source: { doc: '001', section: '五、原則一' },
    text: {
      en: 'Do not pass judgement on the customer: they came to you because they trust you can help.',
      'zh-Hans': '不要人为的给客户下判断。客户是因为信赖你，觉得你可以为他解决问题才向你求助的。',
      'zh-Hant': '不要人為的給客戶下判斷。客戶是因為信賴你，覺得你可以為他解決問題才向你求助的。',
    },
  },
  targetNotCause: {
    source: { doc: '001', section: '五、原則二' },
    text: {
      en: 'Put yourself in their place: you are only the target of their frustration, not its cause.',
      'zh-Hans': '换位思考，站在客户的立场上看问题……你只是他们的发泄对象，并不是你得罪了他们。',
      'zh-Hant': '換位思考，站在客戶的立場上看問題……你只是他們的發泄對象，並不是你得罪了他們。',
    },
  },
  earnBreakEven: {
    source: { doc: '001', section: '五、原則三' },
    text: {
      en: 'The money rule: let the company earn; else break even; else lose as little as possible.',
      'zh-Hans': '坚持以下的利益原则：让公司赚钱，不赚不赔，少赔为赚。',
      'zh-Hant': '堅持以下的利益原則：讓公司賺錢，不賺不賠，少賠為賺。',
    },
  },
  wordOfMouth: {
    source: { doc: '000', section: '心態篇 消極心態造成的負面影響' },
    text: {
      en: 'A pleased customer tells about 5 people; an unhappy one tells about 25. Good news stays home, bad news travels a thousand miles.',
      'zh-Hans':
        '平均一个客户会把正面的口碑告诉他的5个亲友，而会把负面的口碑告诉他的25个亲友——好事不出门，坏事传千里。',
      'zh-Hant':
        '平均一個客戶會把正面的口碑告訴他的5個親友，而會把負面的口碑告訴他的25個親友——好事不出門，壞事傳千里。',
    },
  },
  doctorNotPatient: {
    source: { doc: '000', section: '素質篇 心理素質要求 3' },
    text: {
      en: 'As the "doctor", you must not catch the "patient\'s" illness: control your own emotions first.',
      'zh-Hans': '作为"医生"首先不能被"病人"传染，要掌控和调节好自己的情绪。',
      'zh-Hant': '作為「醫生」首先不能被「病人」傳染，要掌控和調節好自己的情緒。',
    },
  },
  promiseLightly: {
    source: { doc: '000', section: '素質篇 品格素質要求 2' },
    text: {
      en: 'Do not promise lightly; once you have said it, do it.',
      'zh-Hans': '不轻易承诺，说了就要做到，追求诚信。',
      'zh-Hant': '不輕易承諾，說了就要做到，追求誠信。',
    },
  },
  toleranceVirtue: {
    source: { doc: '000', section: '素質篇 品格素質要求 1' },
    text: {
      en: 'Patience and tolerance are the virtues of an excellent service agent.',
      'zh-Hans': '忍耐与宽容是优秀客户服务人员的一种美德。',
      'zh-Hant': '忍耐與寬容是優秀客戶服務人員的一種美德。',
    },
  },
  takeResponsibility: {
    source: { doc: '000', section: '素質篇 品格素質要求 3' },
    text: {
      en: "Take responsibility: serving the customer is our duty, not someone else's.",
      'zh-Hans': '勇于承担责任。',
      'zh-Hant': '勇於承擔責任。',
    },
  },
  problemNotTone: {
    source: { doc: '002', section: '呼叫中心客戶服務心得1' },
    text: {
      en: "Listen to the customer's problem, not their tone; put the fire out instead of adding fuel.",
      'zh-Hans':
        '要认真倾听用户的问题而不是去关注用户的态度……防止因服务态度问题火上浇油引起用户更大的投诉。',
      'zh-Hant':
        '要認真傾聽用戶的問題而不是去關注用戶的態度……防止因服務態度問題火上燒油引起用戶更大的投訴。',
    },
  },
  shareTheWeight: {
    source: { doc: '002', section: '呼叫中心客戶服務心得1' },
    text: {
      en: 'A hard complaint can go to the supervisor: "if the sky falls, someone holds it up with you."',
      'zh-Hans':
        '每每遇到难以决定或影响较大的投诉时总少不了上级领导的帮忙和引导……"天塌下来有人一起扛着"。',
      'zh-Hant':
        '每每遇到難以決定或影響較大的投訴時總少不了上級領導的幫忙和引導……「天塌下來有人一起扛著」。',
    },
  },
  suggestNotCorrect: {
    source: { doc: '003', section: '1. 學會溝通' },
    text: {
      en: 'Even when you are right, do not tell the customer they are wrong. Say: "I have a suggestion — would you like to hear it?"',
      'zh-Hans':
        '即使你的观点是正确的，也不要直接指出来客户的观点是错误的……"我有一个建议你是否愿意去听一下？"',
      'zh-Hant':
        '即使你的觀點是正確的，也不要直接指出來客戶的觀點是錯誤的……「我有一個建議你是否願意去聽一下？」',
    },
  },
  realNeeds: {
    source: { doc: '003', section: '2. 了解客戶的想法和需求' },
    text: {
      en: 'Understand what the customer really needs, including what they have not said.',
      'zh-Hans': '了解到客户的一些潜在需求。',
      'zh-Hant': '了解到客戶的一些潛在需求。',
    },
  },
  thankComplaint: {
    source: { doc: '003', section: '3. 讓感恩代替憤怒' },
    text: {
      en: 'Replace anger with gratitude: thank the customer for pointing out what we did badly. Anger comes from coldness and buck-passing.',
      'zh-Hans':
        '被客户投诉，我们可以感谢客户指出我们做的还不够到位的地方……客户的愤怒往往起源于我们的冷漠和推诿。',
      'zh-Hant':
        '被客戶投訴，我們可以感謝客戶指出我們做的還不夠到位的地方……客戶的憤怒往往起源於我們的冷漠和推諉。',
    },
  },
  noNeedlessData: {
    source: { doc: '004', section: '浅谈客服人员的认知提升' },
    text: {
      en: 'A customer reporting a fault is already helping the company. Take the report you can act on; do not demand their name and number first.',
      'zh-Hans': '客户向企业反馈问题已经是在帮助企业成长，何必强求顾客实名制反馈信息呢？',
      'zh-Hant': '客戶向企業反饋問題已經是在幫助企業成長，何必強求顧客實名制反饋信息呢？',
    },
  },
  passItOn: {
    source: { doc: '004', section: '善于反馈' },
    text: {
      en: "Feedback is the core skill: even without the customer's details, a clear address passed inside the company gets the fault fixed.",
      'zh-Hans':
        '反馈能力是客服人员的基本功……即使没有详细的客户信息，但知道明确的地址，只要反馈到企业内部，企业肯定不会置之不理。',
      'zh-Hant':
        '反饋能力是客服人員的基本功……即使沒有詳細的客戶信息，但知道明確的地址，只要反饋到企業內部，企業肯定不會置之不理。',
    },
  },
  companyDoor: {
    source: { doc: '004', section: '企业之门' },
    text: {
      en: "The agent is the company's door: greet every visitor with a smile and professional knowledge, whoever they turn out to be.",
      'zh-Hans': '客服是笑脸相迎，耐心倾听……专业客服形象是企业的门面。',
      'zh-Hant': '客服是笑臉相迎，耐心傾聽……專業客服形象是企業的門面。',
    },
  },
} as const satisfies Record<string, Principle>;

export type PrincipleId = keyof typeof PRINCIPLES;

export const PRINCIPLE_IDS = Object.keys(PRINCIPLES) as PrincipleId[];

/** The principle the debrief quotes for a tip when a choice names none of its own. */
export const TIP_PRINCIPLE: Readonly<Record<TipId, PrincipleId>> = {
  smile: 'smilingFace',
  sweetWords: 'fittingLanguage',
  softVoice: 'problemNotTone',
  flexibleMind: 'moreOptions',
  fewerExcuses: 'apologyNotFault',
  tolerance: 'dontJudge',
  doMore: 'logComplaint',
  lessTemper: 'doctorNotPatient',
  actFast: 'sameDay',
  efficiency: 'noNeedlessData',
};

/** The principle behind each of the four steps. */
export const STEP_PRINCIPLE: Readonly<Record<StepId, PrincipleId>> = {
  vent: 'ventBalloon',
  apologise: 'apologyNotFault',
  ask: 'askOpinion',
  followUp: 'followUp',
};
