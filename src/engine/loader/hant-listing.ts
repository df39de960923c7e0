import { Locale } from '../model/locales.ts';
import { textPaths } from './check-translations.ts';
import { HANT_OVERRIDES, deriveHant } from './derive-hant.ts';
import { unfoldChinese } from './load-scenario.ts';
import { readYaml } from './read-yaml.ts';
import { isRawMap, valueAtPath } from './raw.ts';
import { pathName } from './render.ts';

/** One text of a scenario in both Chinese scripts, for a reviewer. */
export interface HantRow {
  readonly path: string;
  readonly line: number;
  readonly simplified: string;
  readonly traditional: string;
  /** `written` when the file gives zh-Hant itself (an override of the converter). */
  readonly origin: 'derived' | 'written';
  /** Overrides from HANT_OVERRIDES that changed the converter's output here. */
  readonly overrides: readonly string[];
}

/**
 * Every Simplified text of a scenario file beside its Traditional form, derived or written, so
 * the converter's output can be reviewed and corrected (with `zh-Hant:` in the file, or an entry
 * in HANT_OVERRIDES for a mistake that recurs).
 */
export function hantListing(text: string, file: string): HantRow[] {
  const read = readYaml(text, file);
  if (!read.ok) return [];
  const rows: HantRow[] = [];
  for (const path of textPaths(read.raw)) {
    const value = valueAtPath(read.raw, path);
    if (!isRawMap(value)) continue;
    const rawSimplified = value[Locale.zhHans];
    if (typeof rawSimplified !== 'string') continue;
    const simplified = unfoldChinese(rawSimplified);
    const rawWritten = value[Locale.zhHant];
    const written = typeof rawWritten === 'string' ? unfoldChinese(rawWritten) : undefined;
    const traditional = typeof written === 'string' ? written : deriveHant(simplified);
    rows.push({
      path: pathName(path),
      line: read.source.valuePosition(path).line,
      simplified,
      traditional,
      origin: typeof written === 'string' ? 'written' : 'derived',
      overrides:
        typeof written === 'string'
          ? []
          : HANT_OVERRIDES.filter(
              ([wrong, right]) =>
                wrong !== right &&
                traditional.includes(right) &&
                deriveHantRaw(simplified).includes(wrong),
            ).map(([wrong, right]) => `${wrong}→${right}`),
    });
  }
  return rows;
}

function deriveHantRaw(simplified: string): string {
  return deriveHant(simplified, { overrides: false });
}
