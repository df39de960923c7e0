import { writeFileSync } from 'node:fs';
import { mergeTranslations, readCsv, readXliff } from '../../engine/index.ts';
import { ExitCode, UsageError } from '../io.ts';
import type { Io } from '../io.ts';
import { StringsFormat, formatOfName, localeOption, printProblems, readNamed } from './strings.ts';
import type { StringsOptions } from './strings.ts';

/** XLIFF when the name says so, or when the content is XML whatever the name. */
function formatOf(file: string, text: string): string {
  if (/\.csv$/i.test(file)) return StringsFormat.csv;
  return /^\uFEFF?\s*</.test(text) ? StringsFormat.xliff : formatOfName(file);
}

/**
 * `service-dojo strings import <scenario> <translations.csv|.xlf> [--locale l]`: merges the
 * translations into the scenario file in place. Rows with an unknown id or a source text that
 * changed since the export are reported and left out; the rest is merged.
 */
export function stringsImport(args: readonly string[], options: StringsOptions, io: Io): ExitCode {
  const [file, translationFile, ...extra] = args;
  if (file === undefined || translationFile === undefined || extra.length > 0)
    throw new UsageError(
      'strings import takes the scenario and the translation file, e.g. `service-dojo strings import scenarios/charged-twice.yaml charged-twice.zh-Hans.csv`',
    );
  const text = readNamed(file);
  const translationText = readNamed(translationFile);
  const format = options.format ?? formatOf(translationFile, translationText);
  if (format !== StringsFormat.csv && format !== StringsFormat.xliff)
    throw new UsageError(`--format must be csv or xliff; got \`${format}\``);
  const read =
    format === StringsFormat.xliff
      ? readXliff(translationText, translationFile)
      : readCsv(translationText, translationFile);
  if (!read.ok) return report(options.json, io, { file, translationFile, problems: read.problems });

  const named = localeOption(options.locale, 'locale');
  const written = read.translations.targetLocale;
  if (named && written && named !== written)
    throw new UsageError(
      `--locale ${named}, but ${translationFile} holds ${written} translations (its ${format === StringsFormat.csv ? 'header' : 'target-language'})`,
    );
  const locale = named ?? written;
  if (locale === undefined)
    throw new UsageError(
      `${translationFile} does not say which language it holds; pass --locale zh-Hans (or en, zh-Hant)`,
    );
  const sourceLocale = localeOption(options.source, 'source') ?? read.translations.sourceLocale;
  const merged = mergeTranslations(text, file, { ...read.translations, sourceLocale }, locale);
  if (!merged.ok)
    return report(options.json, io, { file, translationFile, locale, problems: merged.problems });
  if (merged.merged.length > 0) writeFileSync(file, merged.text);
  return report(options.json, io, {
    file,
    translationFile,
    locale,
    merged: merged.merged,
    unchanged: merged.unchanged,
    untranslated: merged.untranslated,
    problems: merged.problems,
  });
}

interface ImportReport {
  readonly file: string;
  readonly translationFile: string;
  readonly locale?: string;
  readonly merged?: readonly string[];
  readonly unchanged?: number;
  readonly untranslated?: number;
  readonly problems: Parameters<typeof printProblems>[0];
}

function report(json: boolean, io: Io, result: ImportReport): ExitCode {
  const code = result.problems.length > 0 ? ExitCode.problems : ExitCode.clean;
  if (json) {
    io.out(
      `${JSON.stringify({ merged: [], ...result, problemCount: result.problems.length }, null, 2)}\n`,
    );
    return code;
  }
  printProblems(result.problems, io);
  if (result.merged === undefined) {
    io.out(`✖ nothing merged into ${result.file}\n`);
    return code;
  }
  const count = result.merged.length;
  const rest = [
    `${result.unchanged ?? 0} already there`,
    ...(result.untranslated ? [`${result.untranslated} left empty`] : []),
    ...(result.problems.length ? [`${result.problems.length} not merged`] : []),
  ].join(', ');
  io.out(
    `${code === ExitCode.clean ? '✔' : '✖'} ${count} ${result.locale ?? ''} line${count === 1 ? '' : 's'} merged into ${count ? result.file : `${result.file} (unchanged)`}; ${rest}\n`,
  );
  return code;
}
