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
        report = null;
        this.error({
          message,
          id: path.resolve(first.file),
          loc: { file: path.resolve(first.file), line: first.line, column: first.column - 1 },
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
    handleHotUpdate({ file, server }) {
      if (!/\.ya?ml$/i.test(file) || !path.resolve(file).startsWith(folder)) return undefined;
      report = null;
      for (const module of server.moduleGraph.idToModuleMap.values()) {
        if (module.id === RESOLVED || module.id?.startsWith(RESOLVED_PREFIX))
          server.moduleGraph.invalidateModule(module);
      }
      server.ws.send({ type: 'full-reload' });
      return [];
    },
  };
}
