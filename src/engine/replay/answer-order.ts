import type { Scenario } from '../model/scenario.ts';
import { seededShuffle } from '../model/random.ts';

/** Seeds are unsigned 32-bit integers: what a browser's crypto or a database column gives. */
export const MAX_SEED = 0xffff_ffff;

/** FNV-1a over UTF-16 code units: a stable 32-bit number for a node or scenario id. */
export function hashString(text: string): number {
  let hash = 0x811c_9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x0100_0193) >>> 0;
  }
  return hash >>> 0;
}

/** Mixes two 32-bit numbers into a third, so nearby seeds and ids give unrelated orders. */
function mix(a: number, b: number): number {
  let value = (a ^ Math.imul(b, 0x9e37_79b1)) >>> 0;
  value = Math.imul(value ^ (value >>> 16), 0x85eb_ca6b) >>> 0;
  value = Math.imul(value ^ (value >>> 13), 0xc2b2_ae35) >>> 0;
  return (value ^ (value >>> 16)) >>> 0;
}

/**
 * The seed of one scenario's call in a drill that gives the whole team the same order: derived
 * from the drill's seed and the scenario id, so each call of the drill has an order of its own.
 *
 * @example
 * callSeed(drill.answerSeed, 'charged-twice') // the same number for every player of the drill
 */
export function callSeed(drillSeed: number, scenarioId: string): number {
  return mix(drillSeed >>> 0, hashString(scenarioId));
}

/**
 * The order in which a node's answers are shown: a pure function of the call's seed and the
 * node, so the game, the server, the CLI and the debrief all see the same order. `offered` are
 * the ids on offer (their `when` held); they keep their places in the node's shuffled list.
 * A null seed is a call recorded before answers were shuffled: the file's own order.
 *
 * @example
 * answerOrder(scenario, 1234, 'open', ['open-listen', 'open-data', 'open-bank-hold'])
 */
export function answerOrder(
  scenario: Scenario,
  seed: number | null,
  nodeId: string,
  offered: readonly string[],
): string[] {
  const all = (scenario.nodes[nodeId]?.choices ?? []).map((choice) => choice.id);
  const order = seed === null ? all : seededShuffle(all, mix(seed >>> 0, hashString(nodeId)));
  return order.filter((id) => offered.includes(id));
}
