import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/fixtures.ts';

// The snippets are not files of the TypeScript project, so type-aware rules are switched off:
// the boundary rules need no types.
const eslint = new ESLint({
  cwd: ROOT,
  overrideConfigFile: path.join(ROOT, '.config/eslint.config.js'),
  overrideConfig: [
    tseslint.configs.disableTypeChecked,
    { languageOptions: { parserOptions: { projectService: false, project: null } } },
  ],
});

async function rulesHit(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

describe('the engine boundary lint rule', () => {
  it.each([
    ["import Phaser from 'phaser';\nexport const x = Phaser;\n", 'no-restricted-imports'],
    ["import { Howl } from 'howler';\nexport const x = Howl;\n", 'no-restricted-imports'],
    [
      "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
      'no-restricted-imports',
    ],
    ["import path from 'path';\nexport const x = path;\n", 'no-restricted-imports'],
    ['export const x = document.title;\n', 'no-restricted-globals'],
    ['export const x = window.innerWidth;\n', 'no-restricted-globals'],
    ['export const x = localStorage.length;\n', 'no-restricted-globals'],
    ['export const x = Date.now();\n', 'no-restricted-properties'],
    ['export const x = Math.random();\n', 'no-restricted-properties'],
    ['export const x = new Date();\n', 'no-restricted-syntax'],
    ["export const x = eval('1');\n", 'no-eval'],
  ])('forbids %j in src/engine', async (code, rule) => {
    expect(await rulesHit(code, 'src/engine/forbidden.ts')).toContain(rule);
  });

  it('allows the same code outside the engine', async () => {
    expect(
      await rulesHit('export const x = document.title;\n', 'src/game/allowed.ts'),
    ).not.toContain('no-restricted-globals');
  });
});
