import subsetFont from 'subset-font';

/**
 * Name ids kept beyond HarfBuzz's default 0–6 (copyright, family, …): 13 and 14 are the licence
 * text and URL, so every subset carries its SIL Open Font License notice.
 */
const LICENSE_NAME_IDS = [13, 14];

/**
 * Cuts `source` down to `characters` as WOFF2 (HarfBuzz's hb-subset, compiled to wasm).
 * No layout closure: Noto CJK's `locl` alternates (Japanese, Korean, Hong Kong forms) would add
 * a quarter more glyphs that our text never shows.
 */
export async function subsetToWoff2(source: Buffer, characters: string): Promise<Uint8Array> {
  const woff2 = await subsetFont(source, characters, {
    targetFormat: 'woff2',
    noLayoutClosure: true,
    preserveNameIds: LICENSE_NAME_IDS,
  });
  return new Uint8Array(woff2);
}

/** Changes whenever the subsets' bytes could: part of every cache key. */
export const SUBSET_SETTINGS = JSON.stringify({ noLayoutClosure: true, LICENSE_NAME_IDS });
