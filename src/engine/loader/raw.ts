/** Small guards for reading a file that may not have passed the schema yet. */
import type { PathSegment } from './yaml-source.ts';
export type RawMap = Record<string, unknown>;

export function isRawMap(value: unknown): value is RawMap {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function entriesOf(value: unknown): [string, unknown][] {
  return isRawMap(value) ? Object.entries(value) : [];
}

export function listOfRaw(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function stringAt(value: unknown, key: string): string | undefined {
  if (!isRawMap(value)) return undefined;
  const found = value[key];
  return typeof found === 'string' ? found : undefined;
}

/** The value at a path (map keys and list indexes), or undefined where the path leads nowhere. */
export function valueAtPath(raw: unknown, path: readonly PathSegment[]): unknown {
  let current = raw;
  for (const segment of path) {
    if (Array.isArray(current) && typeof segment === 'number') current = current[segment];
    else if (isRawMap(current)) current = current[String(segment)];
    else return undefined;
  }
  return current;
}
