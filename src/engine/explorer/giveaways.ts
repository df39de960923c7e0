import { CallEventType } from '../compiler/types.ts';
import type { CallEvent } from '../compiler/types.ts';
import { Locale, textFor } from '../model/locales.ts';
import type { LocaleId } from '../model/locales.ts';
import type { Choice, Scenario } from '../model/scenario.ts';
import { Step } from '../model/steps.ts';
import { TIP_IDS } from '../model/tips.ts';
import { offeredChoices, startCall, stateOf, step } from '../replay/replay.ts';
import type { TurnRecord } from '../replay/replay.ts';
import { stateKey } from '../scoring/analysis.ts';
import { scoreCall } from '../scoring/score.ts';

/** The locales whose wording the give-away checks read: the ones trainers write. */
export const WORDING_LOCALES = [Locale.en, Locale.zhHans] as const;

/**
 * A way of answering that needs no judgment: always the same position, always the longest (or
 * shortest) answer, always the one that sounds most (or least) polite. None may reach more than
 * a low score: a file whose good answers are always the short, plain ones gives itself away too.
 */
export const Strategy = {
  position: 'position',
  longest: 'longest',
  shortest: 'shortest',
  politest: 'politest',
  plainest: 'plainest',
} as const;
export type Strategy = (typeof Strategy)[keyof typeof Strategy];

export interface StrategyResult {
  readonly strategy: Strategy;
  /** 1-based position in the file's order (position strategies), else null. */
  readonly position: number | null;
  /** The locale whose wording it reads (longest, politest), else null. */
  readonly locale: LocaleId | null;
  readonly total: number;
  readonly endingId: string | null;
}

/** Words that make an answer sound polite whatever it says: what a guesser would look for. */
const POLITE_MARKERS: Readonly<Record<(typeof WORDING_LOCALES)[number], RegExp>> = {
  en: /\b(please|sorry|apolog\w*|thank\w*|appreciat\w*|understand\w*|certainly|of course|kindly|happy to|glad|madam|sir|ma'am|mr|ms|mrs)\b/giu,
  'zh-Hans': /您|请|抱歉|对不起|不好意思|谢谢|感谢|理解|麻烦|辛苦|先生|女士|阿姨|师傅/gu,
};

/** Capitalised English words in a customer's name that are not the name itself. */
const NOT_A_NAME = /^(Mr|Ms|Mrs|Miss|Dr|The|A|An|Auntie|Uncle|Grandpa|Grandma)$/u;
/** Chinese forms of address after a surname: 李女士, 王师傅, 赵阿姨. */
const ZH_ADDRESS = /^(先生|女士|小姐|阿姨|叔叔|师傅|老师|大爷|大姐|大哥|经理|总)/u;

/**
 * Whether an answer calls the customer by name. English names of Chinese customers put the family
 * name first or last ("Lin Hui", "Mr Zhou"), so any word of the name counts; a Chinese surname
 * counts only as part of the full name or with a form of address (钱 alone is also "money").
 */
function namesCustomer(
  scenario: Scenario,
  text: string,
  locale: (typeof WORDING_LOCALES)[number],
): boolean {
  const name = textFor(scenario.customer.name, locale);
  if (locale === Locale.en) {
    const words = name
      .split(/\s+/u)
      // Capitalised words only: "Lin Hui", "Mr Zhou", "The caller from Cuihu Garden".
      .filter((word) => /^\p{Lu}\p{L}+$/u.test(word) && !NOT_A_NAME.test(word));
    return words.some((word) => new RegExp(`\\b${word}\\b`, 'u').test(text));
  }
  if (text.includes(name)) return true;
  const surname = name.slice(0, 1);
  for (let at = text.indexOf(surname); at >= 0; at = text.indexOf(surname, at + 1)) {
    if (ZH_ADDRESS.test(text.slice(at + 1))) return true;
  }
  return false;
}

/** How polite an answer sounds to a guesser: courtesy words, plus the customer's name. */
export function politeness(
  scenario: Scenario,
  choice: Choice,
  locale: (typeof WORDING_LOCALES)[number],
): number {
  const text = textFor(choice.text, locale);
  const markers = text.match(POLITE_MARKERS[locale])?.length ?? 0;
  return markers + (namesCustomer(scenario, text, locale) ? 1 : 0);
}

/** Length in UTF-16 units: every character a trainer writes here (CJK included) is one unit. */
const lengthOf = (choice: Choice, locale: LocaleId) => textFor(choice.text, locale).length;

/**
 * How the rubric rates an answer on its own: the sum of its tip tags. An answer that commits a
 * critical error or interrupts a venting customer is never the best one.
 */
export function rubricValue(scenario: Scenario, nodeId: string, choice: Choice): number {
  if (choice.critical !== undefined) return -Infinity;
  if (scenario.nodes[nodeId]?.step === Step.vent && choice.step !== Step.vent) return -Infinity;
  return TIP_IDS.reduce((sum, tip) => sum + (choice.tips?.[tip] ?? 0), 0);
}

/** Whether an answer follows the articles: no evidence against any tip, no critical error, no interruption. */
export function isClean(scenario: Scenario, nodeId: string, choice: Choice): boolean {
  return (
    choice.critical === undefined &&
    !(scenario.nodes[nodeId]?.step === Step.vent && choice.step !== Step.vent) &&
    TIP_IDS.every((tip) => (choice.tips?.[tip] ?? 0) >= 0)
  );
}

/** Picks one answer from those on offer (in the file's order). */
type Picker = (nodeId: string, offered: readonly Choice[]) => Choice | undefined;

/** The call a picker plays: prompt answers, stopped if it loops without changing anything. */
function playStrategy(
  scenario: Scenario,
  timed: boolean,
  pick: Picker,
  elapsedMs: (nodeId: string) => number,
  depthLimit: number,
): { total: number; endingId: string | null } {
  let snapshot = startCall(scenario, timed);
  const turns: TurnRecord[] = [];
  const seen = new Set<string>();
  while (snapshot.status === 'active' && turns.length < depthLimit) {
    const key = stateKey(snapshot);
    if (seen.has(key)) break;
    seen.add(key);
    const nodeId = stateOf(snapshot);
    const ids = offeredChoices(scenario, nodeId, snapshot.context);
    const offered = (scenario.nodes[nodeId]?.choices ?? []).filter((choice) =>
      ids.includes(choice.id),
    );
    const choice = pick(nodeId, offered);
    if (!choice) break;
    const event: CallEvent = {
      type: CallEventType.choose,
      choiceId: choice.id,
      elapsedMs: elapsedMs(nodeId),
    };
    const stepped = step(scenario, snapshot, event);
    if (!stepped) break;
    turns.push(stepped.turn);
    snapshot = stepped.next;
  }
  const endingId = snapshot.status === 'done' ? stateOf(snapshot) : null;
  const card = scoreCall(
    scenario,
    { turns, endingId, final: snapshot.context, timed, locale: Locale.en },
    { explain: false },
  );
  return { total: card.total, endingId };
}

/** The first of the answers with the highest score; ties go to the longer text, then file order. */
function highest(offered: readonly Choice[], score: (choice: Choice) => number, locale: LocaleId) {
  let best: Choice | undefined;
  for (const choice of offered) {
    if (
      best === undefined ||
      score(choice) > score(best) ||
      (score(choice) === score(best) && lengthOf(choice, locale) > lengthOf(best, locale))
    )
      best = choice;
  }
  return best;
}

/** The first of the answers with the lowest score; ties go to the shorter text, then file order. */
function lowest(offered: readonly Choice[], score: (choice: Choice) => number, locale: LocaleId) {
  let found: Choice | undefined;
  for (const choice of offered) {
    if (
      found === undefined ||
      score(choice) < score(found) ||
      (score(choice) === score(found) && lengthOf(choice, locale) < lengthOf(found, locale))
    )
      found = choice;
  }
  return found;
}

/** Every no-judgment strategy's score on the scenario. */
export function strategyResults(
  scenario: Scenario,
  timed: boolean,
  elapsedMs: (nodeId: string) => number,
  depthLimit: number,
): StrategyResult[] {
  const widest = Math.max(...Object.values(scenario.nodes).map((node) => node.choices.length));
  const results: StrategyResult[] = [];
  for (let position = 1; position <= widest; position += 1) {
    const played = playStrategy(
      scenario,
      timed,
      (_nodeId, offered) => offered[Math.min(position, offered.length) - 1],
      elapsedMs,
      depthLimit,
    );
    results.push({ strategy: Strategy.position, position, locale: null, ...played });
  }
  const locales = WORDING_LOCALES.filter((locale) => scenario.locales.includes(locale));
  for (const locale of locales) {
    const length = (choice: Choice) => lengthOf(choice, locale);
    const polite = (choice: Choice) => politeness(scenario, choice, locale);
    const pickers: readonly [Strategy, Picker][] = [
      [Strategy.longest, (_nodeId, offered) => highest(offered, length, locale)],
      [
        Strategy.shortest,
        (_nodeId, offered) => highest(offered, (choice) => -length(choice), locale),
      ],
      [Strategy.politest, (_nodeId, offered) => highest(offered, polite, locale)],
      [Strategy.plainest, (_nodeId, offered) => lowest(offered, polite, locale)],
    ];
    for (const [strategy, pick] of pickers) {
      const played = playStrategy(scenario, timed, pick, elapsedMs, depthLimit);
      results.push({ strategy, position: null, locale, ...played });
    }
  }
  return results;
}

/** Where the best answer of each node stands on length, per locale. */
export interface LengthRank {
  readonly locale: LocaleId;
  /** Nodes with one best answer by the rubric. */
  readonly nodes: number;
  /** Of those, the nodes where that best answer is also the strictly longest. */
  readonly longest: number;
  readonly nodeIds: readonly string[];
}

/** For each locale: at how many nodes the rubric's best answer is also the longest one. */
export function bestAnswerLength(scenario: Scenario): LengthRank[] {
  const locales = WORDING_LOCALES.filter((locale) => scenario.locales.includes(locale));
  return locales.map((locale) => {
    let nodes = 0;
    const longestAt: string[] = [];
    for (const [nodeId, node] of Object.entries(scenario.nodes)) {
      const values = node.choices.map((choice) => rubricValue(scenario, nodeId, choice));
      const top = Math.max(...values);
      const best = node.choices.filter((_, index) => values[index] === top);
      if (best.length !== 1 || top === -Infinity) continue;
      nodes += 1;
      const [answer] = best;
      if (!answer) continue;
      const length = lengthOf(answer, locale);
      if (node.choices.every((choice) => choice === answer || lengthOf(choice, locale) < length))
        longestAt.push(nodeId);
    }
    return { locale, nodes, longest: longestAt.length, nodeIds: longestAt };
  });
}
