import type { LocaleId } from '../engine/index.ts';
import type { LocalizedTitle } from '../protocol/index.ts';

/** A server-side title in the player's language, else English, else any language it has. */
export function localized(title: LocalizedTitle, locale: LocaleId): string {
  return title[locale] ?? title.en ?? Object.values(title)[0] ?? '';
}
