import { Locale } from '../model/locales.ts';
import type { LocaleId } from '../model/locales.ts';
import { deriveHant } from './derive-hant.ts';
import { readYaml } from './read-yaml.ts';
import { isRawMap, valueAtPath } from './raw.ts';
import { nearest } from './render.ts';
import type { Problem } from './problem.ts';
import { shownText, translatableLines } from './strings-lines.ts';
import type { TranslatableLine } from './strings-lines.ts';
import { StringsProblemCode } from './strings-problem.ts';
import type { StringsProblem } from './strings-problem.ts';
import { CstEditError, applyTextEdits } from './yaml-cst-edit.ts';
import type { TextEdit } from './yaml-cst-edit.ts';

/** One row of a translation file (CSV or XLIFF), with where it sits in that file. */
export interface TranslationRow {
  readonly id: string;
  /** The source text the translator saw. */
  readonly source: string;
  /** The translation; '' when the translator left it empty. */
  readonly target: string;
  readonly line: number;
  readonly column: number;
}

/** A translation file as read: the locales its header names, and its rows. */
export interface TranslationFile {
  readonly file: string;
  readonly sourceLocale?: LocaleId;
  readonly targetLocale?: LocaleId;
  readonly rows: readonly TranslationRow[];
}

export interface MergeResult {
  /** The scenario file with the translations merged (the input itself when nothing changed). */
  readonly text: string;
  /** Ids of the lines whose text changed. */
  readonly merged: readonly string[];
  /** Rows whose translation the file already had. */
  readonly unchanged: number;
  /** Rows left empty by the translator. */
  readonly untranslated: number;
  /** Rows that were not merged, and why. */
  readonly problems: readonly StringsProblem[];
}

export type MergeOutcome =
  ({ ok: true } & MergeResult) | { ok: false; problems: readonly (Problem | StringsProblem)[] };

/** Excel and some editors write CRLF inside cells; the scenario files use LF. */
const lf = (text: string) => text.replace(/\r\n?/g, '\n');

function quote(text: string, max = 60): string {
  const flat = text.replace(/\n/g, '⏎');
  return `"${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}"`;
}

/** Whether a translation says nothing the file does not already say. */
function alreadyThere(line: TranslatableLine, target: string, locale: LocaleId, raw: unknown) {
  if (target === line.target) return true;
  if (line.plain) return target === line.source;
  // zh-Hant the converter derives needs no zh-Hant in the file.
  const text = valueAtPath(raw, line.path);
  const simplified = isRawMap(text) ? text[Locale.zhHans] : undefined;
  return (
    locale === Locale.zhHant &&
    line.target === '' &&
    typeof simplified === 'string' &&
    target === deriveHant(shownText(simplified, Locale.zhHans))
  );
}

/**
 * Merges a translation file into a scenario file's text. A row is merged when its id names a
 * line of the file, its source text is still the file's source text (otherwise the translation
 * is stale) and its target is not empty; every other row comes back as a problem pinned to the
 * translation file. Comments, key order and formatting of the scenario are kept (the edit goes
 * through the YAML concrete syntax tree).
 *
 * @example
 * const result = mergeTranslations(yamlText, 'scenarios/x.yaml', readCsv(csvText, 'x.csv'), 'zh-Hans');
 * if (result.ok && result.merged.length) writeFileSync('scenarios/x.yaml', result.text);
 */
export function mergeTranslations(
  text: string,
  file: string,
  translations: TranslationFile,
  locale: LocaleId,
): MergeOutcome {
  const table = translatableLines(text, file, locale, translations.sourceLocale);
  if (!table.ok) return table;
  const read = readYaml(text, file);
  if (!read.ok) return read;
  const { sourceLocale, lines } = table.table;
  const byId = new Map(lines.map((line) => [line.id, line]));
  const ids = [...byId.keys()];
  const problems: StringsProblem[] = [];
  const seen = new Map<string, TranslationRow>();
  const edits: (TextEdit & { id: string })[] = [];
  let unchanged = 0;
  let untranslated = 0;
  const at = (row: TranslationRow) => ({
    file: translations.file,
    line: row.line,
    column: row.column,
  });

  for (const row of translations.rows) {
    const line = byId.get(row.id);
    const earlier = seen.get(row.id);
    if (earlier) {
      problems.push({
        ...at(row),
        code: StringsProblemCode.duplicateRow,
        message: `line id \`${row.id}\` appears a second time (first at line ${earlier.line}); this row was not merged`,
        hint: 'keep one row per line id',
      });
      continue;
    }
    seen.set(row.id, row);
    if (!line) {
      const guess = nearest(row.id, ids);
      problems.push({
        ...at(row),
        code: StringsProblemCode.unknownLineId,
        message: `line id \`${row.id}\` is not in ${file}${guess ? ` — did you mean \`${guess}\`?` : ''}; this row was not merged`,
        hint: 'line ids come from node, choice and ending ids: if one was renamed, export again and copy the translation to the new row',
      });
      continue;
    }
    const target = lf(row.target);
    if (target === '') {
      untranslated += 1;
      continue;
    }
    if (lf(row.source) !== line.source) {
      const now = read.source.valuePosition(line.plain ? line.path : [...line.path, sourceLocale]);
      problems.push({
        ...at(row),
        code: StringsProblemCode.staleSource,
        message: `the ${sourceLocale} text of \`${row.id}\` changed since the export (${file}:${now.line}:${now.column}): translated from ${quote(lf(row.source))}, now ${quote(line.source)}; this row was not merged`,
        hint: `export again, translate the new ${sourceLocale} text and import that file`,
      });
      continue;
    }
    if (alreadyThere(line, target, locale, read.raw)) {
      unchanged += 1;
      continue;
    }
    edits.push({ id: line.id, path: line.path, locale, text: target, sourceLocale });
  }

  let merged: string;
  try {
    merged = applyTextEdits(text, edits);
  } catch (error) {
    if (!(error instanceof CstEditError)) throw error;
    return { ok: false, problems: [cannotEdit(file, error.message)] };
  }
  const check = verify(text, merged, file, edits);
  if (check) return { ok: false, problems: [check] };
  return {
    ok: true,
    text: merged,
    merged: edits.map((edit) => edit.id),
    unchanged,
    untranslated,
    problems,
  };
}

function cannotEdit(file: string, why: string): StringsProblem {
  return {
    file,
    line: 1,
    column: 1,
    code: StringsProblemCode.cannotEdit,
    message: `the translations could not be merged without reformatting the file (${why}); nothing was written`,
    hint: 'write the texts as `key: { en: "…", zh-Hans: "…" }` or as one `locale: text` per line, then import again',
  };
}

/** The merged file must read back as the original with exactly the edited texts changed. */
function verify(
  before: string,
  after: string,
  file: string,
  edits: readonly TextEdit[],
): StringsProblem | undefined {
  const original = readYaml(before, file);
  const merged = readYaml(after, file);
  if (!original.ok || !merged.ok) return cannotEdit(file, 'the result does not parse');
  const expected = structuredClone(original.raw);
  for (const edit of edits) {
    const holder = valueAtPath(expected, edit.path.slice(0, -1));
    const key = edit.path.at(-1);
    if (!isRawMap(holder) && !Array.isArray(holder)) continue;
    const slot = holder as Record<string | number, unknown>;
    if (key === undefined) continue;
    const current = slot[key];
    slot[key] = isRawMap(current)
      ? { ...current, [edit.locale]: edit.text }
      : { [edit.sourceLocale]: current, [edit.locale]: edit.text };
  }
  return JSON.stringify(expected) === JSON.stringify(merged.raw)
    ? undefined
    : cannotEdit(file, 'the result does not read back as intended');
}
