import { describe, expect, it } from 'vitest';
import { graphOf } from '../../src/lab/graph-model.ts';
import { STARTER_TEMPLATE } from '../../src/lab/template.ts';
import { editedMiniCall, fixtureText, lineOf } from '../support/fixtures.ts';

describe('the Lab graph model', () => {
  it('lays the mini call out by depth from the start, endings last', () => {
    const text = fixtureText('mini-call.yaml');
    const model = graphOf(text);
    expect(model).not.toBeNull();
    if (!model) return;
    const layer = (id: string) => model.vertices.find((vertex) => vertex.id === id)?.layer;
    expect(layer('open')).toBe(0);
    expect(layer('sorry')).toBe(1);
    expect(layer('offer')).toBe(2);
    expect(layer('followup')).toBe(3);
    for (const ending of ['resolved', 'resolvedWithFollowUp', 'escalated', 'hungUp'])
      expect(layer(ending)).toBe(4);
    const open = model.vertices.find((vertex) => vertex.id === 'open');
    expect(open).toMatchObject({
      isStart: true,
      step: 'vent',
      kind: 'node',
      line: lineOf(text, '  open:'),
    });
    expect(model.vertices.find((vertex) => vertex.id === 'hungUp')).toMatchObject({
      kind: 'ending',
      outcome: 'bad',
    });
    // Parallel routes merge into one edge that lists its choices; silence is an edge too.
    expect(model.edges.find((edge) => edge.from === 'sorry' && edge.to === 'offer')?.via).toEqual([
      'apologise',
      'blame-bank',
    ]);
    expect(model.edges.find((edge) => edge.from === 'open' && edge.to === 'open')?.via).toEqual([
      'silence',
    ]);
  });

  it('marks unreachable nodes and dead ends', () => {
    const orphaned = editedMiniCall('        next: followup\n', '        next: resolved\n');
    const model = graphOf(orphaned);
    // voucher no longer leads to followup, refund-today still does: followup stays reachable.
    expect(model?.vertices.find((vertex) => vertex.id === 'followup')?.unreachable).toBe(false);
    const loop = editedMiniCall(
      '        next: resolvedWithFollowUp\n',
      '        next: followup\n',
    ).replace('        next: resolved\nendings', '        next: followup\nendings');
    const looped = graphOf(loop);
    expect(looped?.vertices.find((vertex) => vertex.id === 'followup')?.deadEnd).toBe(true);
    const extra = fixtureText('mini-call.yaml').replace(
      'endings:',
      '  island:\n    step: ask\n    say: Hi\n    choices: []\nendings:',
    );
    const withIsland = graphOf(extra);
    const island = withIsland?.vertices.find((vertex) => vertex.id === 'island');
    expect(island?.unreachable).toBe(true);
    expect(island?.layer).toBe(5);
  });

  it('draws a half-typed file, and gives up only on text that is not YAML', () => {
    expect(
      graphOf('nodes:\n  a:\n    choices:\n      - next: b\n')?.vertices.map((v) => [
        v.id,
        v.unreachable,
      ]),
    ).toEqual([['a', false]]);
    expect(
      graphOf('start: a\nnodes:\n  a:\n    choices:\n      - next: b\n  b: {}\n')?.vertices.map(
        (v) => v.id,
      ),
    ).toEqual(['a', 'b']);
    expect(graphOf('nodes: [\n')).toBeNull();
    expect(graphOf(STARTER_TEMPLATE)?.vertices.length).toBe(8);
  });
});
