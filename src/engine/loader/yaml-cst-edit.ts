import { CST, Parser, isMap, isScalar, parse } from 'yaml';
import type { Scalar } from 'yaml';
import type { LocaleId } from '../model/locales.ts';
import { YamlSource } from './yaml-source.ts';
import type { PathSegment } from './yaml-source.ts';

/** Set the text of one locale in the text field at `path`. */
export interface TextEdit {
  readonly path: readonly PathSegment[];
  readonly locale: LocaleId;
  readonly text: string;
  /** The locale a plain (one-for-all) string becomes when it is turned into a map. */
  readonly sourceLocale: LocaleId;
}

/** The file has a shape the surgical edit does not handle; nothing was written. */
export class CstEditError extends Error {}

type Collection = CST.BlockMap | CST.BlockSequence | CST.FlowCollection;
type Item = CST.CollectionItem;

/** Where a value token sits: the item that holds it and the collection around that item. */
interface Slot {
  readonly item: Item;
  readonly parent: Collection;
}

/** Every value token by its offset in the original text (keys are not indexed). */
function indexValues(token: CST.Token | undefined, slots: Map<number, Slot>): void {
  if (!token) return;
  if (token.type === 'document') {
    indexValues(token.value, slots);
    return;
  }
  if (!CST.isCollection(token)) return;
  for (const item of token.items) {
    if (item.value) {
      slots.set(item.value.offset, { item, parent: token });
      indexValues(item.value, slots);
    }
  }
}

function sourceToken(type: CST.SourceToken['type'], source: string, indent = 0): CST.SourceToken {
  return { type, offset: -1, indent, source };
}

/**
 * A double-quoted scalar written as JSON (a subset of YAML's double-quoted style): line breaks
 * become `\\n` on one line, where the yaml library would fold them into blank lines.
 */
function quotedToken(text: string, indent: number, end: CST.SourceToken[]): CST.FlowScalar {
  return { type: 'double-quoted-scalar', offset: -1, indent, source: JSON.stringify(text), end };
}

/** Whether a text written as a plain scalar reads back as the same string. */
function plainReadsBack(text: string, inFlow: boolean): boolean {
  if (text.trim() !== text || text.includes('\n')) return false;
  try {
    const read: unknown = inFlow ? parse(`[${text}]`) : parse(text);
    return inFlow ? Array.isArray(read) && read.length === 1 && read[0] === text : read === text;
  } catch {
    return false;
  }
}

/**
 * Replaces a text in its own style where that style can carry it: plain stays plain and single
 * quotes stay single when the text allows, block scalars stay block; otherwise double quotes.
 */
function setText(token: CST.Token, text: string, inFlow: boolean): void {
  if (
    token.type === 'scalar' ||
    token.type === 'single-quoted-scalar' ||
    token.type === 'double-quoted-scalar'
  ) {
    const plain = token.type === 'scalar' && plainReadsBack(text, inFlow);
    const single = token.type === 'single-quoted-scalar' && !text.includes('\n');
    if (plain || single)
      CST.setScalarValue(token, text, {
        afterKey: true,
        inFlow,
        type: plain ? 'PLAIN' : 'QUOTE_SINGLE',
      });
    else Object.assign(token, quotedToken(text, token.indent, token.end ?? []));
  } else if (token.type === 'block-scalar') {
    CST.setScalarValue(token, text, { afterKey: true, inFlow });
  } else {
    throw new CstEditError('the text is not a scalar');
  }
}

function blockTypeOf(token: CST.Token | undefined): Scalar.Type | undefined {
  if (token?.type !== 'block-scalar') return undefined;
  const header = token.props.find((prop) => prop.type === 'block-scalar-header');
  return header && 'source' in header && header.source.startsWith('|')
    ? 'BLOCK_LITERAL'
    : 'BLOCK_FOLDED';
}

/** Adds `locale: text` at the end of a block map, before any comment lines that close it. */
function insertInBlockMap(map: CST.BlockMap, edit: TextEdit, siblingType?: Scalar.Type): void {
  const type = siblingType ?? 'QUOTE_DOUBLE';
  const indent = map.indent;
  const item: CST.BlockMap['items'][number] = {
    start: indent > 0 ? [sourceToken('space', ' '.repeat(indent))] : [],
    key: { type: 'scalar', offset: -1, indent, source: edit.locale },
    sep: [sourceToken('map-value-ind', ':', indent), sourceToken('space', ' ', indent)],
    value:
      type === 'QUOTE_DOUBLE'
        ? quotedToken(edit.text, indent + 2, [sourceToken('newline', '\n', indent)])
        : CST.createScalarToken(edit.text, { indent: indent + 2, type }),
  };
  let at = map.items.length;
  while (at > 0 && !map.items[at - 1]?.key && !map.items[at - 1]?.value) at -= 1;
  const previous = map.items[at - 1]?.value;
  if (!previous || !CST.stringify(previous).endsWith('\n'))
    throw new CstEditError('the map does not end with a line break');
  map.items.splice(at, 0, item);
}

/** Adds `, locale: "text"` before the closing brace of a flow map. */
function insertInFlowMap(map: CST.FlowCollection, edit: TextEdit): void {
  if (map.start.source !== '{') throw new CstEditError('not a flow map');
  const last = map.items.at(-1)?.value;
  if (!last || last.type === 'document' || !('source' in last))
    throw new CstEditError('an empty flow map');
  // The space before `}` belongs to the last value; it moves to the new one.
  const trailing = 'end' in last && Array.isArray(last.end) ? last.end : [];
  if ('end' in last) last.end = [];
  map.items.push({
    start: [sourceToken('comma', ',', map.indent), sourceToken('space', ' ', map.indent)],
    key: { type: 'scalar', offset: -1, indent: map.indent, source: edit.locale },
    sep: [sourceToken('map-value-ind', ':', map.indent), sourceToken('space', ' ', map.indent)],
    value: quotedToken(edit.text, map.indent, trailing),
  });
}

/** Turns one string for every locale into `{ source: "…", locale: "…" }`, keeping what follows. */
function plainToMap(slot: Slot, original: string, edit: TextEdit): void {
  const value = slot.item.value;
  if (!value || value.type === 'document') throw new CstEditError('no value');
  const quoted = (text: string) => JSON.stringify(text);
  const snippet = `x: { ${edit.sourceLocale}: ${quoted(original)}, ${edit.locale}: ${quoted(edit.text)} }`;
  const [document] = new Parser().parse(snippet);
  const map = document?.type === 'document' ? document.value : undefined;
  const flow = map?.type === 'block-map' ? map.items[0]?.value : undefined;
  if (flow?.type !== 'flow-collection') throw new CstEditError('could not build the map');
  const after =
    value.type === 'block-scalar'
      ? [sourceToken('newline', '\n')]
      : 'end' in value && Array.isArray(value.end)
        ? value.end
        : [];
  flow.end = [...flow.end.filter((token) => token.type === 'flow-map-end'), ...after];
  if ('indent' in value) flow.indent = value.indent;
  slot.item.value = flow;
}

/**
 * Applies text edits to a YAML file through its concrete syntax tree, so everything not edited
 * (comments, key order, quoting, folding, blank lines) stays byte for byte as the writer left
 * it. An existing text keeps its style; a new one follows its sibling's block style, else
 * double quotes. Throws CstEditError when a field's shape is not one this handles.
 */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  if (edits.length === 0) return text;
  const source = new YamlSource(text);
  const tokens = [...new Parser().parse(text)];
  const slots = new Map<number, Slot>();
  for (const token of tokens) indexValues(token, slots);
  const slotAt = (offset: number | undefined) => {
    const slot = offset === undefined ? undefined : slots.get(offset);
    if (!slot) throw new CstEditError(`no value at offset ${String(offset)}`);
    return slot;
  };

  for (const edit of edits) {
    const { node, exact } = source.nodeAt(edit.path);
    if (!exact) throw new CstEditError(`nothing at ${edit.path.join('.')}`);
    if (isScalar(node) && typeof node.value === 'string') {
      plainToMap(slotAt(node.range?.[0]), node.value, edit);
    } else if (isMap(node)) {
      const pair = node.items.find(
        (entry) => isScalar(entry.key) && entry.key.value === edit.locale,
      );
      if (pair && isScalar(pair.value)) {
        const { item, parent } = slotAt(pair.value.range?.[0]);
        const token = item.value;
        if (!token) throw new CstEditError('no token');
        setText(token, edit.text, parent.type === 'flow-collection');
      } else if (pair) {
        throw new CstEditError(`${edit.locale} is not a text`);
      } else {
        const { item } = slotAt(node.range?.[0]);
        const map = item.value;
        if (map?.type === 'block-map') {
          const sibling = map.items.find(
            (entry) => entry.key?.type === 'scalar' && entry.key.source === edit.sourceLocale,
          );
          insertInBlockMap(map, edit, blockTypeOf(sibling?.value));
        } else if (map?.type === 'flow-collection') {
          insertInFlowMap(map, edit);
        } else {
          throw new CstEditError('not a map');
        }
      }
    } else {
      throw new CstEditError(`${edit.path.join('.')} is not a text`);
    }
  }
  return tokens.map((token) => CST.stringify(token)).join('');
}
