import * as z from 'zod';
import type { PathSegment } from './yaml-source.ts';

/** What a schema says about one field: its description and an example, for error hints. */
export interface FieldInfo {
  readonly description?: string;
  readonly example?: unknown;
  /** Keys the field accepts, when it is an object. */
  readonly keys?: readonly string[];
}

type AnySchema = z.core.$ZodType;

function metaOf(schema: AnySchema): { description?: string; examples?: unknown[] } | undefined {
  return z.globalRegistry.get(schema);
}

/** Peels optional/default/readonly wrappers, collecting meta on the way (outer wins). */
function unwrap(schema: AnySchema): {
  inner: AnySchema;
  info: { description?: string; example?: unknown };
} {
  const info: { description?: string; example?: unknown } = {};
  let current = schema;
  for (;;) {
    const meta = metaOf(current);
    info.description ??= meta?.description;
    if (info.example === undefined && meta?.examples?.length) info.example = meta.examples[0];
    const def = current._zod.def as { type: string; innerType?: AnySchema; in?: AnySchema };
    if (
      (def.type === 'optional' ||
        def.type === 'default' ||
        def.type === 'readonly' ||
        def.type === 'nullable') &&
      def.innerType
    ) {
      current = def.innerType;
    } else if (def.type === 'pipe' && def.in) {
      current = def.in;
    } else {
      return { inner: current, info };
    }
  }
}

function objectKeys(schema: AnySchema): string[] | undefined {
  const def = schema._zod.def as {
    type: string;
    shape?: Record<string, AnySchema>;
    options?: AnySchema[];
    keyType?: AnySchema;
  };
  if (def.type === 'object' && def.shape) return Object.keys(def.shape);
  if (def.type === 'record' && def.keyType) {
    const keyDef = def.keyType._zod.def as { type: string; entries?: Record<string, string> };
    if (keyDef.type === 'enum' && keyDef.entries) return Object.values(keyDef.entries);
  }
  if (def.type === 'union' && def.options) {
    for (const option of def.options) {
      const keys = objectKeys(unwrap(option).inner);
      if (keys) return keys;
    }
  }
  return undefined;
}

function child(schema: AnySchema, segment: PathSegment): AnySchema | undefined {
  const def = schema._zod.def as {
    type: string;
    shape?: Record<string, AnySchema>;
    valueType?: AnySchema;
    element?: AnySchema;
    options?: AnySchema[];
  };
  switch (def.type) {
    case 'object':
      return def.shape?.[String(segment)];
    case 'record':
      return def.valueType;
    case 'array':
      return def.element;
    case 'union':
      for (const option of def.options ?? []) {
        const found = child(unwrap(option).inner, segment);
        if (found) return found;
      }
      return undefined;
    default:
      return undefined;
  }
}

/**
 * Describes the field a path points at, from the same schema that validates it, so the
 * hint in an error message never drifts from what the schema accepts.
 */
export function fieldInfo(root: AnySchema, path: readonly PathSegment[]): FieldInfo {
  let current: AnySchema = root;
  for (const segment of path) {
    const next: AnySchema | undefined = child(unwrap(current).inner, segment);
    if (!next) return {};
    current = next;
  }
  const unwrapped = unwrap(current);
  const info = unwrapped.info;
  const keys = objectKeys(unwrapped.inner);
  return { ...info, ...(keys ? { keys } : {}) };
}
