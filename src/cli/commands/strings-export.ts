import { writeFileSync } from 'node:fs';
import { translatableLines, writeCsv, writeXliff } from '../../engine/index.ts';
import { ExitCode, UsageError } from '../io.ts';
import type { Io } from '../io.ts';
import { StringsFormat, formatOfName, localeOption, printProblems, readNamed } from './strings.ts';
import type { StringsOptions } from './strings.ts';

/**
 * `service-dojo strings export <scenario> --locale <l> [--format csv|xliff] [--out file]`:
 * every translatable line with its stable id, source text and current translation.
 */
export function stringsExport(args: readonly string[], options: StringsOptions, io: Io): ExitCode {
  const [file, ...extra] = args;
  if (file === undefined || extra.length > 0)
    throw new UsageError(
      'strings export takes one scenario file, e.g. `service-dojo strings export scenarios/charged-twice.yaml --locale zh-Hans --out charged-twice.zh-Hans.csv`',
    );
  const locale = localeOption(options.locale, 'locale');
  if (locale === undefined)
    throw new UsageError('name the language to translate into: --locale zh-Hans (or en, zh-Hant)');
  const sourceLocale = localeOption(options.source, 'source');
  const format = options.format ?? (options.out ? formatOfName(options.out) : StringsFormat.csv);
  if (format !== StringsFormat.csv && format !== StringsFormat.xliff)
    throw new UsageError(`--format must be csv or xliff; got \`${format}\``);

  const result = translatableLines(readNamed(file), file, locale, sourceLocale);
  if (!result.ok) {
    printProblems(result.problems, io);
    io.out(`✖ ${file} cannot be exported until these are fixed\n`);
    return ExitCode.problems;
  }
  const { table } = result;
  if (table.sourceLocale === locale)
    throw new UsageError(
      `${locale} is the source language of ${file}; name the language to translate into, or pass --source`,
    );
  if (options.json) {
    io.out(`${JSON.stringify(table, null, 2)}\n`);
    return ExitCode.clean;
  }
  const text = format === StringsFormat.xliff ? writeXliff(table) : writeCsv(table);
  if (options.out === undefined) {
    io.out(text);
    return ExitCode.clean;
  }
  writeFileSync(options.out, text);
  const missing = table.lines.filter((line) => line.target === '').length;
  io.out(
    `✔ ${table.lines.length} lines of ${file} (${table.sourceLocale} → ${locale}, ${missing} untranslated) written to ${options.out}\n`,
  );
  return ExitCode.clean;
}
