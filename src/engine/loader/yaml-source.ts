import { LineCounter, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';

export type PathSegment = string | number;

export interface Position {
  readonly line: number;
  readonly column: number;
}

/** A parsed YAML file that still knows where every value came from. */
export class YamlSource {
  readonly document: Document.Parsed;
  readonly text: string;
  private readonly lines = new LineCounter();

  constructor(text: string) {
    this.text = text;
    this.document = parseDocument(text, {
      lineCounter: this.lines,
      prettyErrors: false,
      uniqueKeys: true,
      strict: true,
    });
  }

  /** Line and column (1-based) of a character offset. */
  positionAt(offset: number): Position {
    const { line, col } = this.lines.linePos(Math.max(0, Math.min(offset, this.text.length)));
    return { line, column: col };
  }

  /** The YAML node at a path, or the nearest ancestor that exists when the path is missing. */
  nodeAt(path: readonly PathSegment[]): { node: YamlNode | null; exact: boolean } {
    let current: unknown = this.document.contents;
    for (const segment of path) {
      const child = childOf(current, segment);
      if (child === undefined) return { node: asNode(current), exact: false };
      current = child;
    }
    return { node: asNode(current), exact: true };
  }

  /** Where the value at a path starts (or its nearest existing ancestor). */
  valuePosition(path: readonly PathSegment[]): Position {
    const { node } = this.nodeAt(path);
    return this.positionAt(node?.range?.[0] ?? 0);
  }

  /** Where the key of a map entry starts: the place to point at for an unknown or duplicate key. */
  keyPosition(mapPath: readonly PathSegment[], key: string): Position {
    const { node, exact } = this.nodeAt(mapPath);
    if (exact && isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
      const keyNode = pair?.key;
      if (isScalar(keyNode) && keyNode.range) return this.positionAt(keyNode.range[0]);
    }
    return this.positionAt(node?.range?.[0] ?? 0);
  }

  /**
   * Where a character inside a string value sits, for errors inside a condition. Quoted
   * scalars start one character after their quote; escapes inside double quotes are rare in
   * conditions and are not unfolded.
   */
  positionInsideScalar(path: readonly PathSegment[], offsetInValue: number): Position {
    const { node, exact } = this.nodeAt(path);
    if (!exact || !isScalar(node) || !node.range) return this.valuePosition(path);
    const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
    return this.positionAt(node.range[0] + (quoted ? 1 : 0) + offsetInValue);
  }
}

function asNode(value: unknown): YamlNode | null {
  return isMap(value) || isSeq(value) || isScalar(value) ? value : null;
}

function childOf(parent: unknown, segment: PathSegment): unknown {
  if (isMap(parent)) {
    const pair = parent.items.find(
      (item) => isScalar(item.key) && String(item.key.value) === String(segment),
    );
    return pair ? (pair.value ?? undefined) : undefined;
  }
  if (isSeq(parent) && typeof segment === 'number') return parent.items[segment];
  return undefined;
}
