import { CompletionContext } from '@codemirror/autocomplete';
import type { CompletionResult } from '@codemirror/autocomplete';
import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../../src/engine/index.ts';
import { graphOf } from '../../src/lab/graph-model.ts';
import { pathAt, schemaCompletion } from '../../src/lab/schema-completion.ts';
import { fixtureText } from '../support/fixtures.ts';

const source = schemaCompletion(
  scenarioJsonSchema(),
  (text) => graphOf(text)?.vertices.map((vertex) => vertex.id) ?? [],
);

/** Completes at the `|` in `text`, as if Ctrl+Space was pressed there. */
function complete(text: string): string[] {
  const pos = text.indexOf('|');
  const state = EditorState.create({ doc: text.replace('|', '') });
  const result = source(new CompletionContext(state, pos, true)) as CompletionResult | null;
  return result?.options.map((option) => option.label) ?? [];
}

const mini = fixtureText('mini-call.yaml');

describe('completion from the scenario JSON Schema', () => {
  it('reads the key path from indentation, through sequence entries', () => {
    const lines = [
      'nodes:',
      '  open:',
      '    choices:',
      '      - id: listen',
      '        tips: {}',
      '        ',
    ];
    expect(pathAt(lines, 5, 8).map(String)).toEqual(['nodes', 'open', 'choices', 'Symbol(item)']);
    expect(pathAt(lines, 2, 4)).toEqual(['nodes', 'open']);
  });

  it('offers the top-level keys not yet written', () => {
    const options = complete('id: x\nversion: 1\n|');
    expect(options).toContain('title');
    expect(options).toContain('nodes');
    expect(options).not.toContain('id');
  });

  it('offers a choice’s keys inside a choice, and a node’s inside a node', () => {
    const inChoice = complete(
      mini.replace('        next: sorry\n', '        next: sorry\n        |\n'),
    );
    expect(inChoice).toEqual(expect.arrayContaining(['when', 'cost', 'set', 'reply']));
    expect(inChoice).not.toContain('next');
    const inNode = complete(
      mini.replace('  sorry:\n    step: apologise\n', '  sorry:\n    |\n    step: apologise\n'),
    );
    expect(inNode).toEqual(expect.arrayContaining(['timeLimit', 'onSilence']));
    expect(inNode).not.toContain('step');
  });

  it('offers enum values and the file’s own ids', () => {
    expect(complete(mini.replace('    step: apologise', '    step: |'))).toEqual([
      'vent',
      'apologise',
      'ask',
      'followUp',
    ]);
    const targets = complete(
      mini.replace('        next: offer\n      - id: blame', '        next: o|\n      - id: blame'),
    );
    expect(targets).toEqual(expect.arrayContaining(['open', 'offer', 'resolved', 'hungUp']));
    expect(complete(mini.replace('channel: phone', 'channel: |'))).toEqual([
      'phone',
      'chat',
      'counter',
    ]);
  });

  it('stays quiet inside flow maps and comments', () => {
    expect(complete('title: { e| }')).toEqual([]);
    expect(complete('# na|')).toEqual([]);
  });
});
