import { scenarioSchema } from '../schema/scenario.ts';
import type { ScenarioData } from '../schema/scenario.ts';
import type { Scenario } from '../model/scenario.ts';
import { Locale } from '../model/locales.ts';
import { checkCompensation } from './check-compensation.ts';
import { checkConditions } from './check-conditions.ts';
import { checkGraph } from './check-graph.ts';
import { checkReferences, checkRouteLists } from './check-references.ts';
import { checkTranslations, textPaths } from './check-translations.ts';
import { deriveHant } from './derive-hant.ts';
import { contentHash } from './hash.ts';
import { ProblemCode, sortProblems } from './problem.ts';
import type { Problem } from './problem.ts';
import { isRawMap } from './raw.ts';
import { schemaProblems } from './schema-problems.ts';
import type { PathSegment } from './yaml-source.ts';
import { readYaml } from './read-yaml.ts';

const STRUCTURAL = new Set<ProblemCode>([
  ProblemCode.badReference,
  ProblemCode.unknownKey,
  ProblemCode.missingField,
  ProblemCode.wrongType,
  ProblemCode.duplicateId,
]);

export type LoadResult<T> =
  { ok: true; value: T; problems: [] } | { ok: false; problems: Problem[] };

/** Applies `edit` to the value at each text path of a deep copy. */
function mapTexts(data: ScenarioData, edit: (text: unknown) => unknown): ScenarioData {
  const copy = structuredClone(data) as unknown as Record<string, unknown>;
  for (const path of textPaths(copy)) {
    let parent: unknown = copy;
    for (const segment of path.slice(0, -1)) {
      parent =
        isRawMap(parent) || Array.isArray(parent)
          ? (parent as Record<PathSegment, unknown>)[segment]
          : undefined;
    }
    const key = path.at(-1);
    if (key === undefined || !(isRawMap(parent) || Array.isArray(parent))) continue;
    const holder = parent as Record<PathSegment, unknown>;
    if (holder[key] !== undefined) holder[key] = edit(holder[key]);
  }
  return copy as unknown as ScenarioData;
}

/** CJK characters and full-width punctuation: no space belongs between two of them. */
const CJK_GAP =
  /(?<=[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef])\s+(?=[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef])/gu;

/**
 * Removes the spaces YAML puts where a folded (`>-`) Chinese text broke across lines: folding
 * joins lines with a space, which is right in English and wrong between Chinese characters.
 */
export function unfoldChinese(text: string): string {
  return text.replace(CJK_GAP, '');
}

/** Mends folded Chinese, then fills zh-Hant from zh-Hans wherever the writer left it out. */
function withDerivedHant(data: ScenarioData): ScenarioData {
  return mapTexts(data, (text) => {
    if (!isRawMap(text)) return text;
    const mended: Record<string, unknown> = { ...text };
    for (const locale of [Locale.zhHans, Locale.zhHant]) {
      const value = mended[locale];
      if (typeof value === 'string') mended[locale] = unfoldChinese(value);
    }
    const simplified = mended[Locale.zhHans];
    if (typeof simplified !== 'string' || typeof mended[Locale.zhHant] === 'string') return mended;
    return { ...mended, [Locale.zhHant]: deriveHant(simplified) };
  });
}

/** The hash covers what decides states and scores, so fixing a typo does not void transcripts. */
function logicHash(data: ScenarioData): string {
  return contentHash(mapTexts(data, () => undefined));
}

/**
 * Loads a scenario file: YAML with positions, the schema, then references, conditions,
 * translations and graph faults. Returns every problem at once; never throws on bad input.
 *
 * @example
 * const result = loadScenario(text, 'scenarios/tutorial.yaml');
 * if (!result.ok) result.problems.map(formatProblem).forEach((line) => console.error(line));
 */
export function loadScenario(text: string, file: string): LoadResult<Scenario> {
  const read = readYaml(text, file);
  if (!read.ok) return read;
  const { source, raw } = read;
  const parsed = scenarioSchema.safeParse(raw);
  const problems: Problem[] = [
    ...read.problems,
    ...(parsed.success
      ? []
      : schemaProblems(parsed.error.issues, scenarioSchema, raw, source, file)),
    ...checkReferences(raw, source, file),
    ...checkRouteLists(raw, source, file),
    ...checkConditions(raw, source, file),
    ...checkTranslations(raw, source, file),
    ...checkCompensation(raw, source, file),
  ];
  // Graph faults follow from a broken structure (a misspelt `next` orphans every node after
  // it), so they are only reported once the structure itself is sound.
  if (!problems.some((problem) => STRUCTURAL.has(problem.code)))
    problems.push(...checkGraph(raw, source, file));
  if (problems.length > 0 || !parsed.success)
    return { ok: false, problems: sortProblems(dedupe(problems)) };
  return {
    ok: true,
    value: { ...withDerivedHant(parsed.data), hash: logicHash(parsed.data) },
    problems: [],
  };
}

function dedupe(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.line}:${problem.column}:${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
