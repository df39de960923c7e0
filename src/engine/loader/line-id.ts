import { listOfRaw, stringAt, valueAtPath } from './raw.ts';
import type { PathSegment } from './yaml-source.ts';

/**
 * The stable id of a text path: list positions of choices become the choice's `id`, so
 * `['nodes', 'open', 'choices', 1, 'text']` is `nodes.open.choices.listen.text`. Reordering
 * choices or editing other lines keeps every id. Undefined when a choice has no usable id.
 *
 * @example
 * lineId(raw, ['endings', 'resolved', 'say']) // 'endings.resolved.say'
 */
export function lineId(raw: unknown, path: readonly PathSegment[]): string | undefined {
  const parts: string[] = [];
  for (const [index, segment] of path.entries()) {
    if (typeof segment === 'string') {
      parts.push(segment);
      continue;
    }
    const id = stringAt(listOfRaw(valueAtPath(raw, path.slice(0, index)))[segment], 'id');
    // Ids are dot-free by the schema; a dot here would make two paths share one id.
    if (id === undefined || id.includes('.')) return undefined;
    parts.push(id);
  }
  return parts.join('.');
}
