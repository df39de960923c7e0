import type { Caption } from '../audio/index.ts';
import { t } from './i18n/index.ts';

/** Longest a caption for a looping sound stays up; a one-shot stays as long as it plays. */
const LOOP_CAPTION_MS = 2500;
const MIN_CAPTION_MS = 1500;

/**
 * Shows every sound as text (`[Phone rings]`), for players who cannot hear it: a visible strip
 * over the top of the game. Screen readers skip it (aria-hidden): the mirror already carries the
 * call, and sound captions would drown the customer's lines.
 */
export class CaptionsView {
  private readonly root: HTMLElement;
  private readonly timers = new Map<HTMLElement, number>();

  constructor(root: HTMLElement) {
    this.root = root;
  }

  show(caption: Caption): void {
    const line = document.createElement('span');
    line.textContent = t(caption.captionKey);
    line.dataset.sound = caption.sound;
    this.root.append(line);
    while (this.root.children.length > 3) this.root.firstElementChild?.remove();
    const lasts = caption.loop ? LOOP_CAPTION_MS : Math.max(MIN_CAPTION_MS, caption.durationMs);
    this.timers.set(
      line,
      window.setTimeout(() => {
        line.remove();
        this.timers.delete(line);
      }, lasts),
    );
  }
}
