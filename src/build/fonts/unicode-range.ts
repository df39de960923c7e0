const hex = (codePoint: number) => codePoint.toString(16).toUpperCase();

/**
 * The CSS `unicode-range` of a set of characters, consecutive code points merged.
 *
 * @example
 * unicodeRange('ABC中') // 'U+41-43,U+4E2D'
 */
export function unicodeRange(characters: string): string {
  // Code points, not graphemes: unicode-range lists code points.
  const codePoints = [
    ...new Set(Array.from(characters, (character) => character.codePointAt(0) ?? 0)),
  ].sort((a, b) => a - b);
  const ranges: string[] = [];
  let index = 0;
  while (index < codePoints.length) {
    const start = codePoints[index] ?? 0;
    let end = start;
    while (codePoints[index + 1] === end + 1) {
      end += 1;
      index += 1;
    }
    ranges.push(start === end ? `U+${hex(start)}` : `U+${hex(start)}-${hex(end)}`);
    index += 1;
  }
  return ranges.join(',');
}
