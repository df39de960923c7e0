import { stringify } from 'yaml';
import { closest, distance } from 'fastest-levenshtein';

/** A value as a trainer would type it in YAML, on one line. */
export function asYaml(value: unknown): string {
  return stringify(value, { collectionStyle: 'flow', lineWidth: 0 }).trim();
}

/** The candidate closest to what was typed, when it is close enough to be a likely typo. */
export function nearest(typed: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const best = closest(typed, [...candidates]);
  const limit = Math.max(2, Math.floor(Math.max(typed.length, best.length) / 3));
  const caseInsensitiveMatch = candidates.find(
    (candidate) => candidate.toLowerCase() === typed.toLowerCase(),
  );
  if (caseInsensitiveMatch) return caseInsensitiveMatch;
  return distance(typed, best) <= limit ? best : undefined;
}

/** `a`, `b` and `c` — lists at most `max` items, then says how many more. */
export function listOf(items: readonly string[], max = 16): string {
  const shown = items.slice(0, max).map((item) => `\`${item}\``);
  const more = items.length > max ? ` and ${items.length - max} more` : '';
  if (shown.length <= 1) return (shown[0] ?? 'none') + more;
  return `${shown.slice(0, -1).join(', ')} or ${shown.at(-1) ?? ''}${more}`;
}

/** Human name of a path: `nodes.open.choices[1].next`. */
export function pathName(path: readonly (string | number)[]): string {
  return path.reduce<string>((name, segment) => {
    if (typeof segment === 'number') return `${name}[${segment}]`;
    return name ? `${name}.${segment}` : segment;
  }, '');
}
