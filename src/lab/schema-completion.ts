import type {
  Completion,
  CompletionContext,
  CompletionResult,
  CompletionSource,
} from '@codemirror/autocomplete';

/** The parts of a JSON Schema (draft-07, as zod writes it) that completion reads. */
export interface SchemaNode {
  readonly type?: string | readonly string[];
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly additionalProperties?: SchemaNode | boolean;
  readonly items?: SchemaNode;
  readonly anyOf?: readonly SchemaNode[];
  readonly oneOf?: readonly SchemaNode[];
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly description?: string;
}

/** A step down a YAML path: a key, or `ITEM` for an entry of a sequence. */
const ITEM = Symbol('item');
type Segment = string | typeof ITEM;

/** Keys whose value is a node or ending id of the file being written. */
const ID_KEYS = new Set(['next', 'goto', 'start', 'ending']);

const KEY_LINE = /^(\s*)(?:-\s+)?([\w-]+)\s*:/u;

/**
 * The key path of the map the cursor's line belongs to, read from indentation alone (block
 * YAML, as trainers write it): each line above that is less indented is a parent. A `- key:`
 * line opens a sequence entry whose keys sit two columns right of the dash.
 */
export function pathAt(lines: readonly string[], lineIndex: number, indent: number): Segment[] {
  const path: Segment[] = [];
  let limit = indent;
  for (let index = lineIndex - 1; index >= 0 && limit > 0; index -= 1) {
    const line = lines[index] ?? '';
    if (/^\s*(#.*)?$/u.test(line)) continue;
    const lead = /^\s*/u.exec(line)?.[0].length ?? 0;
    const dash = /^(\s*)-(\s+)/u.exec(line);
    if (dash) {
      const keyIndent = lead + 1 + (dash[2]?.length ?? 1);
      if (lead >= limit) continue;
      const key = KEY_LINE.exec(line)?.[2];
      if (keyIndent < limit && key !== undefined && /:\s*(#.*)?$/u.test(line)) path.push(key);
      path.push(ITEM);
      limit = lead;
      continue;
    }
    if (lead >= limit) continue;
    const key = KEY_LINE.exec(line)?.[2];
    if (key === undefined) continue;
    path.push(key);
    limit = lead;
  }
  return path.reverse();
}

/** The path at the cursor, whose line starts with `prefix` (indentation, maybe a `- `). */
function cursorPath(lines: readonly string[], lineIndex: number, prefix: string): Segment[] {
  const dash = /^(\s*)-\s+$/u.exec(prefix);
  return dash
    ? [...pathAt(lines, lineIndex, dash[1]?.length ?? 0), ITEM]
    : pathAt(lines, lineIndex, prefix.length);
}

/** Every alternative of a schema node (anyOf / oneOf flattened). */
function branches(node: SchemaNode | undefined): SchemaNode[] {
  if (!node) return [];
  const alternatives = [...(node.anyOf ?? []), ...(node.oneOf ?? [])];
  return alternatives.length > 0 ? alternatives.flatMap(branches) : [node];
}

function child(node: SchemaNode, segment: Segment): SchemaNode[] {
  if (segment === ITEM) return node.items ? [node.items] : [];
  const named = node.properties?.[segment];
  if (named) return [named];
  return typeof node.additionalProperties === 'object' ? [node.additionalProperties] : [];
}

/** The schema nodes a path can lead to. */
export function schemaAt(root: SchemaNode, path: readonly Segment[]): SchemaNode[] {
  let nodes = branches(root);
  for (const segment of path)
    nodes = nodes.flatMap((node) => child(node, segment).flatMap(branches));
  return nodes;
}

function keyOptions(nodes: readonly SchemaNode[], present: ReadonlySet<string>): Completion[] {
  const seen = new Set<string>();
  const options: Completion[] = [];
  for (const node of nodes) {
    for (const [key, value] of Object.entries(node.properties ?? {})) {
      if (seen.has(key) || present.has(key)) continue;
      seen.add(key);
      const described =
        branches(value).find((branch) => branch.description)?.description ?? value.description;
      options.push({
        label: key,
        type: 'property',
        apply: `${key}: `,
        ...(described ? { info: described } : {}),
      });
    }
  }
  return options;
}

function valueOptions(nodes: readonly SchemaNode[]): Completion[] {
  const values = new Set<string>();
  for (const node of nodes.flatMap(branches)) {
    for (const value of [...(node.enum ?? []), node.const]) {
      if (typeof value === 'string' || typeof value === 'number') values.add(String(value));
    }
    if (node.type === 'boolean') ['true', 'false'].forEach((value) => values.add(value));
  }
  return [...values].map((value) => ({ label: value, type: 'enum' }));
}

/** Keys already written in the map the cursor is in, so they are not offered twice. */
function siblingKeys(lines: readonly string[], lineIndex: number, indent: number): Set<string> {
  const keys = new Set<string>();
  for (const step of [-1, 1]) {
    for (let index = lineIndex + step; index >= 0 && index < lines.length; index += step) {
      const line = lines[index] ?? '';
      if (/^\s*(#.*)?$/u.test(line)) continue;
      const lead = /^\s*(-\s+)?/u.exec(line)?.[0].length ?? 0;
      if (lead < indent) break;
      const match = KEY_LINE.exec(line);
      const opensItem = /^\s*-\s/u.test(line);
      // A `- ` line starts the entry: going down it is the next entry, going up the first key.
      if (opensItem && step === 1) break;
      if (lead === indent && match?.[2]) keys.add(match[2]);
      if (opensItem) break;
    }
  }
  return keys;
}

/**
 * Completion from the scenario JSON Schema: keys that may go at the cursor (with their
 * descriptions), values of enums (steps, outcomes, channels, tips), and the file's own node and
 * ending ids after `next:`, `goto:`, `start:` and `ending:`. Block YAML only; inside `{ … }`
 * flow maps nothing is offered.
 */
export function schemaCompletion(
  schema: SchemaNode,
  ids: (text: string) => readonly string[],
): CompletionSource {
  return (context: CompletionContext): CompletionResult | null => {
    const line = context.state.doc.lineAt(context.pos);
    const before = line.text.slice(0, context.pos - line.from);
    if (before.includes('{') || before.includes('[') || before.includes('#')) return null;
    const lines = context.state.doc.toString().split('\n');
    const keyTyping = /^(\s*(?:-\s+)?)([\w-]*)$/u.exec(before);
    if (keyTyping) {
      const indent = keyTyping[1]?.length ?? 0;
      const word = keyTyping[2] ?? '';
      if (word === '' && !context.explicit) return null;
      const nodes = schemaAt(schema, cursorPath(lines, line.number - 1, keyTyping[1] ?? ''));
      const fresh = (keyTyping[1] ?? '').includes('-');
      const present = fresh ? new Set<string>() : siblingKeys(lines, line.number - 1, indent);
      const options = keyOptions(nodes, present);
      return options.length > 0
        ? { from: context.pos - word.length, options, validFor: /^[\w-]*$/u }
        : null;
    }
    const valueTyping = /^(\s*(?:-\s+)?)([\w-]+):\s+([\w-]*)$/u.exec(before);
    if (!valueTyping) return null;
    const prefix = valueTyping[1] ?? '';
    const key = valueTyping[2] ?? '';
    const word = valueTyping[3] ?? '';
    const options = ID_KEYS.has(key)
      ? ids(context.state.doc.toString()).map((id) => ({ label: id, type: 'variable' }))
      : valueOptions(schemaAt(schema, [...cursorPath(lines, line.number - 1, prefix), key]));
    return options.length > 0
      ? { from: context.pos - word.length, options, validFor: /^[\w-]*$/u }
      : null;
  };
}
