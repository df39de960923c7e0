import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { deriveHant, formatProblem, loadLibrary } from '../engine/index.ts';
import type { DrillData, Scenario, Text } from '../engine/index.ts';
import type { CatalogueResponse, LocalizedTitle, ScenarioRef } from '../protocol/index.ts';

/** The scenarios and drills this server accepts transcripts for, loaded once at start. */
export interface Catalogue {
  readonly scenarios: ReadonlyMap<
    string,
    { readonly scenario: Scenario; readonly ref: ScenarioRef }
  >;
  readonly drills: ReadonlyMap<string, DrillData>;
  readonly response: CatalogueResponse;
}

/**
 * A text field as the wire's localized title (a plain string applies to every locale). Drill
 * files, like scenarios, may leave zh-Hant out: it is derived from zh-Hans here.
 */
export function localized(text: Text): LocalizedTitle {
  if (typeof text === 'string') return { en: text, 'zh-Hans': text, 'zh-Hant': text };
  const simplified = text['zh-Hans'];
  return text['zh-Hant'] === undefined && simplified !== undefined
    ? { ...text, 'zh-Hant': deriveHant(simplified) }
    : { ...text };
}

const yamlIn = (folder: string) =>
  readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.ya?ml$/i.test(entry.name))
    .map((entry) => path.join(folder, entry.name))
    .sort();

/**
 * Loads every scenario in `folder` and every drill in `folder/drills` with the same loader as the
 * CLI and the build. A broken file stops the server with every problem listed: a drill server
 * that silently dropped a scenario would reject its players' transcripts.
 */
export function loadCatalogue(folder: string): Catalogue {
  const drillFolder = path.join(folder, 'drills');
  const sources = [
    ...yamlIn(folder).map((file) => ({ file, kind: 'scenario' as const })),
    ...yamlIn(drillFolder).map((file) => ({ file, kind: 'drill' as const })),
  ].map((source) => ({ ...source, text: readFileSync(source.file, 'utf8') }));
  const report = loadLibrary(sources);
  const problems = report.files.flatMap((file) => file.problems);
  if (problems.length > 0) {
    throw new Error(
      `the scenario library has ${String(problems.length)} problem(s):\n${problems.map(formatProblem).join('\n')}`,
    );
  }
  const scenarios = new Map(
    report.scenarios.map(({ scenario }) => [
      scenario.id,
      {
        scenario,
        ref: {
          id: scenario.id,
          version: scenario.version,
          hash: scenario.hash,
          title: localized(scenario.title),
        },
      },
    ]),
  );
  const drills = new Map(report.drills.map(({ drill }) => [drill.id, drill]));
  return {
    scenarios,
    drills,
    response: {
      scenarios: [...scenarios.values()].map((entry) => entry.ref),
      drills: [...drills.values()].map((drill) => ({
        id: drill.id,
        title: localized(drill.title),
        scenarios: [...drill.scenarios],
      })),
    },
  };
}
