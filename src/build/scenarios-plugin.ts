import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { explore, formatProblem, loadLibrary } from '../engine/index.ts';
import type { LibraryReport, SourceFile } from '../engine/index.ts';

/** The module the game imports its catalogue from: checked, compiled to data, at build time. */
export const SCENARIOS_MODULE = 'virtual:service-dojo/scenarios';
/** One module per scenario (`…/scenario/<id>`), so a call's data loads only when it is played. */
export const SCENARIO_MODULE_PREFIX = 'virtual:service-dojo/scenario/';
const RESOLVED = `\0${SCENARIOS_MODULE}`;
const RESOLVED_PREFIX = `\0${SCENARIO_MODULE_PREFIX}`;

/**
 * The lines around a problem with a caret under its column, for Vite's error overlay (which
 * shows `frame` under the message, as it does for a syntax error in code).
 */
export function codeFrame(text: string, line: number, column: number): string {
  const lines = text.split(/\r?\n/);
  const first = Math.max(1, line - 2);
  const last = Math.min(lines.length, line + 2);
  const width = String(last).length;
  const rows: string[] = [];
  for (let number = first; number <= last; number += 1) {
    const gutter = `${number === line ? '>' : ' '} ${String(number).padStart(width)} | `;
    rows.push(`${gutter}${lines[number - 1] ?? ''}`);
    if (number === line)
      rows.push(`  ${' '.repeat(width)} | ${' '.repeat(Math.max(0, column - 1))}^`);
  }
  return rows.join('\n');
}

function yamlFiles(folder: string): string[] {
  return readdirSync(folder)
    .filter((name) => /\.ya?ml$/i.test(name))
    .sort()
    .map((name) => path.join(folder, name));
}

/**
 * Loads every scenario and drill through the same loader as the CLI, at build time: the YAML
 * parser and the Chinese converter never reach the players' bundle. The main bundle gets a small
 * catalogue; each scenario (with its best path, for the debrief) is a chunk of its own. A broken
 * file stops the build (and shows in Vite's overlay in dev) with every problem's file, line and
 * column; editing a scenario in `npm run dev` reloads the game.
 */
export function scenariosPlugin(options: { folder: string }): Plugin {
  const folder = path.resolve(options.folder);
  const drillFolder = path.join(folder, 'drills');
  let report: LibraryReport | null = null;

  return {
    name: 'service-dojo-scenarios',
    resolveId(id) {
      if (id === SCENARIOS_MODULE) return RESOLVED;
      if (id.startsWith(SCENARIO_MODULE_PREFIX)) return `\0${id}`;
      return undefined;
    },
    load(id) {
      if (id !== RESOLVED && !id.startsWith(RESOLVED_PREFIX)) return undefined;
      const sources: SourceFile[] = [
        ...yamlFiles(folder).map((file) => ({
          file,
          text: readFileSync(file, 'utf8'),
          kind: 'scenario' as const,
        })),
        ...yamlFiles(drillFolder).map((file) => ({
          file,
          text: readFileSync(file, 'utf8'),
          kind: 'drill' as const,
        })),
      ];
      for (const source of sources) this.addWatchFile(source.file);
      report ??= loadLibrary(
        sources.map((source) => ({ ...source, file: path.relative(process.cwd(), source.file) })),
      );
      const problems = report.files.flatMap((file) => file.problems);
      const [first] = problems;
      if (first) {
        const message = `${problems.length} problem${problems.length === 1 ? '' : 's'} in the scenarios:\n${problems.map(formatProblem).join('\n')}`;
        const file = path.resolve(first.file);
        const text = sources.find((source) => path.resolve(source.file) === file)?.text ?? '';
        report = null;
        this.error({
          message,
          id: file,
          // 1-based like every problem the CLI prints, so the overlay's file:line:col matches.
          loc: { file, line: first.line, column: first.column },
          frame: codeFrame(text, first.line, first.column),
        });
      }
      const scenarios = report.scenarios.map((entry) => entry.scenario);

      if (id.startsWith(RESOLVED_PREFIX)) {
        const scenario = scenarios.find(
          (candidate) => candidate.id === id.slice(RESOLVED_PREFIX.length),
        );
        if (!scenario) this.error(`no scenario ${id.slice(RESOLVED_PREFIX.length)}`);
        // The best path is found here, so the explorer never runs (or ships) in the browser.
        const bestPath = explore(scenario).best?.events ?? [];
        return `export const scenario = ${JSON.stringify(scenario)};\nexport const bestPath = ${JSON.stringify(bestPath)};\n`;
      }

      const catalogue = scenarios.map((scenario) => ({
        id: scenario.id,
        title: scenario.title,
        summary: scenario.summary,
        channel: scenario.channel,
        difficulty: scenario.difficulty,
        focus: scenario.focus,
        source: scenario.source,
      }));
      const loaders = scenarios
        .map(
          (scenario) =>
            `  ${JSON.stringify(scenario.id)}: () => import(${JSON.stringify(SCENARIO_MODULE_PREFIX + scenario.id)}),`,
        )
        .join('\n');
      return [
        `export const catalogue = ${JSON.stringify(catalogue)};`,
        `export const drills = ${JSON.stringify(report.drills.map((entry) => entry.drill))};`,
        `export const loaders = {\n${loaders}\n};`,
        '',
      ].join('\n');
    },
    configureServer(server) {
      // The folder may lie outside Vite's root (tests use a temporary copy): watch it anyway,
      // so new files are seen as well as edited ones.
      server.watcher.add(folder);
    },
    // `hotUpdate`, not the deprecated `handleHotUpdate`: Vite calls the latter only for edits,
    // never when a scenario file is added or deleted.
    hotUpdate({ file }) {
      const inFolder = path.resolve(file).startsWith(`${folder}${path.sep}`);
      if (!inFolder || !/\.ya?ml$/i.test(file)) return undefined;
      report = null;
      const graph = this.environment.moduleGraph;
      for (const module of graph.idToModuleMap.values()) {
        if (module.id === RESOLVED || module.id?.startsWith(RESOLVED_PREFIX))
          graph.invalidateModule(module);
      }
      if (this.environment.name === 'client') this.environment.hot.send({ type: 'full-reload' });
      return [];
    },
  };
}
