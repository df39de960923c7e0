import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { check } from './commands/check.ts';
import { explore } from './commands/explore.ts';
import { graph } from './commands/graph.ts';
import { hant } from './commands/hant.ts';
import { score } from './commands/score.ts';
import { strings } from './commands/strings.ts';
import { ExitCode, UsageError, processIo } from './io.ts';
import type { Io } from './io.ts';

export const USAGE = `Usage: service-dojo <command> [options]

Commands:
  check <files|folders>   check scenario and drill files; every problem with file:line:column
  explore <files|folders> walk every path: endings, best and worst score, unreachable nodes, dead
                          ends, and the give-away checks (one report per scenario)
  graph <file>            print the scenario as a Mermaid flowchart
  hant <file>             list every Simplified text beside its derived Traditional form, for review
  score <file> <transcript.json>
                          replay a recorded call (its seed's answer order checked) and print its score
  strings export <file> --locale <l> [--format csv|xliff] [--out <file>]
                          write every translatable line (stable id, source, target) as CSV or XLIFF 1.2
  strings import <file> <translations.csv|.xlf> [--locale <l>]
                          merge translations into the scenario in place (comments and layout kept)

Options:
  --json                  machine-readable output
  --locale <l>            strings: the target locale, en, zh-Hans or zh-Hant
  --source <l>            strings: the source locale (default: the first one the file declares)
  -h, --help              show this help
  -v, --version           show the version

Exit codes: 0 clean, 1 problems found, 2 usage error.
`;

const Command = {
  check: 'check',
  explore: 'explore',
  graph: 'graph',
  hant: 'hant',
  strings: 'strings',
  score: 'score',
} as const;

function version(): string {
  const manifest = JSON.parse(
    readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
  ) as { version: string };
  return manifest.version;
}

/** Runs the CLI with arguments (without `node` and the script) and returns the exit code. */
export function main(argv: readonly string[], io: Io = processIo): ExitCode {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
        locale: { type: 'string' },
        source: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string', short: 'o' },
      },
    });
    if (values.help) {
      io.out(USAGE);
      return ExitCode.clean;
    }
    if (values.version) {
      io.out(`${version()}\n`);
      return ExitCode.clean;
    }
    const [command, ...rest] = positionals;
    const stringsOptions = {
      locale: values.locale,
      source: values.source,
      format: values.format,
      out: values.out,
    };
    const stray = Object.entries(stringsOptions).find(([, value]) => value !== undefined);
    if (stray && command !== Command.strings)
      throw new UsageError(`--${stray[0]} belongs to \`strings\`, not \`${command ?? ''}\``);
    switch (command) {
      case Command.strings:
        return strings(rest, { ...stringsOptions, json: values.json }, io);
      case Command.check:
        return check(rest, values.json, io);
      case Command.score:
        return score(rest, values.json, io);
      case Command.explore:
        return explore(rest, values.json, io);
      case Command.graph:
      case Command.hant: {
        if (rest.length > 1) throw new UsageError(`${command} takes one file; got ${rest.length}`);
        const run = { [Command.graph]: graph, [Command.hant]: hant }[command];
        return run(rest[0], values.json, io);
      }
      case undefined:
        throw new UsageError('name a command');
      default:
        throw new UsageError(`unknown command \`${command}\``);
    }
  } catch (error) {
    if (
      error instanceof UsageError ||
      (error instanceof TypeError &&
        'code' in error &&
        String(error.code).startsWith('ERR_PARSE_ARGS'))
    ) {
      io.err(`service-dojo: ${error.message}\n\n${USAGE}`);
      return ExitCode.usage;
    }
    throw error;
  }
}

// Run directly (`node src/cli/main.ts …`) as well as through the bin wrapper.
if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  process.exitCode = main(process.argv.slice(2));
}
