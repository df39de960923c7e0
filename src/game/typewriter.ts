/** How fast customer lines are typed out, in characters per second (Infinity: at once). */
export const TEXT_SPEEDS = {
  slow: 20,
  normal: 45,
  fast: 90,
  instant: Number.POSITIVE_INFINITY,
} as const;
export type TextSpeed = keyof typeof TEXT_SPEEDS;

/** Characters of a line shown after `elapsedMs` at a speed (whole code points, never half an emoji). */
export function visibleText(text: string, speed: TextSpeed, elapsedMs: number): string {
  if (!Number.isFinite(TEXT_SPEEDS[speed])) return text;
  const characters = Array.from(text);
  const shown = Math.floor((TEXT_SPEEDS[speed] * Math.max(0, elapsedMs)) / 1000);
  return shown >= characters.length ? text : characters.slice(0, shown).join('');
}

/** How long a line takes to type out at a speed, in milliseconds. */
export function typingMs(text: string, speed: TextSpeed): number {
  const rate = TEXT_SPEEDS[speed];
  return Number.isFinite(rate) ? (Array.from(text).length * 1000) / rate : 0;
}
