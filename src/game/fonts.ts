import { css, samples } from 'virtual:service-dojo/fonts';
import type { LocaleId } from '../engine/index.ts';
import { fontFor } from './theme.ts';

let installed = false;

/** Adds the build's @font-face rules once; the browser fetches a part only when it is needed. */
function install(): void {
  if (installed) return;
  installed = true;
  const style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);
}

/** Resolves once the part of the locale's font the title screen draws has loaded. */
export function titleFontReady(locale: LocaleId): Promise<unknown> {
  install();
  return document.fonts.load(`20px ${fontFor(locale)}`, samples[locale].title).catch(() => []);
}

/** Resolves once the rest of the locale's font (every call's text) has loaded. */
export function callFontReady(locale: LocaleId): Promise<unknown> {
  install();
  return document.fonts.load(`20px ${fontFor(locale)}`, samples[locale].calls).catch(() => []);
}
