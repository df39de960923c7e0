import { el } from '../../drill-client/index.ts';
import { currentLocale } from '../i18n/index.ts';
import { Colour, fontFor } from '../theme.ts';

const STYLE_ID = 'drill-overlay-style';

const css = (hex: number) => `#${hex.toString(16).padStart(6, '0')}`;

/** The overlay's look: the game's palette (read when shown, so high contrast applies). */
function styleText(): string {
  return `
.drill-overlay { position: fixed; inset: 0; overflow: auto; display: flex; justify-content: safe center;
  align-items: flex-start; padding: 4vh 16px; box-sizing: border-box; color: ${Colour.text};
  font: 17px/1.45 ${fontFor(currentLocale())}; }
.drill-overlay * { box-sizing: border-box; }
.drill-overlay [hidden] { display: none !important; }
.drill-panel { width: min(1100px, 100%); background: ${css(Colour.panel)}; border-radius: 14px;
  padding: 24px 28px; box-shadow: 0 12px 40px rgb(0 0 0 / 45%); }
.drill-panel h1 { margin: 0 0 6px; font-size: 30px; color: ${Colour.accentCss}; }
.drill-panel h2 { margin: 18px 0 8px; font-size: 20px; }
.drill-panel p { margin: 6px 0; }
.drill-muted { color: ${Colour.muted}; }
.drill-form { display: grid; gap: 14px; max-width: 460px; margin-top: 16px; }
.drill-form label { display: grid; gap: 4px; font-weight: 600; }
/* An input is 20 characters wide by default: wider than a phone once the font is 22 px. */
.drill-form input { width: 100%; min-width: 0; font: inherit; font-size: 22px; padding: 8px 12px; border-radius: 8px;
  border: 2px solid ${css(Colour.panelLight)}; background: ${css(Colour.background)}; color: ${Colour.text}; }
.drill-form input[name="code"] { letter-spacing: 0.3em; text-transform: uppercase; }
.drill-button { font: inherit; font-weight: 600; padding: 10px 18px; border-radius: 8px; cursor: pointer;
  border: 2px solid ${css(Colour.panelLight)}; background: ${css(Colour.panelLight)}; color: ${Colour.text}; }
.drill-button.primary { background: ${Colour.accentCss}; border-color: ${Colour.accentCss}; color: ${Colour.dark}; }
.drill-button:disabled { opacity: 0.55; cursor: default; }
.drill-overlay :focus-visible { outline: 3px solid ${Colour.accentCss}; outline-offset: 2px; }
.drill-error { color: ${Colour.text}; background: ${css(Colour.bad)}; border-radius: 8px; padding: 8px 12px; }
.drill-error:empty, .drill-note:empty, .drill-form p:empty { display: none; }
.drill-note { background: ${css(Colour.background)}; border-radius: 8px; padding: 8px 12px; overflow-wrap: anywhere; }
.drill-columns { display: grid; grid-template-columns: 1.1fr 1fr; gap: 28px; }
@media (max-width: 800px) { .drill-columns { grid-template-columns: 1fr; } }
.drill-scenarios { list-style: none; padding: 0; margin: 0; display: grid; gap: 8px; }
.drill-scenarios li { display: flex; justify-content: space-between; gap: 12px; padding: 10px 14px;
  border-radius: 8px; background: ${css(Colour.background)}; }
.drill-scenarios li.next { outline: 2px solid ${Colour.accentCss}; }
.drill-mark { white-space: nowrap; color: ${Colour.muted}; }
.drill-mark.done { color: ${css(Colour.good)}; font-weight: 600; }
.drill-actions { display: flex; flex-wrap: wrap; gap: 10px; margin: 16px 0 6px; }
.drill-queue { display: flex; align-items: center; gap: 10px; flex-wrap: wrap; }
.drill-queue ul { margin: 4px 0; padding-left: 20px; }
.drill-board { width: 100%; border-collapse: collapse; }
.drill-board caption { text-align: left; font-weight: 600; font-size: 20px; padding-bottom: 6px; }
.drill-board th, .drill-board td { padding: 6px 8px; text-align: left; border-bottom: 1px solid ${css(Colour.panelLight)}; }
.drill-board thead th { color: ${Colour.muted}; font-weight: 600; font-size: 15px; }
.drill-board .total, .drill-board .rank, .drill-board .completed { text-align: right; font-variant-numeric: tabular-nums; }
.drill-board tbody th { font-weight: 500; }
.drill-board tr.me th, .drill-board tr.me td { color: ${Colour.accentCss}; font-weight: 700; }
.drill-live { font-size: 14px; color: ${Colour.muted}; }
`;
}

/**
 * A DOM layer over the canvas for a drill screen: real inputs and buttons, read by screen
 * readers (the canvas is `aria-hidden`). The scene removes it when it shuts down.
 */
export function mountOverlay(label: string): {
  root: HTMLElement;
  panel: HTMLElement;
  remove(): void;
} {
  let style = document.getElementById(STYLE_ID);
  if (!style) {
    style = document.createElement('style');
    style.id = STYLE_ID;
    document.head.append(style);
  }
  style.textContent = styleText();
  const root = document.createElement('section');
  root.className = 'drill-overlay';
  root.setAttribute('aria-label', label);
  const panel = document.createElement('div');
  panel.className = 'drill-panel';
  root.append(panel);
  document.body.append(root);
  return {
    root,
    panel,
    remove() {
      root.remove();
    },
  };
}

/** A button with text and a click handler. */
export function button(
  text: string,
  onClick: () => void,
  className = 'drill-button',
): HTMLButtonElement {
  const made = el('button', text, className);
  made.type = 'button';
  made.addEventListener('click', onClick);
  return made;
}

export { el };
