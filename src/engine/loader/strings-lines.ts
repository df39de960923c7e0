import { LOCALE_IDS, Locale } from '../model/locales.ts';
import type { LocaleId } from '../model/locales.ts';
import { declaredLocales, textPaths } from './check-translations.ts';
import { deriveHant } from './derive-hant.ts';
import { unfoldChinese } from './load-scenario.ts';
import { readYaml } from './read-yaml.ts';
import { lineId } from './line-id.ts';
import { isRawMap, valueAtPath } from './raw.ts';
import { pathName } from './render.ts';
import { ProblemCode } from './problem.ts';
import type { Problem } from './problem.ts';
import type { PathSegment } from './yaml-source.ts';

/** One text of a scenario as a translator sees it: a stable id, the source and the target. */
export interface TranslatableLine {
  /**
   * Stable id built from the YAML path with choice ids instead of list positions, e.g.
   * `nodes.open.choices.open-listen.text`: reordering choices or editing other lines keeps it.
   */
  readonly id: string;
  /** The path in the file (list positions included), for positions and for merging. */
  readonly path: readonly PathSegment[];
  readonly line: number;
  readonly column: number;
  /** The text in the source locale ('' when the file has none). */
  readonly source: string;
  /** The text in the target locale as written in the file ('' when untranslated). */
  readonly target: string;
  /** What the line is, for a translator who cannot see the call. */
  readonly note: string;
  /** `true` when the file has one string for every locale instead of a map. */
  readonly plain: boolean;
}

/** Every translatable line of one scenario file, for one target locale. */
export interface LineTable {
  readonly file: string;
  readonly sourceLocale: LocaleId;
  readonly targetLocale: LocaleId;
  readonly lines: readonly TranslatableLine[];
}

export type LineTableResult =
  { ok: true; table: LineTable } | { ok: false; problems: readonly Problem[] };

/** Whether a string names a locale the game speaks. */
export function isLocaleId(value: unknown): value is LocaleId {
  return (LOCALE_IDS as readonly unknown[]).includes(value);
}

const CHINESE: ReadonlySet<LocaleId> = new Set([Locale.zhHans, Locale.zhHant]);

/** A text as the game shows it: folded Chinese lines joined without spaces. */
export function shownText(text: unknown, locale: LocaleId): string {
  if (typeof text !== 'string') return '';
  return CHINESE.has(locale) ? unfoldChinese(text) : text;
}

const NOTES: Readonly<Record<string, string>> = {
  title: 'title of the scenario card',
  summary: 'summary on the scenario card',
  lesson: 'the sentence the debrief ends with',
  'customer.name': "the customer's name",
  'customer.persona': 'who the customer is (shown to the trainer)',
  say: 'the customer says',
  text: 'the trainee says (an action in [brackets])',
  reply: "the customer's reaction to this answer",
  feedback: 'debrief: why this answer is good or bad',
  'onSilence.reply': 'the customer, when the trainee says nothing',
  'onSilence.feedback': 'debrief: what the silence cost',
  'endings.say': "the customer's closing line",
  'endings.title': 'name of this ending in the debrief',
};

function noteFor(path: readonly PathSegment[]): string {
  const field = String(path.at(-1));
  const name = path.map(String).join('.');
  if (name in NOTES) return NOTES[name] ?? '';
  if (path[0] === 'endings') return NOTES[`endings.${field}`] ?? '';
  if (path.includes('onSilence')) return NOTES[`onSilence.${field}`] ?? '';
  return `${NOTES[field] ?? field} (node ${String(path[1])})`;
}

/**
 * Every translatable line of a scenario file with its source and target text. The source locale
 * is the first one the file declares unless given. The file must parse as YAML, and every choice
 * with text needs an `id` (ids make the line ids stable); anything else `check` reports is no
 * obstacle to translating.
 *
 * @example
 * const result = translatableLines(text, 'scenarios/charged-twice.yaml', 'zh-Hans');
 * if (result.ok) for (const line of result.table.lines) console.log(line.id, line.target || '—');
 */
export function translatableLines(
  text: string,
  file: string,
  targetLocale: LocaleId,
  sourceLocale?: LocaleId,
): LineTableResult {
  const read = readYaml(text, file);
  if (!read.ok) return read;
  const { raw, source: yaml } = read;
  const from = sourceLocale ?? declaredLocales(raw)[0] ?? Locale.en;
  const problems: Problem[] = [];
  const seen = new Map<string, readonly PathSegment[]>();
  const lines: TranslatableLine[] = [];
  for (const path of textPaths(raw)) {
    const value = valueAtPath(raw, path);
    if (value === undefined) continue;
    const id = lineId(raw, path);
    const position = yaml.valuePosition(path);
    if (id === undefined || seen.has(id)) {
      problems.push({
        file,
        ...position,
        code: id === undefined ? ProblemCode.missingField : ProblemCode.duplicateId,
        message:
          id === undefined
            ? `${pathName(path)} belongs to a choice without an \`id\`, so its line has no stable id`
            : `${pathName(path)} and ${pathName(seen.get(id) ?? [])} would share the line id \`${id}\``,
        hint: 'give every choice an `id` unique in the scenario, e.g. `id: listen`',
      });
      continue;
    }
    seen.set(id, path);
    const plain = typeof value === 'string';
    const map = isRawMap(value) ? value : {};
    const written = shownText(map[targetLocale], targetLocale);
    const derived =
      targetLocale === Locale.zhHant && !written && typeof map[Locale.zhHans] === 'string'
        ? `; zh-Hant is derived from zh-Hans: ${deriveHant(shownText(map[Locale.zhHans], Locale.zhHans))} (write one only to correct it)`
        : '';
    lines.push({
      id,
      path,
      ...position,
      source: plain ? value : shownText(map[from], from),
      target: written,
      note: `${noteFor(path)}${plain ? '; one text for every language' : ''}${derived}`,
      plain,
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, table: { file, sourceLocale: from, targetLocale, lines } };
}
