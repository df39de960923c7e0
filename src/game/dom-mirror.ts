import type Phaser from 'phaser';
import { RegistryKey } from './keys.ts';

/** One thing the player can do, as a real button in the mirror. */
export interface MirrorAction {
  readonly label: string;
  readonly onPick: () => void;
  /** Stable data for tests and assistive tech, e.g. the choice id. */
  readonly data?: Readonly<Record<string, string>>;
}

/**
 * A DOM copy of what the canvas shows, for screen readers, keyboard users and browser tests:
 * the customer's line in an `aria-live` region, the situation in a status line, and the choices
 * as real buttons in canvas order. The scenes keep it in sync; it never decides anything.
 */
export class DomMirror {
  private readonly heading: HTMLElement;
  private readonly status: HTMLElement;
  private readonly live: HTMLElement;
  private readonly actions: HTMLElement;

  constructor(root: HTMLElement) {
    root.replaceChildren();
    this.heading = append(root, 'h1');
    this.status = append(root, 'p');
    this.status.setAttribute('role', 'status');
    this.live = append(root, 'p');
    this.live.setAttribute('aria-live', 'polite');
    this.actions = append(root, 'div');
    this.actions.setAttribute('role', 'group');
  }

  setScreen(title: string, state: string): void {
    this.heading.textContent = title;
    this.heading.parentElement?.setAttribute('data-screen', state);
  }

  setStatus(text: string, data: Readonly<Record<string, string>> = {}): void {
    this.status.textContent = text;
    for (const [key, value] of Object.entries(data)) this.status.dataset[key] = value;
  }

  announce(text: string): void {
    this.live.textContent = text;
  }

  setActions(label: string, actions: readonly MirrorAction[]): void {
    this.actions.setAttribute('aria-label', label);
    this.actions.replaceChildren(
      ...actions.map((action, index) => {
        const button = document.createElement('button');
        button.type = 'button';
        button.textContent = `${index + 1}. ${action.label}`;
        for (const [key, value] of Object.entries(action.data ?? {})) button.dataset[key] = value;
        button.addEventListener('click', () => {
          action.onPick();
        });
        return button;
      }),
    );
  }
}

function append(parent: HTMLElement, tag: string): HTMLElement {
  const element = document.createElement(tag);
  parent.append(element);
  return element;
}

/** The scene's DOM mirror (a detached one when the page has none, so scenes never branch). */
export function mirrorOf(scene: Phaser.Scene): DomMirror {
  const found: unknown = scene.registry.get(RegistryKey.mirror);
  if (found instanceof DomMirror) return found;
  const detached = new DomMirror(document.createElement('section'));
  scene.registry.set(RegistryKey.mirror, detached);
  return detached;
}
