import { CallEventType, TIP_IDS } from '../engine/index.ts';
import type { CallEvent, Scenario, TipId } from '../engine/index.ts';

/**
 * What the LMS keeps between launches (SCORM suspend data, a cmi5 State document). SCORM 1.2
 * allows only 4,096 characters, so it is a compact text, not JSON: see `encodeProgress`.
 */
export interface Progress {
  /** Best total (0–100) of each package scenario, by its index in the package; null = not finished. */
  readonly best: readonly (number | null)[];
  /** Per tip, the sum of the assessed percentages over finished calls, and how many there were. */
  readonly tips: Readonly<Record<TipId, { readonly sum: number; readonly count: number }>>;
  /** Calls started so far: numbers the attempts, so interaction ids never repeat. */
  readonly attempts: number;
  /**
   * The call in progress: the index of its scenario, the start of the scenario's content hash (a
   * re-uploaded package with changed scenarios must not replay old answers), its answers packed.
   */
  readonly current: {
    readonly scenario: number;
    readonly hash: string;
    /** The call's answer-order seed, so a resumed call shows the same order. */
    readonly seed: number;
    readonly events: string;
  } | null;
}

/**
 * Which format this text is; a newer game can still read (or cleanly ignore) an older one.
 * 2 added the call's seed; a version 1 text keeps its scores, and its call (recorded before
 * answers were shuffled) is not resumed.
 */
const VERSION = '2';
const VERSION_WITHOUT_SEED = '1';
const FIELD = '|';
const ITEM = ',';
const SILENCE = '--';
/** Characters of the scenario's content hash kept with the call in progress. */
export const HASH_CHECK = 4;
/** Choice indexes use two base-36 digits: up to 1,296 choices in a scenario. */
const INDEX_WIDTH = 2;

export function emptyProgress(scenarios: number): Progress {
  const tips = {} as Record<TipId, { sum: number; count: number }>;
  for (const tip of TIP_IDS) tips[tip] = { sum: 0, count: 0 };
  return { best: Array.from({ length: scenarios }, () => null), tips, attempts: 0, current: null };
}

/**
 * `2|best,best,…|sum.count,…(ten tips)|attempts|scenario:hash:seed:events`, numbers in base 36.
 *
 * @example encodeProgress(emptyProgress(2)) === '2|,|0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0|0|'
 */
export function encodeProgress(progress: Progress): string {
  const best = progress.best.map((total) => (total === null ? '' : total.toString(36)));
  const tips = TIP_IDS.map((tip) => {
    const { sum, count } = progress.tips[tip];
    return `${Math.round(sum).toString(36)}.${count.toString(36)}`;
  });
  const current = progress.current
    ? `${progress.current.scenario.toString(36)}:${progress.current.hash}:${progress.current.seed.toString(36)}:${progress.current.events}`
    : '';
  return [VERSION, best.join(ITEM), tips.join(ITEM), progress.attempts.toString(36), current].join(
    FIELD,
  );
}

/** Reads suspend data back; anything unreadable (another version, a damaged value) starts afresh. */
export function decodeProgress(text: string, scenarios: number): Progress {
  const empty = emptyProgress(scenarios);
  const [version, best = '', tips = '', attempts = '0', current = ''] = text.split(FIELD);
  if (version !== VERSION && version !== VERSION_WITHOUT_SEED) return empty;
  const bestValues = best.split(ITEM);
  const tipValues = tips.split(ITEM);
  const tipResults = {} as Record<TipId, { sum: number; count: number }>;
  TIP_IDS.forEach((tip, index) => {
    const [sum = '0', count = '0'] = (tipValues[index] ?? '').split('.');
    tipResults[tip] = { sum: parseInt(sum, 36) || 0, count: parseInt(count, 36) || 0 };
  });
  const [scenarioText = '', hash = '', seedText = '', events = ''] = current.split(':');
  const scenario = parseInt(scenarioText, 36);
  const seed = parseInt(seedText, 36);
  return {
    best: empty.best.map((_, index) => {
      const value = parseInt(bestValues[index] ?? '', 36);
      return Number.isFinite(value) ? value : null;
    }),
    tips: tipResults,
    attempts: parseInt(attempts, 36) || 0,
    current:
      version === VERSION &&
      Number.isInteger(scenario) &&
      scenario >= 0 &&
      scenario < scenarios &&
      Number.isInteger(seed) &&
      seed >= 0
        ? { scenario, hash, seed, events }
        : null,
  };
}

/** Every choice id of a scenario in file order: a choice is stored as its index in this list. */
function choiceIds(scenario: Scenario): string[] {
  return Object.values(scenario.nodes).flatMap((node) => node.choices.map((choice) => choice.id));
}

/**
 * Packs a call's answers: each is a two-digit choice index (`--` for silence) followed by its
 * answer time in base-36 milliseconds, separated by dots — about 6 characters an answer, so even
 * the longest transcript the engine accepts (200 answers of an hour each) stays under 1,400.
 */
export function encodeEvents(scenario: Scenario, events: readonly CallEvent[]): string {
  const ids = choiceIds(scenario);
  return events
    .map((event) => {
      const index =
        event.type === CallEventType.choose
          ? ids.indexOf(event.choiceId).toString(36).padStart(INDEX_WIDTH, '0')
          : SILENCE;
      return `${index}${event.elapsedMs.toString(36)}`;
    })
    .join('.');
}

/** Unpacks `encodeEvents`; returns null when the text does not fit the scenario (it changed). */
export function decodeEvents(scenario: Scenario, text: string): CallEvent[] | null {
  if (text === '') return [];
  const ids = choiceIds(scenario);
  const events: CallEvent[] = [];
  for (const item of text.split('.')) {
    const head = item.slice(0, INDEX_WIDTH);
    const elapsedMs = parseInt(item.slice(INDEX_WIDTH), 36);
    if (!Number.isInteger(elapsedMs) || elapsedMs < 0) return null;
    if (head === SILENCE) {
      events.push({ type: CallEventType.silence, elapsedMs });
      continue;
    }
    const choiceId = ids[parseInt(head, 36)];
    if (choiceId === undefined) return null;
    events.push({ type: CallEventType.choose, choiceId, elapsedMs });
  }
  return events;
}
