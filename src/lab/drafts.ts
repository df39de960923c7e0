import { newRecordId, openLabDrafts } from '../storage/index.ts';
import type { LabDraft, LabDraftStore } from '../storage/index.ts';

/** How long after the last keystroke a draft is written. */
export const AUTOSAVE_MS = 400;

export const SaveState = { saved: 'saved', saving: 'saving', notKept: 'notKept' } as const;
export type SaveState = (typeof SaveState)[keyof typeof SaveState];

/**
 * The drafts the Lab edits: the one open, autosaved a moment after each edit, and the list.
 * Where IndexedDB is refused the Lab still works on one unsaved draft and says so.
 */
export class Drafts {
  private store: LabDraftStore | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private pendingText: string | null = null;
  current: LabDraft;
  private readonly onSaveState: (state: SaveState) => void;

  private constructor(current: LabDraft, onSaveState: (state: SaveState) => void) {
    this.current = current;
    this.onSaveState = onSaveState;
  }

  /** Opens the store and the most recently edited draft, or a new one from `template`. */
  static async open(
    template: { name: string; text: string },
    onSaveState: (state: SaveState) => void,
  ): Promise<Drafts> {
    const drafts = new Drafts(draftOf(template.name, template.text), onSaveState);
    try {
      drafts.store = await openLabDrafts();
    } catch {
      onSaveState(SaveState.notKept);
      return drafts;
    }
    const [latest] = await drafts.store.list();
    if (latest) drafts.current = latest;
    else await drafts.store.put(drafts.current);
    onSaveState(SaveState.saved);
    return drafts;
  }

  get kept(): boolean {
    return this.store !== null;
  }

  list(): Promise<readonly LabDraft[]> {
    return this.store ? this.store.list() : Promise.resolve([this.current]);
  }

  /** The open draft's text changed: written after `AUTOSAVE_MS` of quiet. */
  edit(text: string): void {
    this.current = { ...this.current, text, updatedAt: Date.now() };
    if (!this.store) return;
    this.pendingText = text;
    this.onSaveState(SaveState.saving);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      void this.flush();
    }, AUTOSAVE_MS);
  }

  /** Writes a pending edit now (before playing, switching drafts or leaving). */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.pendingText === null || !this.store) return;
    this.pendingText = null;
    try {
      await this.store.put(this.current);
      // Another edit may have come in while this one was written: it is still to save.
      if (!this.hasPending()) this.onSaveState(SaveState.saved);
    } catch {
      this.onSaveState(SaveState.notKept);
    }
  }

  private hasPending(): boolean {
    return this.pendingText !== null;
  }

  /** Starts a new draft and makes it the open one. */
  async create(name: string, text: string): Promise<LabDraft> {
    await this.flush();
    this.current = draftOf(name, text);
    await this.store?.put(this.current);
    return this.current;
  }

  /** Makes a kept draft the open one. */
  async switchTo(id: string): Promise<LabDraft | null> {
    await this.flush();
    const draft = await this.store?.get(id);
    if (draft) this.current = draft;
    return draft ?? null;
  }

  async rename(id: string, name: string): Promise<void> {
    await this.flush();
    if (id === this.current.id) this.current = { ...this.current, name };
    await this.store?.rename(id, name, Date.now());
  }

  /** Deletes a draft; when it was the open one, the next most recent opens (or null: none left). */
  async remove(id: string): Promise<LabDraft | null> {
    await this.flush();
    await this.store?.remove(id);
    if (id !== this.current.id) return this.current;
    const [next] = (await this.store?.list()) ?? [];
    if (next) this.current = next;
    return next ?? null;
  }
}

/** A new draft, stamped now: the Lab is the edge where the clock and randomness are read. */
function draftOf(name: string, text: string): LabDraft {
  const now = Date.now();
  return { id: newRecordId(), name, text, createdAt: now, updatedAt: now };
}
