import { Text } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/engine/index.ts';
import type { Problem } from '../../src/engine/index.ts';
import { offsetOf, toDiagnostics } from '../../src/lab/diagnostics.ts';
import { editedMiniCall, lineOf } from '../support/fixtures.ts';

const hint = (text: string) => `Write instead: ${text}`;

describe('loader problems as editor diagnostics', () => {
  it('marks a misspelt target on its line, under the very word, with the hint', () => {
    const text = editedMiniCall(
      '        next: offer\n      - id: blame-bank',
      '        next: ofer\n      - id: blame-bank',
    );
    const result = loadScenario(text, 'draft.yaml');
    expect(result.ok).toBe(false);
    const doc = Text.of(text.split('\n'));
    const diagnostics = toDiagnostics(doc, result.problems, hint);
    const problem = result.problems.find((p) => p.code === 'badReference');
    expect(problem?.line).toBe(lineOf(text, 'next: ofer'));
    const problems: readonly Problem[] = result.problems;
    const diagnostic = diagnostics[problem ? problems.indexOf(problem) : -1];
    expect(diagnostic).toBeDefined();
    if (!diagnostic) return;
    expect(doc.lineAt(diagnostic.from).number).toBe(lineOf(text, 'next: ofer'));
    expect(doc.sliceString(diagnostic.from, diagnostic.to)).toBe('ofer');
    expect(diagnostic.severity).toBe('error');
    expect(diagnostic.message).toContain(problem?.message ?? '?');
    expect(diagnostic.message).toContain('Write instead: ');
  });

  it('marks a YAML syntax error and clamps positions past the end', () => {
    const doc = Text.of(['a: 1', 'b: [', '']);
    expect(offsetOf(doc, 99, 99)).toBe(doc.length);
    expect(offsetOf(doc, 2, 99)).toBe(doc.line(2).to);
    const result = loadScenario(doc.toString(), 'draft.yaml');
    const diagnostics = toDiagnostics(doc, result.problems, hint);
    expect(diagnostics.length).toBeGreaterThan(0);
    for (const diagnostic of diagnostics) {
      expect(diagnostic.from).toBeLessThanOrEqual(diagnostic.to);
      expect(diagnostic.to).toBeLessThanOrEqual(doc.length);
    }
  });
});
