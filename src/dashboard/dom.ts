/** Small DOM helpers for the dashboard: every text goes in as text, never as HTML (names come from players). */
import { el } from '../drill-client/index.ts';

export { el };

export function button(text: string, onClick: () => void, className = 'button'): HTMLButtonElement {
  const made = el('button', text, className);
  made.type = 'button';
  made.addEventListener('click', onClick);
  return made;
}

/** A labelled input: the label wraps it, so it is announced with its name. */
export function field(
  labelText: string,
  attributes: { name: string; type?: string; value?: string; autocomplete?: string },
): { label: HTMLLabelElement; input: HTMLInputElement } {
  const label = el('label', labelText, 'field');
  const input = el('input');
  input.name = attributes.name;
  input.type = attributes.type ?? 'text';
  input.value = attributes.value ?? '';
  input.autocomplete = (attributes.autocomplete ?? 'off') as AutoFill;
  label.append(input);
  return { label, input };
}

/** An element for messages: `role=alert` for errors, `status` for progress. */
export function messageLine(role: 'alert' | 'status'): HTMLParagraphElement {
  const line = el('p', '', role === 'alert' ? 'error' : 'status');
  line.setAttribute('role', role);
  return line;
}

const SVG = 'http://www.w3.org/2000/svg';

export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Readonly<Record<string, string | number>> = {},
  text = '',
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  if (text) element.textContent = text;
  return element;
}
