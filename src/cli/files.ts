import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from './io.ts';

export const YAML_FILE = /\.ya?ml$/i;

/** Every YAML file named or inside a named folder (recursively), sorted, relative paths kept. */
export function collectYamlFiles(targets: readonly string[]): string[] {
  const files = new Set<string>();
  const visit = (target: string, named: boolean) => {
    let stats;
    try {
      stats = statSync(target);
    } catch {
      throw new UsageError(`no such file or folder: ${target}`);
    }
    if (stats.isDirectory()) {
      for (const entry of readdirSync(target).sort()) {
        if (entry.startsWith('.') || entry === 'node_modules') continue;
        visit(path.join(target, entry), false);
      }
    } else if (YAML_FILE.test(target)) {
      files.add(target);
    } else if (named) {
      throw new UsageError(`not a YAML file: ${target}`);
    }
  };
  for (const target of targets) visit(target, true);
  return [...files].sort();
}

/** A drill lists scenarios to play; a scenario has nodes. Drills live in a `drills/` folder. */
export function isDrillFile(file: string): boolean {
  return file.split(/[\\/]/).includes('drills');
}

export function readText(file: string): string {
  return readFileSync(file, 'utf8');
}
