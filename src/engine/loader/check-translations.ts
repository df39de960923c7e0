import { LOCALE_IDS, Locale } from '../model/locales.ts';
import type { LocaleId } from '../model/locales.ts';
import { ProblemCode } from './problem.ts';
import type { Problem } from './problem.ts';
import { lineId } from './line-id.ts';
import { entriesOf, isRawMap, listOfRaw, valueAtPath } from './raw.ts';
import { pathName } from './render.ts';
import type { PathSegment, YamlSource } from './yaml-source.ts';

/** Paths of every text field in a (possibly broken) scenario. */
export function textPaths(raw: unknown): PathSegment[][] {
  if (!isRawMap(raw)) return [];
  const paths: PathSegment[][] = [
    ['title'],
    ['summary'],
    ['lesson'],
    ['customer', 'name'],
    ['customer', 'persona'],
  ];
  for (const [nodeId, node] of entriesOf(raw.nodes)) {
    if (!isRawMap(node)) continue;
    paths.push(['nodes', nodeId, 'say']);
    listOfRaw(node.choices).forEach((_, index) => {
      for (const field of ['text', 'reply', 'feedback'])
        paths.push(['nodes', nodeId, 'choices', index, field]);
    });
    for (const field of ['reply', 'feedback']) paths.push(['nodes', nodeId, 'onSilence', field]);
  }
  for (const [endingId] of entriesOf(raw.endings)) {
    for (const field of ['say', 'title']) paths.push(['endings', endingId, field]);
  }
  return paths;
}

/** The locales a scenario declares, ignoring entries the schema will reject anyway. */
export function declaredLocales(raw: unknown): LocaleId[] {
  const locales = isRawMap(raw) ? listOfRaw(raw.locales) : [];
  return locales.filter((locale): locale is LocaleId =>
    (LOCALE_IDS as readonly unknown[]).includes(locale),
  );
}

/** Every text map must carry every declared locale (zh-Hant may be derived from zh-Hans). */
export function checkTranslations(raw: unknown, source: YamlSource, file: string): Problem[] {
  const locales = declaredLocales(raw);
  const problems: Problem[] = [];
  for (const path of textPaths(raw)) {
    const text = valueAtPath(raw, path);
    if (!isRawMap(text)) continue;
    const id = lineId(raw, path);
    for (const locale of locales) {
      if (typeof text[locale] === 'string') continue;
      // zh-Hant is derived from zh-Hans: never missing while zh-Hans is there, and when
      // zh-Hans is declared but missing, its own problem already says what to write.
      if (locale === Locale.zhHant && typeof text[Locale.zhHans] === 'string') continue;
      if (locale === Locale.zhHant && locales.includes(Locale.zhHans)) continue;
      problems.push({
        file,
        ...source.valuePosition(path),
        code: ProblemCode.missingTranslation,
        message: `${pathName(path)} has no ${locale} text, but the scenario declares ${locale}`,
        hint: `add \`${locale}: …\`${locale === Locale.zhHant ? ' or `zh-Hans: …` to derive it from' : ''}${id ? ` (line \`${id}\` in \`service-dojo strings export\`)` : ''}`,
      });
    }
  }
  return problems;
}
