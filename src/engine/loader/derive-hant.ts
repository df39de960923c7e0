import * as OpenCC from 'opencc-js';

/**
 * Derives Traditional Chinese from the Simplified text we write (OpenCC, Taiwan standard).
 * Runs at build time and in the CLI only: the converter's dictionaries are far too big for players.
 */
let convert: ((text: string) => string) | null = null;

/**
 * Phrases OpenCC gets wrong in our domain, fixed after conversion. Keep each entry's reason:
 * a trainer reviewing the derived text should see why it differs from the converter's output.
 */
export const HANT_OVERRIDES: readonly (readonly [wrong: string, right: string, why: string])[] = [
  ['後臺', '後台', 'OpenCC writes the dictionary form 後臺; call centres in Taiwan write 後台'],
];

/** Traditional Chinese for a Simplified string, with the overrides applied (unless told not to). */
export function deriveHant(simplified: string, options: { overrides?: boolean } = {}): string {
  // Built on first use, so importing the engine costs nothing where nothing is converted.
  convert ??= OpenCC.Converter({ from: 'cn', to: 'tw' });
  let text = convert(simplified);
  if (options.overrides === false) return text;
  for (const [wrong, right] of HANT_OVERRIDES) text = text.split(wrong).join(right);
  return text;
}
