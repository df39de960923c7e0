import { hantListing } from '../../engine/index.ts';
import { readText } from '../files.ts';
import { ExitCode, UsageError } from '../io.ts';
import type { Io } from '../io.ts';

/** `service-dojo hant <file>`: every Simplified text beside its Traditional form, for review. */
export function hant(file: string | undefined, json: boolean, io: Io): ExitCode {
  if (file === undefined)
    throw new UsageError(
      'name one scenario file, e.g. `service-dojo hant scenarios/charged-twice.yaml`',
    );
  let text: string;
  try {
    text = readText(file);
  } catch {
    throw new UsageError(`cannot read ${file}`);
  }
  const rows = hantListing(text, file);
  if (json) {
    io.out(`${JSON.stringify(rows, null, 2)}\n`);
    return ExitCode.clean;
  }
  for (const row of rows) {
    const mark =
      row.origin === 'written'
        ? ' (written in the file)'
        : row.overrides.length
          ? ` (overrides: ${row.overrides.join(', ')})`
          : '';
    io.out(
      `${file}:${row.line} ${row.path}${mark}\n  简 ${row.simplified}\n  繁 ${row.traditional}\n`,
    );
  }
  io.out(
    `${rows.length} texts; ${rows.filter((row) => row.origin === 'derived').length} derived by OpenCC (Taiwan standard)\n`,
  );
  return ExitCode.clean;
}
