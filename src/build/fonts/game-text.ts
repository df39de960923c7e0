import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Locale, PRINCIPLES, STEP_NAMES, TIP_NAMES, loadLibrary } from '../../engine/index.ts';
import type { SourceFile } from '../../engine/index.ts';
import { en, zhHans, zhHant } from '../../game/i18n/messages.ts';
import type { GameText } from './characters.ts';

function yamlFiles(folder: string): string[] {
  try {
    return readdirSync(folder)
      .filter((name) => /\.ya?ml$/i.test(name))
      .sort()
      .map((name) => path.join(folder, name));
  } catch {
    return [];
  }
}

/**
 * Reads everything the game can show: every scenario and drill in `folder` (and its drills/)
 * through the engine's loader, so derived Traditional text is included, plus the UI strings and
 * the engine's tip, step and principle texts. Files with problems are left out here: the
 * scenarios plugin reports them and stops the build. `files` are the YAML files read, to watch.
 */
export function loadGameText(folder: string): { text: GameText; files: string[] } {
  const root = path.resolve(folder);
  const sources: SourceFile[] = [
    ...yamlFiles(root).map((file) => ({
      file,
      text: readFileSync(file, 'utf8'),
      kind: 'scenario' as const,
    })),
    ...yamlFiles(path.join(root, 'drills')).map((file) => ({
      file,
      text: readFileSync(file, 'utf8'),
      kind: 'drill' as const,
    })),
  ];
  const report = loadLibrary(sources);
  const scenarios = report.scenarios.map((entry) => entry.scenario);
  return {
    files: sources.map((source) => source.file),
    text: {
      messages: { [Locale.en]: en, [Locale.zhHans]: zhHans, [Locale.zhHant]: zhHant },
      // What the title screen's catalogue carries of each scenario (the rest loads with the call).
      title: [
        TIP_NAMES,
        report.drills.map((entry) => entry.drill),
        scenarios.map(({ title, summary, source }) => ({ title, summary, source })),
      ],
      calls: [scenarios, STEP_NAMES, PRINCIPLES],
    },
  };
}
