import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { check } from './commands/check.ts';
import { explore } from './commands/explore.ts';
import { graph } from './commands/graph.ts';
import { hant } from './commands/hant.ts';
import { ExitCode, UsageError, processIo } from './io.ts';
import type { Io } from './io.ts';

export const USAGE = `Usage: service-dojo <command> [options]

Commands:
  check <files|folders>   check scenario and drill files; every problem with file:line:column
  explore <file>          walk every path: endings, best and worst score, unreachable nodes, dead ends
  graph <file>            print the scenario as a Mermaid flowchart
  hant <file>             list every Simplified text beside its derived Traditional form, for review

Options:
  --json                  machine-readable output
  -h, --help              show this help
  -v, --version           show the version

Exit codes: 0 clean, 1 problems found, 2 usage error.
`;

const Command = { check: 'check', explore: 'explore', graph: 'graph', hant: 'hant' } as const;

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
    switch (command) {
      case Command.check:
        return check(rest, values.json, io);
      case Command.explore:
      case Command.graph:
      case Command.hant: {
        if (rest.length > 1) throw new UsageError(`${command} takes one file; got ${rest.length}`);
        const run = { [Command.explore]: explore, [Command.graph]: graph, [Command.hant]: hant }[
          command
        ];
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
