/**
 * A small, strict XML reader for the translation files we exchange: elements, attributes,
 * text, CDATA, comments and the five named plus numeric character references. No DTDs (a
 * translation file never needs one, and refusing them rules out entity expansion attacks).
 */

export interface XmlElement {
  /** The name without its namespace prefix (`xliff:trans-unit` → `trans-unit`). */
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly (XmlElement | string)[];
  readonly line: number;
  readonly column: number;
}

/** Malformed XML, with the line and column (1-based) where reading stopped. */
export class XmlError extends Error {
  readonly line: number;
  readonly column: number;
  constructor(message: string, line: number, column: number) {
    super(message);
    this.line = line;
    this.column = column;
  }
}

const NAMED: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
};

const NAME = /[A-Za-z_:][-\w.:]*/y;

/** Text content of an element and everything inside it (inline markup contributes its text). */
export function textOf(element: XmlElement): string {
  return element.children
    .map((child) => (typeof child === 'string' ? child : textOf(child)))
    .join('');
}

/** Every element below `element` (depth first) with the given local name. */
export function descendants(element: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  for (const child of element.children) {
    if (typeof child === 'string') continue;
    if (child.name === name) found.push(child);
    found.push(...descendants(child, name));
  }
  return found;
}

/** Parses a document and returns its root element; throws XmlError on malformed input. */
export function parseXml(input: string): XmlElement {
  // XML reads every line break as LF; character references (`&#13;`) keep a CR.
  const text = (input.startsWith('\uFEFF') ? input.slice(1) : input).replace(/\r\n?/g, '\n');
  let index = 0;

  const lineStarts = [0];
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1))
    lineStarts.push(at + 1);
  const position = (at = index) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if ((lineStarts[middle] ?? 0) <= at) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: at - (lineStarts[low] ?? 0) + 1 };
  };
  const fail = (message: string, at = index): never => {
    const { line, column } = position(at);
    throw new XmlError(message, line, column);
  };
  const skipSpace = () => {
    while (/\s/.test(text.charAt(index))) index += 1;
  };
  const name = (): string => {
    NAME.lastIndex = index;
    const match = NAME.exec(text);
    if (!match) return fail('expected a name');
    index += match[0].length;
    return match[0];
  };
  const decode = (raw: string, at: number): string =>
    raw.replace(/&([^;&\s]*);?/g, (whole, ref: string) => {
      if (!whole.endsWith(';')) fail('`&` starts a reference; write `&amp;` for an ampersand', at);
      if (ref in NAMED) return NAMED[ref] ?? '';
      const code = /^#x[0-9a-f]+$/i.test(ref)
        ? parseInt(ref.slice(2), 16)
        : /^#\d+$/.test(ref)
          ? parseInt(ref.slice(1), 10)
          : NaN;
      if (Number.isNaN(code) || code > 0x10ffff) return fail(`unknown reference \`${whole}\``, at);
      return String.fromCodePoint(code);
    });
  const skipMisc = () => {
    for (;;) {
      skipSpace();
      if (text.startsWith('<?', index)) {
        const end = text.indexOf('?>', index);
        if (end < 0) fail('`<?` is never closed');
        index = end + 2;
      } else if (text.startsWith('<!--', index)) {
        const end = text.indexOf('-->', index);
        if (end < 0) fail('comment is never closed');
        index = end + 3;
      } else if (text.startsWith('<!DOCTYPE', index)) {
        fail('a DOCTYPE is not allowed in a translation file');
      } else {
        return;
      }
    }
  };

  const element = (): XmlElement => {
    const start = index;
    index += 1; // <
    const qualified = name();
    const attributes: Record<string, string> = {};
    for (;;) {
      skipSpace();
      if (text.startsWith('/>', index)) {
        index += 2;
        return { name: localName(qualified), attributes, children: [], ...position(start) };
      }
      if (text.charAt(index) === '>') {
        index += 1;
        break;
      }
      const attribute = name();
      skipSpace();
      if (text.charAt(index) !== '=') fail(`expected \`=\` after ${attribute}`);
      index += 1;
      skipSpace();
      const quote = text.charAt(index);
      if (quote !== '"' && quote !== "'") fail('expected a quoted attribute value');
      const end = text.indexOf(quote, index + 1);
      if (end < 0) fail('attribute value is never closed');
      const raw = text.slice(index + 1, end);
      if (raw.includes('<')) fail('`<` inside an attribute value; write `&lt;`', index + 1);
      if (attribute in attributes) fail(`attribute ${attribute} appears twice`);
      attributes[attribute] = decode(raw, index + 1);
      index = end + 1;
    }
    const children: (XmlElement | string)[] = [];
    for (;;) {
      if (index >= text.length) fail(`<${qualified}> is never closed`, start);
      if (text.startsWith('</', index)) {
        const closingAt = index;
        index += 2;
        const closing = name();
        if (closing !== qualified) fail(`</${closing}> closes <${qualified}>`, closingAt);
        skipSpace();
        if (text.charAt(index) !== '>') fail('expected `>`');
        index += 1;
        return { name: localName(qualified), attributes, children, ...position(start) };
      }
      if (text.startsWith('<![CDATA[', index)) {
        const end = text.indexOf(']]>', index);
        if (end < 0) fail('CDATA section is never closed');
        children.push(text.slice(index + 9, end));
        index = end + 3;
      } else if (text.startsWith('<!--', index) || text.startsWith('<?', index)) {
        const closer = text.startsWith('<!--', index) ? '-->' : '?>';
        const end = text.indexOf(closer, index);
        if (end < 0) fail('comment is never closed');
        index = end + closer.length;
      } else if (text.charAt(index) === '<') {
        children.push(element());
      } else {
        const end = text.indexOf('<', index);
        const stop = end < 0 ? text.length : end;
        children.push(decode(text.slice(index, stop), index));
        index = stop;
      }
    }
  };

  skipMisc();
  if (text.charAt(index) !== '<') fail('not an XML file: expected `<`');
  const root = element();
  skipMisc();
  if (index < text.length) fail('text after the end of the document');
  return root;
}

function localName(qualified: string): string {
  return qualified.slice(qualified.indexOf(':') + 1);
}
