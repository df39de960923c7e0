/**
 * The file a new draft starts from: a small, valid, bilingual call whose comments teach the
 * format (the full guide is scenarios/README.md). Kept valid by tests/unit/lab-template.test.ts.
 */
export const STARTER_TEMPLATE = `# A scenario is one call with one customer. Lines starting with # are comments.
# Press Ctrl+Space for suggestions; problems show in the gutter on the left.
id: my-first-call          # kebab-case, unique across the library
version: 1                 # bump on any change that alters scoring
title: { en: A late parcel, zh-Hans: 迟到的包裹 }
summary:
  en: A parcel promised for Monday has not arrived.
  zh-Hans: 说好周一送到的包裹还没到。
source: { doc: '001', section: 四、平息顧客的不滿 }   # the seed article it comes from
channel: phone             # phone, chat or counter
difficulty: 1              # 1 (easy) to 5
locales: [en, zh-Hans]     # every text needs these; zh-Hant is derived from zh-Hans
customer:
  name: { en: Mr Chen, zh-Hans: 陈先生 }
  persona: { en: Waiting at home all day., zh-Hans: 在家等了一整天。 }
focus: [tolerance, actFast]     # the tips this call trains most
lesson: { en: 'Listen first, then act fast.', zh-Hans: 先倾听，再快速行动。 }
meters: { anger: 60, trust: 30, patience: 60 }   # start values, 0–100
limits:
  anger: { ending: escalated }   # anger reaching 100 ends the call here
  patience: { ending: hungUp }   # patience reaching 0 ends it here
timeLimit: 20              # seconds to answer, unless a node says otherwise
start: open                # the first node

# Nodes: what the customer says, the step of the call, and 2–4 choices.
# Steps, in order: vent → apologise → ask → followUp.
nodes:
  open:
    step: vent
    say: { en: Where is my parcel?, zh-Hans: 我的包裹在哪儿？ }
    choices:
      - id: listen               # stable: transcripts refer to it
        text: { en: '[Listen] Mm-hm, go on.', zh-Hans: 【倾听】嗯，您说。 }
        step: vent               # the step this answer performs
        tips: { tolerance: 2 }   # evidence for (+) or against (−) a tip, −3…3
        meters: { anger: -15, trust: 10 }
        feedback: { en: Letting him vent first., zh-Hans: 先让他发泄。 }
        next: sorry              # a node or an ending
      - id: excuse
        text: { en: The courier is very busy., zh-Hans: 快递公司很忙。 }
        explains: true           # an explanation while the customer vents
        tips: { fewerExcuses: -2 }
        meters: { anger: 25 }
        feedback: { en: An excuse while he vents., zh-Hans: 他还在发泄时找理由。 }
        # A route list: tried in order, the last one has no condition.
        next: [{ if: anger >= 90, goto: escalated }, { goto: sorry }]
  sorry:
    step: apologise
    say: { en: I took a day off for this!, zh-Hans: 我为这个请了一天假！ }
    choices:
      - id: apologise
        text: { en: I'm so sorry you lost a day., zh-Hans: 让您白等一天，真的很抱歉。 }
        step: apologise
        tips: { sweetWords: 2 }
        meters: { anger: -20, trust: 20 }
        feedback: { en: A full apology., zh-Hans: 充分道歉。 }
        next: offer
      - id: not-us
        text: { en: That's the courier's fault., zh-Hans: 那是快递的问题。 }
        tips: { fewerExcuses: -3 }
        meters: { anger: 30, trust: -20 }
        feedback: { en: Passing the blame., zh-Hans: 推卸责任。 }
        next: offer
  offer:
    step: ask
    say: { en: So what now?, zh-Hans: 那现在怎么办？ }
    choices:
      - id: send-today
        text:
          en: I'll send a new one today. Would that suit you?
          zh-Hans: 我今天就给您重新发货，可以吗？
        step: ask
        tips: { actFast: 2 }
        meters: { anger: -20, trust: 20 }
        set: { promisedResend: true }   # a flag later conditions can read
        feedback: { en: 'A solution, then his opinion.', zh-Hans: 先给方案，再问意见。 }
        next: [{ if: promisedResend and trust >= 40, goto: followup }, { goto: resolved }]
      - id: wait-more
        text: { en: Please wait two more days., zh-Hans: 请再等两天。 }
        tips: { actFast: -2 }
        meters: { anger: 20, patience: -30 }
        feedback: { en: Nothing done., zh-Hans: 什么也没做。 }
        next: resolved
  followup:
    step: followUp
    say: { en: OK. Thanks., zh-Hans: 好，谢谢。 }
    choices:
      - id: call-back
        text: { en: I'll call tomorrow to check it came., zh-Hans: 我明天回电确认是否送到。 }
        step: followUp
        when: anger < 60         # only offered while this holds
        tips: { doMore: 2 }
        meters: { trust: 10 }
        feedback: { en: Follow-up., zh-Hans: 跟踪服务。 }
        next: resolvedWithFollowUp
      - id: bye
        text: { en: Bye., zh-Hans: 再见。 }
        tips: { doMore: -1 }
        feedback: { en: No follow-up., zh-Hans: 没有跟踪。 }
        next: resolved

# Endings: good, partial or bad, the closing line, and how many people hear of it.
endings:
  resolvedWithFollowUp: { outcome: good, say: { en: Thank you!, zh-Hans: 谢谢！ }, wordOfMouth: 5 }
  resolved: { outcome: partial, say: { en: Fine., zh-Hans: 行吧。 }, wordOfMouth: 0 }
  escalated: { outcome: bad, say: { en: Get me your manager!, zh-Hans: 叫你们经理来！ }, wordOfMouth: -25 }
  hungUp: { outcome: bad, say: { en: Forget it., zh-Hans: 算了。 }, wordOfMouth: -25 }
`;
