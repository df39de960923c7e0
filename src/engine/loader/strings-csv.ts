import { localeFromTag } from './strings-locale.ts';
import type { TranslationFile, TranslationRow } from './strings-merge.ts';
import type { LineTable } from './strings-lines.ts';
import { StringsProblemCode } from './strings-problem.ts';
import type { StringsProblem } from './strings-problem.ts';

/** Excel reads a CSV as UTF-8 (and shows Chinese correctly) only when it starts with this mark. */
export const CSV_BOM = '\uFEFF';

/** A cell a spreadsheet would run as a formula (or one that already carries our guard). */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const GUARDED = /^'+[=+\-@\t\r]/;

/**
 * Prefixes `'` to a cell a spreadsheet would run as a formula (`= + - @`, tab, CR). Cells that
 * already start with quotes before such a character get one more, so `unguardCell` is an exact
 * inverse for every text.
 */
export function guardCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Removes the quote `guardCell` added. */
export function unguardCell(text: string): string {
  return GUARDED.test(text) ? text.slice(1) : text;
}

function field(text: string): string {
  const cell = guardCell(text);
  return /[",\r\n]/.test(cell) || cell.trim() !== cell ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/**
 * The lines as RFC 4180 CSV: a header `id,<source>,<target>,note`, one row per line, CRLF
 * between records, UTF-8 with a byte order mark, formula-like cells guarded.
 */
export function writeCsv(table: LineTable): string {
  const rows = [
    ['id', table.sourceLocale, table.targetLocale, 'note'],
    ...table.lines.map((line) => [line.id, line.source, line.target, line.note]),
  ];
  return `${CSV_BOM}${rows.map((row) => row.map(field).join(',')).join('\r\n')}\r\n`;
}

/** One CSV record and the line and column it starts at. */
export interface CsvRecord {
  readonly fields: readonly string[];
  readonly line: number;
  readonly column: number;
}

/**
 * Splits CSV text into records (RFC 4180: quoted fields may hold the delimiter, `""` and line
 * breaks). Blank lines are skipped. Problems point at the offending character.
 */
export function parseCsv(
  text: string,
  file: string,
  delimiter = ',',
): { records: CsvRecord[]; problems: StringsProblem[] } {
  const records: CsvRecord[] = [];
  const problems: StringsProblem[] = [];
  let fields: string[] = [];
  let cell = '';
  let line = 1;
  let column = 1;
  let recordAt = { line, column };
  let quotedAt: { line: number; column: number } | null = null;
  let afterQuote = false;
  const endRecord = () => {
    fields.push(cell);
    if (!(fields.length === 1 && fields[0] === '')) records.push({ fields, ...recordAt });
    fields = [];
    cell = '';
  };
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charAt(index);
    const next = text.charAt(index + 1);
    const here = { line, column };
    if (char === '\n' || (char === '\r' && next !== '\n')) {
      line += 1;
      column = 1;
    } else {
      column += 1;
    }
    if (quotedAt) {
      if (char === '"' && next === '"') {
        cell += '"';
        index += 1;
        column += 1;
      } else if (char === '"') {
        quotedAt = null;
        afterQuote = true;
      } else {
        cell += char;
      }
      continue;
    }
    if (fields.length === 0 && cell === '' && !afterQuote) recordAt = here;
    if (char === delimiter) {
      fields.push(cell);
      cell = '';
      afterQuote = false;
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && next === '\n') continue;
      endRecord();
      afterQuote = false;
    } else if (afterQuote) {
      problems.push({
        file,
        ...here,
        code: StringsProblemCode.badTranslationFile,
        message: `\`${char}\` after the closing quote of a field`,
        hint: 'write a quote inside a quoted field as two quotes: `"she said ""no"""`',
      });
      afterQuote = false;
    } else if (char === '"' && cell === '') {
      quotedAt = here;
    } else {
      cell += char;
    }
  }
  if (quotedAt) {
    problems.push({
      file,
      ...quotedAt,
      code: StringsProblemCode.badTranslationFile,
      message: 'this quoted field is never closed',
      hint: 'end the field with `"`; write a quote inside it as `""`',
    });
  } else if (cell !== '' || fields.length > 0 || afterQuote) {
    endRecord();
  }
  return { records, problems };
}

/**
 * Reads a translation CSV as `writeCsv` writes it (or as a spreadsheet saves it back: with or
 * without the byte order mark, `;` as the separator, CRLF inside cells). The header names the
 * source and target locales; cells lose the formula guard.
 */
export function readCsv(
  text: string,
  file: string,
): { ok: true; translations: TranslationFile } | { ok: false; problems: StringsProblem[] } {
  const body = text.startsWith(CSV_BOM) ? text.slice(1) : text;
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = !firstLine.includes(',') && firstLine.includes(';') ? ';' : ',';
  const { records, problems } = parseCsv(body, file, delimiter);
  if (problems.length > 0) return { ok: false, problems };
  const [header, ...rows] = records;
  const headerCells = header?.fields.map((cell) => unguardCell(cell).trim()) ?? [];
  if (headerCells[0]?.toLowerCase() !== 'id' || headerCells.length < 3) {
    return {
      ok: false,
      problems: [
        {
          file,
          line: header?.line ?? 1,
          column: 1,
          code: StringsProblemCode.badTranslationFile,
          message: 'the first row is not the header `id,<source locale>,<target locale>,note`',
          hint: 'start from a file `service-dojo strings export` wrote and keep its first row',
        },
      ],
    };
  }
  const bad: StringsProblem[] = [];
  const translations: TranslationRow[] = [];
  for (const record of rows) {
    if (record.fields.length < 3) {
      bad.push({
        file,
        line: record.line,
        column: record.column,
        code: StringsProblemCode.badTranslationFile,
        message: `this row has ${record.fields.length} column${record.fields.length === 1 ? '' : 's'}; the file needs id, source and target`,
        hint: 'quote a cell that holds a comma or a line break: `"Yes, of course"`',
      });
      continue;
    }
    const [id = '', source = '', target = ''] = record.fields.map(unguardCell);
    translations.push({ id: id.trim(), source, target, line: record.line, column: record.column });
  }
  if (bad.length > 0) return { ok: false, problems: bad };
  return {
    ok: true,
    translations: {
      file,
      sourceLocale: localeFromTag(headerCells[1] ?? ''),
      targetLocale: localeFromTag(headerCells[2] ?? ''),
      rows: translations,
    },
  };
}
