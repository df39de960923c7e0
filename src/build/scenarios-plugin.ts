import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { formatProblem, loadLibrary } from '../engine/index.ts';
import type { SourceFile } from '../engine/index.ts';

/** The module the game imports its scenarios from: checked, compiled to data, at build time. */
export const SCENARIOS_MODULE = 'virtual:service-dojo/scenarios';
const RESOLVED = `\0${SCENARIOS_MODULE}`;

function yamlFiles(folder: string): string[] {
  return readdirSync(folder)
    .filter((name) => /\.ya?ml$/i.test(name))
    .sort()
    .map((name) => path.join(folder, name));
}

/**
 * Loads every scenario and drill through the same loader as the CLI, at build time: the YAML
 * parser and the Chinese converter never reach the players' bundle. A broken file stops the build
 * (and shows in Vite's overlay in dev) with every problem's file, line and column; editing a
 * scenario in `npm run dev` reloads the game.
 */
export function scenariosPlugin(options: { folder: string }): Plugin {
  const folder = path.resolve(options.folder);
  const drillFolder = path.join(folder, 'drills');
  return {
    name: 'service-dojo-scenarios',
    resolveId(id) {
      return id === SCENARIOS_MODULE ? RESOLVED : undefined;
    },
    load(id) {
      if (id !== RESOLVED) return undefined;
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
      const report = loadLibrary(
        sources.map((source) => ({ ...source, file: path.relative(process.cwd(), source.file) })),
      );
      const problems = report.files.flatMap((file) => file.problems);
      const [first] = problems;
      if (first) {
        this.error({
          message: `${problems.length} problem${problems.length === 1 ? '' : 's'} in the scenarios:\n${problems.map(formatProblem).join('\n')}`,
          id: path.resolve(first.file),
          loc: { file: path.resolve(first.file), line: first.line, column: first.column - 1 },
        });
      }
      const scenarios = report.scenarios.map((entry) => entry.scenario);
      const drills = report.drills.map((entry) => entry.drill);
      return `export const scenarios = ${JSON.stringify(scenarios)};\nexport const drills = ${JSON.stringify(drills)};\n`;
    },
    handleHotUpdate({ file, server }) {
      if (!/\.ya?ml$/i.test(file) || !path.resolve(file).startsWith(folder)) return undefined;
      const module = server.moduleGraph.getModuleById(RESOLVED);
      if (module) server.moduleGraph.invalidateModule(module);
      server.ws.send({ type: 'full-reload' });
      return [];
    },
  };
}
