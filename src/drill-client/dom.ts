/**
 * A new element with text (never HTML: names come from players) and an optional class; the drill
 * screens in the game and the trainer's dashboard build their DOM with it.
 */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text = '',
  className = '',
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (text) element.textContent = text;
  if (className) element.className = className;
  return element;
}
