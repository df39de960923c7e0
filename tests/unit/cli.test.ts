import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { ExitCode } from '../../src/cli/io.ts';
import { scoreTranscript } from '../../src/engine/index.ts';
import { FIXTURES, ROOT, editedMiniCall, fixtureText, miniCall } from '../support/fixtures.ts';
import { choose, transcriptOf } from '../support/transcripts.ts';

function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = main(argv, { out: (text) => (out += text), err: (text) => (err += text) });
  return { code, out, err };
}

function tempDir(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'dojo-cli-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const mini = path.join(FIXTURES, 'mini-call.yaml');

describe('service-dojo CLI', () => {
  it('check: exit 0 and a clean line for good files', () => {
    const result = run('check', mini);
    expect(result).toEqual({
      code: ExitCode.clean,
      out: '✔ 1 file checked: no problems\n',
      err: '',
    });
  });

  it('check: exit 1 and every problem with file:line:col for a broken copy', () => {
    const dir = tempDir({
      'mini-call.yaml': editedMiniCall('difficulty: 1', 'difficulty: 9').replace(
        'channel: phone',
        'channel: fax',
      ),
    });
    const result = run('check', dir);
    expect(result.code).toBe(ExitCode.problems);
    const lines = result.out.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(
      /mini-call\.yaml:7:10: channel cannot be the text "fax" — write one of/,
    );
    expect(lines[1]).toMatch(/mini-call\.yaml:8:13: difficulty is 9 but must be at most 5/);
    expect(lines[2]).toBe('✖ 2 problems in 1 of 1 files');
  });

  it('check --json: structured problems', () => {
    const dir = tempDir({ 'mini-call.yaml': editedMiniCall('channel: phone', 'channel: fax') });
    const result = run('check', '--json', dir);
    const report = JSON.parse(result.out) as {
      problemCount: number;
      files: { problems: { line: number; code: string }[] }[];
    };
    expect(report.problemCount).toBe(1);
    expect(report.files[0]?.problems[0]).toMatchObject({ line: 7, column: 10, code: 'badValue' });
  });

  it('check: a drill naming a missing scenario, and two files with one id', () => {
    const drill =
      'id: week-one\ntitle: Week one\nscenarios: [mini-call, mini-cal]\norder: inOrder\ntimers: false\nattempts: 3\n';
    const dir = tempDir({
      'mini-call.yaml': fixtureText('mini-call.yaml'),
      'copy.yaml': fixtureText('mini-call.yaml'),
      'drills/week-one.yaml': drill,
    });
    const result = run('check', dir);
    expect(result.code).toBe(ExitCode.problems);
    expect(result.out).toContain(
      'week-one.yaml:3:24: scenarios[1] names `mini-cal`, which is not a shipped scenario — did you mean `mini-call`?',
    );
    // Files are read in name order: copy.yaml claims the id first, and is not named after it.
    expect(result.out).toMatch(
      /copy\.yaml:2:5: the file is named copy but the scenario id is `mini-call`/,
    );
    expect(result.out).toMatch(
      /mini-call\.yaml:2:5: scenario id `mini-call` is already used by .*copy\.yaml/,
    );
  });

  it('explore: the report and exit 0 when the quality bar is met', () => {
    const result = run('explore', mini);
    expect(result.code).toBe(ExitCode.clean);
    expect(result.out).toContain(
      'Best path:          100/100 in 4 turns: listen → apologise → refund-today → call-back → resolvedWithFollowUp',
    );
    expect(result.out).toContain('✔ worst path scores 0 (needs ≤ 20)');
    expect(result.out).toContain('✔ always answer 1 scores 0 (needs ≤ 60)');
    expect(result.out).toContain('✔ the best answer is the longest at 1 of 4 nodes in en (sorry)');
    const json = JSON.parse(run('explore', '--json', mini).out) as {
      passed: boolean;
      best: { total: number };
      giveaways: { strategies: { strategy: string; total: number }[]; shuffledKey: number };
    };
    expect(json).toMatchObject({ passed: true, best: { total: 100 } });
    const perLocale = ['longest', 'shortest', 'politest', 'plainest'];
    expect(json.giveaways.strategies.map((result) => result.strategy)).toEqual([
      'position',
      'position',
      ...perLocale,
      ...perLocale,
    ]);
    expect(json.giveaways.shuffledKey).toBeLessThanOrEqual(60);
  });

  it('explore: a folder gives one JSON report per scenario with the give-away checks, problems as JSON too', () => {
    const dir = tempDir({
      'mini-call.yaml': fixtureText('mini-call.yaml'),
      'broken.yaml': editedMiniCall('difficulty: 1', 'difficulty: 9').replace(
        'id: mini-call',
        'id: broken',
      ),
      'drills/d.yaml': 'not a scenario: drills are left out\n',
    });
    const result = run('explore', '--json', dir);
    expect(result.code).toBe(ExitCode.problems);
    const json = JSON.parse(result.out) as {
      passed: boolean;
      scenarios: {
        file: string;
        passed: boolean;
        problems?: { code: string }[];
        checks?: { label: string }[];
      }[];
    };
    expect(json.passed).toBe(false);
    expect(json.scenarios.map((entry) => [path.basename(entry.file), entry.passed])).toEqual([
      ['broken.yaml', false],
      ['mini-call.yaml', true],
    ]);
    expect(json.scenarios[0]?.problems?.[0]?.code).toBe('badValue');
    expect(json.scenarios[1]?.checks?.map((check) => check.label)).toContain(
      'always answer 1 scores 0 (needs ≤ 60)',
    );
    const text = run('explore', dir);
    expect(text.out).toContain('✖ 1 of 2 scenarios pass every check: not broken.yaml');
  });

  it('score: replays a transcript with its seed’s order, as the game and the server do', () => {
    const scenario = miniCall();
    const played = transcriptOf(
      scenario,
      ['listen', 'blame-bank', 'refund-today'].map((id) => choose(id)),
      { seed: 77 },
    );
    const [first, ...rest] = played.events;
    if (!first) throw new Error('no events');
    const dir = tempDir({
      'call.json': JSON.stringify(played),
      'tampered.json': JSON.stringify({
        ...played,
        events: [{ ...first, shown: [...first.shown].reverse() }, ...rest],
      }),
    });
    const result = run('score', mini, path.join(dir, 'call.json'));
    expect(result.code).toBe(ExitCode.clean);
    expect(result.out).toContain(
      'critical error at turn 2 (blame-bank): Passed the buck — capped at 74',
    );
    expect(result.out).toContain('seed 77: listen → blame-bank → refund-today');
    const json = JSON.parse(run('score', '--json', mini, path.join(dir, 'call.json')).out) as {
      ok: boolean;
      scorecard: { total: number };
    };
    const engine = scoreTranscript(scenario, played);
    expect(json).toEqual(JSON.parse(JSON.stringify(engine)));
    const tampered = run('score', mini, path.join(dir, 'tampered.json'));
    expect(tampered.code).toBe(ExitCode.problems);
    expect(tampered.out).toContain('were recorded in the order');
    expect(run('score', mini).code).toBe(ExitCode.usage);
  });

  it('graph: Mermaid, or JSON', () => {
    expect(run('graph', mini).out.startsWith('flowchart TD\n')).toBe(true);
    expect(JSON.parse(run('graph', '--json', mini).out)).toMatchObject({ scenarioId: 'mini-call' });
  });

  it('hant: lists the derived Traditional text of every Simplified text', () => {
    const result = run('hant', mini);
    expect(result.code).toBe(ExitCode.clean);
    expect(result.out).toContain(
      'nodes.open.say\n  简 你们扣了我两次钱！\n  繁 你們扣了我兩次錢！\n',
    );
    const rows = JSON.parse(run('hant', '--json', mini).out) as { origin: string }[];
    expect(rows.every((row) => row.origin === 'derived')).toBe(true);
  });

  it.each([
    [[]],
    [['frobnicate']],
    [['check']],
    [['check', '/no/such/folder']],
    [['explore']],
    [['explore', 'a.yaml', 'b.yaml']],
    [['hant']],
    [['check', '--bogus', mini]],
  ])('exit 2 with usage for %j', (argv) => {
    const result = run(...argv);
    expect(result.code).toBe(ExitCode.usage);
    expect(result.err).toContain('Usage: service-dojo');
  });

  it('help and version exit 0', () => {
    expect(run('--help').code).toBe(ExitCode.clean);
    expect(run('--version').out).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('runs as the installed binary', () => {
    const child = spawnSync(
      process.execPath,
      [path.join(ROOT, 'src/cli/service-dojo.js'), 'check', mini],
      { encoding: 'utf8' },
    );
    expect(child.status).toBe(0);
    expect(child.stdout).toContain('no problems');
  });
});
