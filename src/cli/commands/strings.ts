import { formatStringsProblem, isLocaleId } from '../../engine/index.ts';
import type { LocaleId, Problem, StringsProblem } from '../../engine/index.ts';
import { readText } from '../files.ts';
import { UsageError } from '../io.ts';
import type { ExitCode, Io } from '../io.ts';
import { stringsExport } from './strings-export.ts';
import { stringsImport } from './strings-import.ts';

/** Options of `service-dojo strings …` (parsed with the others in main.ts). */
export interface StringsOptions {
  readonly locale?: string | undefined;
  readonly source?: string | undefined;
  readonly format?: string | undefined;
  readonly out?: string | undefined;
  readonly json: boolean;
}

/** The two halves of the translation round trip. */
export const StringsCommand = { export: 'export', import: 'import' } as const;

/** Translation file formats. */
export const StringsFormat = { csv: 'csv', xliff: 'xliff' } as const;
export type StringsFormat = (typeof StringsFormat)[keyof typeof StringsFormat];

/** `service-dojo strings export|import …`: the translation round trip. */
export function strings(args: readonly string[], options: StringsOptions, io: Io): ExitCode {
  const [command, ...rest] = args;
  switch (command) {
    case StringsCommand.export:
      return stringsExport(rest, options, io);
    case StringsCommand.import:
      return stringsImport(rest, options, io);
    case undefined:
      throw new UsageError(
        'name `strings export` or `strings import`, e.g. `service-dojo strings export scenarios/charged-twice.yaml --locale zh-Hans`',
      );
    default:
      throw new UsageError(
        `unknown strings command \`${command}\`; write \`export\` or \`import\``,
      );
  }
}

/** A `--locale`/`--source` value, checked. */
export function localeOption(value: string | undefined, option: string): LocaleId | undefined {
  if (value === undefined) return undefined;
  if (!isLocaleId(value))
    throw new UsageError(`--${option} must be en, zh-Hans or zh-Hant; got \`${value}\``);
  return value;
}

/** The format a file name implies: `.xlf`/`.xliff`/`.xml` is XLIFF, anything else CSV. */
export function formatOfName(file: string): StringsFormat {
  return /\.(xlf|xliff|xml)$/i.test(file) ? StringsFormat.xliff : StringsFormat.csv;
}

/** Reads a file the user named, as a usage error when it cannot be read. */
export function readNamed(file: string): string {
  try {
    return readText(file);
  } catch {
    throw new UsageError(`cannot read ${file}`);
  }
}

/** Prints problems one per line, file:line:col first. */
export function printProblems(problems: readonly (Problem | StringsProblem)[], io: Io): void {
  for (const problem of problems) io.out(`${formatStringsProblem(problem)}\n`);
}
