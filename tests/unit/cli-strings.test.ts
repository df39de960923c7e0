import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { main } from '../../src/cli/main.ts';
import { ExitCode } from '../../src/cli/io.ts';
import {
  CSV_BOM,
  guardCell,
  loadScenario,
  readCsv,
  textFor,
  unguardCell,
} from '../../src/engine/index.ts';
import type { Scenario } from '../../src/engine/index.ts';
import { FIXTURES, ROOT } from '../support/fixtures.ts';

const SCENARIOS = path.join(ROOT, 'scenarios');
const TUTORIAL = 'tutorial-first-call.yaml';

function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = main(argv, { out: (text) => (out += text), err: (text) => (err += text) });
  return { code, out, err };
}

/** A temp folder with a copy of a shipped scenario (or given text); returns the copy's path. */
function copyOf(name: string, text = readFileSync(path.join(SCENARIOS, name), 'utf8')): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'dojo-strings-'));
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

function edited(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`no "${from}" in the text`);
  return text.replace(from, to);
}

const shipped = (name: string) => readFileSync(path.join(SCENARIOS, name), 'utf8');
const read = (file: string) => readFileSync(file, 'utf8');

function loaded(file: string): Scenario {
  const result = loadScenario(read(file), file);
  if (!result.ok) throw new Error(result.problems.map((problem) => problem.message).join('\n'));
  return result.value;
}

/** A CSV written the way a spreadsheet saves it: every cell quoted, no byte order mark. */
function spreadsheetCsv(rows: readonly (readonly string[])[]): string {
  return rows
    .map((row) => row.map((cell) => `"${cell.replaceAll('"', '""')}"`).join(','))
    .join('\r\n');
}

/** The exported CSV with the targets of some rows replaced (cells as the export wrote them). */
function fillCsv(csv: string, file: string, targets: Readonly<Record<string, string>>): string {
  const table = readCsv(csv, file);
  if (!table.ok) throw new Error('unreadable CSV');
  const { sourceLocale = 'en', targetLocale = 'zh-Hans', rows } = table.translations;
  return spreadsheetCsv([
    ['id', sourceLocale, targetLocale, 'note'],
    ...rows.map((row) => [
      row.id,
      guardCell(row.source),
      guardCell(targets[row.id] ?? row.target),
      '',
    ]),
  ]);
}

function exportTo(file: string, locale: string, out: string, ...more: string[]) {
  const result = run('strings', 'export', file, '--locale', locale, '--out', out, ...more);
  expect(result.code, result.out + result.err).toBe(ExitCode.clean);
  return read(out);
}

describe('strings export', () => {
  it('writes RFC 4180 CSV with a byte order mark, a locale header and stable line ids', () => {
    const file = copyOf(TUTORIAL);
    const csv = exportTo(file, 'zh-Hans', path.join(path.dirname(file), 'out.csv'));
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('id,en,zh-Hans,note');
    expect(lines).toContain(
      'nodes.open.onSilence.reply,Hello?? Is anyone actually there?,喂？？有人吗？,"the customer, when the trainee says nothing"',
    );
    // A comma in the English text: the cell is quoted.
    expect(csv).toContain(
      'nodes.open.choices.open-listen.text,"Hi, I\'m here. Please go on, what happened?"',
    );
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('keeps every line id when choices are reordered and other lines change', () => {
    const file = copyOf(TUTORIAL);
    const ids = (target: string) => {
      const result = run('strings', 'export', target, '--locale', 'zh-Hans', '--json');
      const table = JSON.parse(result.out) as { lines: { id: string; source: string }[] };
      return new Map(table.lines.map((line) => [line.id, line.source]));
    };
    const before = ids(file);
    const text = read(file);
    // Move open-curt (the third choice of `open`) to the front, and change another line.
    const start = text.indexOf('      - id: open-curt');
    const end = text.indexOf('  vent-more:');
    const curt = text.slice(start, end);
    const first = text.indexOf('      - id: open-listen');
    const reordered = edited(
      text.slice(0, first) + curt + text.slice(first, start) + text.slice(end),
      "Fine. Here's the thing…",
      'Fine. Listen…',
    );
    const after = ids(copyOf(TUTORIAL, reordered));
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    expect(after.get('nodes.open.choices.open-curt.text')).toBe(
      before.get('nodes.open.choices.open-curt.text'),
    );
    expect(after.get('nodes.open.choices.open-listen.reply')).toBe('Fine. Listen…');
  });

  it('writes well-formed XLIFF 1.2 with escaped text', async () => {
    const file = copyOf(
      TUTORIAL,
      edited(
        shipped(TUTORIAL),
        'en: "First chat: the late parcel"',
        'en: "First <chat> & \'the\' \\"late\\" parcel"',
      ),
    );
    const xliff = exportTo(file, 'zh-Hans', path.join(path.dirname(file), 'out.xlf'));
    expect(xliff).toContain('<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">');
    expect(xliff).toContain('source-language="en" target-language="zh-Hans"');
    expect(xliff).toContain(
      '<source>First &lt;chat&gt; &amp; \'the\' "late" parcel</source>\n        <target state="translated">第一次接待：迟到的包裹</target>',
    );
    const lint = await validateXML({
      xml: [{ fileName: 'out.xlf', contents: xliff }],
      normalization: 'c14n',
    });
    expect(lint.errors).toEqual([]);
    expect(lint.normalized).toContain(
      '<source>First &lt;chat&gt; &amp; \'the\' "late" parcel</source>',
    );
  });

  it('refuses to export the source language or without a locale (exit 2)', () => {
    const file = copyOf(TUTORIAL);
    expect(run('strings', 'export', file, '--locale', 'en').code).toBe(ExitCode.usage);
    expect(run('strings', 'export', file).code).toBe(ExitCode.usage);
    expect(run('strings', 'export', file, '--locale', 'fr').err).toContain(
      '--locale must be en, zh-Hans or zh-Hant; got `fr`',
    );
    expect(run('check', file, '--locale', 'zh-Hans').code).toBe(ExitCode.usage);
  });
});

describe('strings round trip', () => {
  it('export → translate the CSV → import → check is clean; untouched lines stay byte for byte', () => {
    const original = shipped(TUTORIAL);
    // Three lines lose their Chinese: a quoted one, a folded one, and one in a flow map.
    let text = edited(original, '        zh-Hans: "喂？？有人吗？"\n', '');
    text = edited(text, '          zh-Hans: "订单号？"\n', '');
    text = edited(
      text,
      'name:\n    en: "Chen Jing"\n    zh-Hans: "陈静"',
      'name: { en: "Chen Jing" }',
    );
    const file = copyOf(TUTORIAL, text);
    const csvFile = path.join(path.dirname(file), 'zh.csv');

    const before = run('check', file);
    expect(before.code).toBe(ExitCode.problems);
    expect(before.out).toMatch(
      /tutorial-first-call\.yaml:37:9: customer\.name has no zh-Hans text/,
    );
    expect(before.out).toMatch(
      /tutorial-first-call\.yaml:87:9: nodes\.open\.onSilence\.reply has no zh-Hans text, but the scenario declares zh-Hans — add `zh-Hans: …` \(line `nodes\.open\.onSilence\.reply` in `service-dojo strings export`\)/,
    );
    expect(before.out).toContain('✖ 3 problems');

    const csv = exportTo(file, 'zh-Hans', csvFile);
    expect(csv).toContain('\r\nnodes.open.onSilence.reply,Hello?? Is anyone actually there?,,');
    writeFileSync(
      csvFile,
      fillCsv(csv, csvFile, {
        'nodes.open.onSilence.reply': '喂？？有人吗？',
        'nodes.open.choices.open-curt.text': '订单号？',
        'customer.name': '陈静',
      }),
    );
    const imported = run('strings', 'import', file, csvFile);
    expect(imported).toEqual({
      code: ExitCode.clean,
      out: `✔ 3 zh-Hans lines merged into ${file}; 102 already there\n`,
      err: '',
    });
    expect(run('check', file).code).toBe(ExitCode.clean);
    // The two block-map lines come back exactly as they were written; the flow map grows.
    expect(read(file)).toBe(
      edited(
        original,
        'name:\n    en: "Chen Jing"\n    zh-Hans: "陈静"',
        'name: { en: "Chen Jing", zh-Hans: "陈静" }',
      ),
    );
  });

  it('export → translate the XLIFF → import (zh-Hant corrections) → check is clean', () => {
    const file = copyOf(TUTORIAL);
    const xlf = path.join(path.dirname(file), 'hant.xlf');
    const xliff = exportTo(file, 'zh-Hant', xlf);
    expect(xliff).toContain('zh-Hant is derived from zh-Hans: 陳靜');
    const unit =
      '<trans-unit id="customer.name" xml:space="preserve">\n        <source>Chen Jing</source>\n';
    writeFileSync(
      xlf,
      edited(
        edited(xliff, unit, `${unit}        <target>陳靜（Chen Jing）&amp; co</target>\n`),
        '<trans-unit id="title" xml:space="preserve">\n        <source>First chat: the late parcel</source>\n',
        // The converter's own output: nothing to write.
        '<trans-unit id="title" xml:space="preserve">\n        <source>First chat: the late parcel</source>\n        <target>第一次接待：遲到的包裹</target>\n',
      ),
    );
    const result = run('strings', 'import', file, xlf, '--json');
    expect(result.code, result.out).toBe(ExitCode.clean);
    expect(JSON.parse(result.out)).toMatchObject({
      locale: 'zh-Hant',
      merged: ['customer.name'],
      unchanged: 1,
      untranslated: 103,
      problemCount: 0,
    });
    expect(read(file)).toBe(
      edited(
        shipped(TUTORIAL),
        '    zh-Hans: "陈静"\n',
        '    zh-Hans: "陈静"\n    zh-Hant: "陳靜（Chen Jing）& co"\n',
      ),
    );
    expect(textFor(loaded(file).customer.name, 'zh-Hant')).toBe('陳靜（Chen Jing）& co');
    expect(run('check', file).code).toBe(ExitCode.clean);
  });

  it('merges into folded texts keeping their style, and turns a plain string into a map', () => {
    const text = edited(
      edited(
        shipped(TUTORIAL),
        'name:\n    en: "Chen Jing"\n    zh-Hans: "陈静"',
        'name: Chen Jing # as on her order',
      ),
      'summary:\n  en: >-',
      'summary:\n  # shown on the card\n  en: >-',
    );
    const file = copyOf(TUTORIAL, text);
    const csvFile = path.join(path.dirname(file), 'zh.csv');
    const csv = exportTo(file, 'zh-Hans', csvFile);
    writeFileSync(
      csvFile,
      fillCsv(csv, csvFile, {
        'customer.name': '陈静',
        summary: 'New summary。\nSecond line, 第二行。',
      }),
    );
    expect(run('strings', 'import', file, csvFile).code).toBe(ExitCode.clean);
    const after = read(file);
    expect(after).toContain('name: { en: "Chen Jing", zh-Hans: "陈静" } # as on her order\n');
    expect(after).toContain('summary:\n  # shown on the card\n  en: >-\n');
    expect(after).toContain('  zh-Hans: >-\n    New summary。\n\n    Second line, 第二行。\n');
    const scenario = loaded(file);
    expect(scenario.summary).toMatchObject({ 'zh-Hans': 'New summary。\nSecond line, 第二行。' });
    expect(scenario.customer.name).toEqual({
      en: 'Chen Jing',
      'zh-Hans': '陈静',
      'zh-Hant': '陳靜',
    });
  });

  it.each(readdirSync(SCENARIOS).filter((name) => name.endsWith('.yaml')))(
    'export → import with no edits leaves %s byte-identical (CSV and XLIFF, every locale)',
    (name) => {
      const file = copyOf(name);
      for (const [locale, format] of [
        ['zh-Hans', 'csv'],
        ['zh-Hant', 'csv'],
        ['zh-Hans', 'xlf'],
        ['zh-Hant', 'xlf'],
      ] as const) {
        const out = path.join(path.dirname(file), `${locale}.${format}`);
        exportTo(file, locale, out);
        const result = run('strings', 'import', file, out);
        expect(result.code, result.out).toBe(ExitCode.clean);
        expect(result.out).toContain(' lines merged into');
        expect(read(file)).toBe(shipped(name));
      }
    },
  );
});

describe('strings import: spreadsheet hazards', () => {
  it('guards formula-like cells on export and strips the guard on import', () => {
    for (const text of ['=1+1', '+86 10', '-5%', '@SUM(A1)', '\tindent', '\rx', "'=x", "''-y"]) {
      expect(guardCell(text).startsWith("'")).toBe(true);
      expect(unguardCell(guardCell(text))).toBe(text);
    }
    for (const text of ['plain', "'quoted", '', '1=1']) {
      expect(guardCell(text)).toBe(text);
      expect(unguardCell(guardCell(text))).toBe(text);
    }

    const file = copyOf(
      TUTORIAL,
      edited(
        shipped(TUTORIAL),
        'en: "Hello?? Is anyone actually there?"',
        'en: "=HYPERLINK(\\"x\\") hello?"',
      ),
    );
    const csvFile = path.join(path.dirname(file), 'zh.csv');
    const csv = exportTo(file, 'zh-Hans', csvFile);
    expect(csv).toContain('nodes.open.onSilence.reply,"\'=HYPERLINK(""x"") hello?",');
    writeFileSync(
      csvFile,
      fillCsv(csv, csvFile, {
        'nodes.open.onSilence.reply': '=喂？',
        'nodes.open.onSilence.feedback': '-在聊天窗口里',
        'nodes.open.choices.open-curt.text': '@订单号？',
      }),
    );
    expect(read(csvFile)).toContain('"\'=喂？"');
    const result = run('strings', 'import', file, csvFile);
    expect(result.code, result.out).toBe(ExitCode.clean);
    const scenario = loaded(file);
    const open = scenario.nodes.open;
    expect(open?.onSilence?.reply).toMatchObject({
      en: '=HYPERLINK("x") hello?',
      'zh-Hans': '=喂？',
    });
    expect(open?.onSilence?.feedback).toMatchObject({ 'zh-Hans': '-在聊天窗口里' });
    expect(open?.choices.find((choice) => choice.id === 'open-curt')?.text).toMatchObject({
      'zh-Hans': '@订单号？',
    });
  });

  it('reads quotes, commas and line breaks inside cells, `;` separators and no BOM', () => {
    const file = copyOf(TUTORIAL);
    const csvFile = path.join(path.dirname(file), 'zh.csv');
    const tricky = '她说："No,\nI won\'t."，好吧, OK';
    writeFileSync(
      csvFile,
      [
        'id;en;zh-Hans;note',
        `nodes.open.onSilence.reply;Hello?? Is anyone actually there?;"${tricky.replaceAll('"', '""')}";`,
        'customer.name;Chen Jing;"陈静 Chen";"a note; with a separator"',
        '',
      ].join('\r\n'),
    );
    const result = run('strings', 'import', file, csvFile);
    expect(result.code, result.out).toBe(ExitCode.clean);
    expect(result.out).toBe(`✔ 2 zh-Hans lines merged into ${file}; 0 already there\n`);
    const scenario = loaded(file);
    expect(scenario.nodes.open?.onSilence?.reply).toMatchObject({ 'zh-Hans': tricky });
    expect(scenario.customer.name).toMatchObject({ 'zh-Hans': '陈静 Chen' });
    expect(read(file)).toContain('        zh-Hans: "她说：\\"No,\\nI won\'t.\\"，好吧, OK"\n');
  });

  it('reports an unterminated quote at its line and column and writes nothing', () => {
    const file = copyOf(TUTORIAL);
    const csvFile = path.join(path.dirname(file), 'zh.csv');
    writeFileSync(csvFile, 'id,en,zh-Hans,note\ntitle,First chat: the late parcel,"第一次\n');
    const result = run('strings', 'import', file, csvFile);
    expect(result.code).toBe(ExitCode.problems);
    expect(result.out).toContain(`${csvFile}:2:35: this quoted field is never closed`);
    expect(read(file)).toBe(shipped(TUTORIAL));
  });
});

describe('strings import: rows that cannot be merged', () => {
  it('reports unknown ids with a suggestion and merges the rest (exit 1)', () => {
    const file = copyOf(TUTORIAL, edited(shipped(TUTORIAL), '          zh-Hans: "订单号？"\n', ''));
    const csvFile = path.join(path.dirname(file), 'zh.csv');
    writeFileSync(
      csvFile,
      spreadsheetCsv([
        ['id', 'en', 'zh-Hans', 'note'],
        ['nodes.open.choices.open-curt.text', 'Order number?', '订单号？', ''],
        ['nodes.open.choices.open-crut.text', 'Order number?', '订单号？', ''],
        ['nodes.nowhere.say', 'Hi', '你好', ''],
      ]),
    );
    const result = run('strings', 'import', file, csvFile);
    expect(result.code).toBe(ExitCode.problems);
    expect(result.out.split('\n')).toEqual([
      `${csvFile}:3:1: line id \`nodes.open.choices.open-crut.text\` is not in ${file} — did you mean \`nodes.open.choices.open-curt.text\`?; this row was not merged — line ids come from node, choice and ending ids: if one was renamed, export again and copy the translation to the new row`,
      `${csvFile}:4:1: line id \`nodes.nowhere.say\` is not in ${file} — did you mean \`nodes.open.say\`?; this row was not merged — line ids come from node, choice and ending ids: if one was renamed, export again and copy the translation to the new row`,
      `✖ 1 zh-Hans line merged into ${file}; 0 already there, 2 not merged`,
      '',
    ]);
    expect(read(file)).toBe(shipped(TUTORIAL));
  });

  it('reports a source text that changed since the export (a stale translation) and skips it', () => {
    const file = copyOf(TUTORIAL);
    const csvFile = path.join(path.dirname(file), 'zh.csv');
    const csv = exportTo(file, 'zh-Hans', csvFile);
    writeFileSync(csvFile, fillCsv(csv, csvFile, { 'customer.name': '陈晶' }));
    writeFileSync(file, edited(read(file), 'en: "Chen Jing"', 'en: "Chen Jin"'));
    const result = run('strings', 'import', file, csvFile, '--json');
    expect(result.code).toBe(ExitCode.problems);
    const report = JSON.parse(result.out) as {
      merged: string[];
      problems: { line: number; column: number; code: string; message: string }[];
    };
    expect(report.merged).toEqual([]);
    expect(report.problems).toEqual([
      expect.objectContaining({
        line: 5,
        column: 1,
        code: 'staleSource',
        message: `the en text of \`customer.name\` changed since the export (${file}:38:9): translated from "Chen Jing", now "Chen Jin"; this row was not merged`,
      }),
    ]);
  });

  it('refuses a locale that contradicts the file (exit 2) and a file that is not XLIFF (exit 1)', () => {
    const file = copyOf(TUTORIAL);
    const csvFile = path.join(path.dirname(file), 'zh.csv');
    exportTo(file, 'zh-Hans', csvFile);
    const wrong = run('strings', 'import', file, csvFile, '--locale', 'zh-Hant');
    expect(wrong.code).toBe(ExitCode.usage);
    expect(wrong.err).toContain('--locale zh-Hant, but');
    const xlf = path.join(path.dirname(file), 'bad.xlf');
    writeFileSync(xlf, '<?xml version="1.0"?>\n<xliff version="1.2">\n  <file>\n</xliff>\n');
    const bad = run('strings', 'import', file, xlf, '--locale', 'zh-Hans');
    expect(bad.code).toBe(ExitCode.problems);
    expect(bad.out).toContain(`${xlf}:4:1: not well-formed XML: </xliff> closes <file>`);
    expect(run('strings', 'import', file).code).toBe(ExitCode.usage);
    expect(run('strings', 'translate', file).code).toBe(ExitCode.usage);
  });
});

describe('check: untranslated lines', () => {
  it('names the file, line, column and locale; derived zh-Hant is never missing', () => {
    const text = readFileSync(path.join(FIXTURES, 'mini-call.yaml'), 'utf8')
      .replace('locales: [en, zh-Hans]', 'locales: [en, zh-Hans, zh-Hant]')
      .replace('say: { en: Forget it., zh-Hans: 算了。 }', 'say: { en: Forget it. }');
    const file = copyOf('mini-call.yaml', text);
    const result = run('check', file);
    expect(result.code).toBe(ExitCode.problems);
    const lines = result.out.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /mini-call\.yaml:\d+:\d+: endings\.hungUp\.say has no zh-Hans text, but the scenario declares zh-Hans — add `zh-Hans: …` \(line `endings\.hungUp\.say` in `service-dojo strings export`\)$/,
    );
  });
});
