import type { LineTable } from './strings-lines.ts';
import { localeFromTag } from './strings-locale.ts';
import type { TranslationFile, TranslationRow } from './strings-merge.ts';
import { StringsProblemCode } from './strings-problem.ts';
import type { StringsProblem } from './strings-problem.ts';
import { XmlError, descendants, parseXml, textOf } from './xml-lite.ts';

/** XLIFF 1.2: the version every translation tool (Trados, memoQ, OmegaT, Weblate…) reads. */
export const XLIFF_NAMESPACE = 'urn:oasis:names:tc:xliff:document:1.2';

/** Characters XML 1.0 cannot carry at all, not even as references. */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** Escapes text for element content: `&`, `<`, `>` and CR (which XML would read as LF). */
export function escapeXmlText(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('\r', '&#13;');
}

/** Escapes an attribute value (quotes, and white space XML would otherwise flatten). */
export function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text)
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;')
    .replaceAll('\n', '&#10;')
    .replaceAll('\t', '&#9;');
}

/**
 * The lines as an XLIFF 1.2 document: one `trans-unit` per line (its `id` is the line id), the
 * source, the target when there is one, and a note saying what the line is. White space inside
 * texts is preserved.
 */
export function writeXliff(table: LineTable): string {
  const units = table.lines.map((line) =>
    [
      `      <trans-unit id="${escapeXmlAttribute(line.id)}" xml:space="preserve">`,
      `        <source>${escapeXmlText(line.source)}</source>`,
      ...(line.target
        ? [`        <target state="translated">${escapeXmlText(line.target)}</target>`]
        : []),
      `        <note>${escapeXmlText(line.note)}</note>`,
      '      </trans-unit>',
    ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xliff version="1.2" xmlns="${XLIFF_NAMESPACE}">`,
    `  <file original="${escapeXmlAttribute(table.file)}" source-language="${table.sourceLocale}" target-language="${table.targetLocale}" datatype="plaintext">`,
    '    <body>',
    ...units,
    '    </body>',
    '  </file>',
    '</xliff>',
    '',
  ].join('\n');
}

function problem(file: string, line: number, column: number, message: string, hint: string) {
  return { file, line, column, code: StringsProblemCode.badTranslationFile, message, hint };
}

/** Reads an XLIFF 1.2 file (as `writeXliff` writes it, or as a translation tool saves it back). */
export function readXliff(
  text: string,
  file: string,
): { ok: true; translations: TranslationFile } | { ok: false; problems: StringsProblem[] } {
  let root;
  try {
    root = parseXml(text);
  } catch (error) {
    if (!(error instanceof XmlError)) throw error;
    return {
      ok: false,
      problems: [
        problem(
          file,
          error.line,
          error.column,
          `not well-formed XML: ${error.message}`,
          'open the file in the translation tool again and re-export it as XLIFF 1.2',
        ),
      ],
    };
  }
  const version = root.attributes.version ?? '';
  if (root.name !== 'xliff' || !version.startsWith('1.')) {
    return {
      ok: false,
      problems: [
        problem(
          file,
          root.line,
          root.column,
          root.name === 'xliff'
            ? `XLIFF ${version} is not read here`
            : `<${root.name}> is not an XLIFF file`,
          'export the translation as XLIFF 1.2 (`<xliff version="1.2">`)',
        ),
      ],
    };
  }
  const [fileElement] = descendants(root, 'file');
  const rows: TranslationRow[] = [];
  const problems: StringsProblem[] = [];
  for (const unit of descendants(root, 'trans-unit')) {
    const id = unit.attributes.id ?? unit.attributes.resname;
    const [source] = descendants(unit, 'source');
    const [target] = descendants(unit, 'target');
    if (id === undefined || !source) {
      problems.push(
        problem(
          file,
          unit.line,
          unit.column,
          `this trans-unit has no ${id === undefined ? '`id`' : '<source>'}`,
          'keep the `id` attribute and the <source> element `strings export` wrote',
        ),
      );
      continue;
    }
    rows.push({
      id,
      source: textOf(source),
      target: target ? textOf(target) : '',
      line: unit.line,
      column: unit.column,
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    translations: {
      file,
      sourceLocale: localeFromTag(fileElement?.attributes['source-language'] ?? ''),
      targetLocale: localeFromTag(fileElement?.attributes['target-language'] ?? ''),
      rows,
    },
  };
}
