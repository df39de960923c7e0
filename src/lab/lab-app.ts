import { loadScenario } from '../engine/index.ts';
import type { Scenario } from '../engine/index.ts';
import { t } from '../game/i18n/index.ts';
import { downloadText } from '../storage/index.ts';
import { button, el } from './dom.ts';
import { Drafts, SaveState } from './drafts.ts';
import { DraftsPanel } from './drafts-panel.ts';
import { createEditor } from './editor.ts';
import type { LabEditor } from './editor.ts';
import { ExplorerClient } from './explorer-client.ts';
import { ExplorerPanel } from './explorer-panel.ts';
import { GraphPanel } from './graph-panel.ts';
import { PlayPanel } from './play-panel.ts';
import type { PlayRequest } from './play-panel.ts';
import { ProblemsPanel } from './problems-panel.ts';
import { STARTER_TEMPLATE } from './template.ts';
import './lab.css';

/** Quiet time after a keystroke before the file is checked (the loader takes 10–50 ms). */
export const VALIDATE_MS = 300;
/** The file name problems are reported against. */
const FILE = 'draft.yaml';
const YAML_FILES = '.yaml,.yml,text/yaml,application/yaml,text/plain';

/** What the Lab asks of the game: start a playtest call, or leave. */
export interface LabHost {
  play(request: PlayRequest): void;
  back(): void;
}

/**
 * The Scenario Lab: the editor with live validation, the drafts, the graph, the explorer and
 * "play from here", as one DOM screen laid over the game's canvas. Built once and kept while
 * the page lives, so a playtest call and the way back never lose the editor's state.
 */
export class LabApp {
  readonly root: HTMLElement;
  private readonly editor: LabEditor;
  private readonly drafts: Drafts;
  private readonly draftsPanel: DraftsPanel;
  private readonly problems: ProblemsPanel;
  private readonly graph: GraphPanel;
  private readonly play: PlayPanel;
  private readonly explorerPanel: ExplorerPanel;
  private readonly explorer: ExplorerClient;
  private readonly saveState: HTMLElement;
  private readonly fileInput: HTMLInputElement;
  private host: LabHost;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private scenario: Scenario | null = null;

  static async create(host: LabHost): Promise<LabApp> {
    let report: (state: SaveState) => void = () => undefined;
    const drafts = await Drafts.open(
      { name: t('lab.untitled'), text: STARTER_TEMPLATE },
      (state) => {
        report(state);
      },
    );
    const app = new LabApp(host, drafts);
    report = (state) => {
      app.showSaveState(state);
    };
    app.showSaveState(drafts.kept ? SaveState.saved : SaveState.notKept);
    return app;
  }

  private constructor(host: LabHost, drafts: Drafts) {
    this.host = host;
    this.drafts = drafts;
    this.saveState = el('p', { class: 'lab-save', id: 'lab-save', role: 'status' });
    this.fileInput = el('input', {
      type: 'file',
      accept: YAML_FILES,
      hidden: true,
      'aria-hidden': 'true',
      tabindex: -1,
    });
    this.fileInput.addEventListener('change', () => {
      const file = this.fileInput.files?.[0];
      this.fileInput.value = '';
      if (file) void this.openFile(file);
    });
    this.draftsPanel = new DraftsPanel(
      {
        open: (id) => void this.switchTo(id),
        rename: (draft) => void this.rename(draft.id, draft.name),
        remove: (draft) => void this.remove(draft.id, draft.name),
      },
      button(t('lab.newDraft'), () => void this.newDraft(t('lab.untitled'), STARTER_TEMPLATE), {
        class: 'lab-primary',
        id: 'lab-new',
      }),
    );
    this.problems = new ProblemsPanel((problem) => {
      this.editor.jumpTo(problem.line, problem.column);
    });
    this.graph = new GraphPanel((vertex) => {
      this.graph.select(vertex.id);
      this.play.select(vertex.id);
      this.editor.jumpTo(vertex.line);
    });
    this.play = new PlayPanel((request) => {
      void this.drafts.flush().then(() => {
        this.host.play(request);
      });
    });
    this.explorerPanel = new ExplorerPanel();
    this.explorer = new ExplorerClient((response) => {
      this.explorerPanel.show(response);
      if (response.summary.ok)
        this.graph.setFaults({
          unreachable: new Set(response.summary.unreachableNodes),
          deadEnds: new Set(response.summary.deadEnds),
        });
    });

    const editorHost = el('div', { class: 'lab-editor', id: 'lab-editor' });
    const dropHint = el('div', {
      class: 'lab-drop',
      'aria-hidden': 'true',
      text: t('lab.dropHint'),
    });
    this.root = el(
      'section',
      { id: 'lab', class: 'lab', 'aria-label': t('lab.title'), hidden: true },
      [
        el('header', { class: 'lab-header' }, [
          el('div', { class: 'lab-brand' }, [
            el('h1', { text: t('lab.title') }),
            el('p', { text: t('lab.subtitle') }),
          ]),
          this.saveState,
          el('div', { class: 'lab-toolbar' }, [
            button(
              t('lab.openFile'),
              () => {
                this.fileInput.click();
              },
              { id: 'lab-open' },
            ),
            button(
              t('lab.download'),
              () => {
                this.download();
              },
              { id: 'lab-download' },
            ),
            button(t('lab.back'), () => void this.leave(), { id: 'lab-back' }),
            this.fileInput,
          ]),
        ]),
        el('div', { class: 'lab-body' }, [
          this.draftsPanel.element,
          el('main', { class: 'lab-main' }, [
            el('label', {
              class: 'lab-editor-label',
              id: 'lab-editor-label',
              text: t('lab.editor'),
            }),
            editorHost,
            dropHint,
          ]),
          el('aside', { class: 'lab-side' }, [
            this.problems.element,
            this.graph.element,
            this.play.element,
            this.explorerPanel.element,
          ]),
        ]),
      ],
    );
    this.editor = createEditor(editorHost, {
      text: drafts.current.text,
      label: t('lab.editor'),
      writeInstead: (hint) => t('lab.writeInstead', { hint }),
      onChange: (text) => {
        this.drafts.edit(text);
        this.schedule();
      },
    });
    this.wireDomEvents(editorHost);
    document.body.append(this.root);
    this.check();
    void this.refreshList();
  }

  /** Shows the Lab (again): the same editor, draft and undo history as before the playtest. */
  show(host: LabHost): void {
    this.host = host;
    this.root.hidden = false;
    this.editor.view.requestMeasure();
    this.editor.view.focus();
  }

  hide(): void {
    this.root.hidden = true;
  }

  private wireDomEvents(editorHost: HTMLElement): void {
    // Keys typed here are the trainer's, not the game's: Phaser listens on the window.
    for (const type of ['keydown', 'keyup'] as const)
      this.root.addEventListener(type, (event) => {
        event.stopPropagation();
      });
    // A dropped file opens as a new draft; capture it before the editor would insert its text.
    this.root.addEventListener('dragover', (event) => {
      if (!event.dataTransfer?.types.includes('Files')) return;
      event.preventDefault();
      this.root.classList.add('lab-dragging');
    });
    this.root.addEventListener('dragleave', (event) => {
      if (event.target === editorHost || !this.root.contains(event.relatedTarget as Node | null))
        this.root.classList.remove('lab-dragging');
    });
    this.root.addEventListener(
      'drop',
      (event) => {
        const file = event.dataTransfer?.files[0];
        this.root.classList.remove('lab-dragging');
        if (!file) return;
        event.preventDefault();
        event.stopPropagation();
        void this.openFile(file);
      },
      true,
    );
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.problems.checking();
    this.timer = setTimeout(() => {
      this.check();
    }, VALIDATE_MS);
  }

  /** Checks the text with the engine's loader (as the CLI does) and updates every panel. */
  private check(): void {
    this.timer = null;
    const text = this.editor.text();
    const startedAt = performance.now();
    const result = loadScenario(text, FILE);
    const ms = performance.now() - startedAt;
    this.editor.showProblems(result.problems);
    this.problems.show(result.problems, ms);
    this.graph.setFaults(null);
    this.graph.update(text);
    this.scenario = result.ok ? result.value : null;
    this.play.setScenario(this.scenario);
    if (result.ok) {
      this.explorerPanel.running();
      this.explorer.run(result.value);
    } else {
      this.explorer.stop();
      this.explorerPanel.waiting();
    }
  }

  private showSaveState(state: SaveState): void {
    this.saveState.dataset.state = state;
    this.saveState.textContent =
      state === SaveState.saved
        ? t('lab.saved')
        : state === SaveState.saving
          ? t('lab.saving')
          : t('lab.notKept');
    if (state === SaveState.saved) void this.refreshList();
  }

  private async refreshList(): Promise<void> {
    this.draftsPanel.show(await this.drafts.list(), this.drafts.current.id);
  }

  /** Puts a draft in the editor and checks it at once. */
  private loadIntoEditor(text: string): void {
    this.editor.load(text);
    this.graph.select(null);
    this.check();
    void this.refreshList();
  }

  private async newDraft(name: string, text: string): Promise<void> {
    const draft = await this.drafts.create(name, text);
    this.loadIntoEditor(draft.text);
  }

  private async openFile(file: File): Promise<void> {
    const text = await file.text();
    await this.newDraft(file.name.replace(/\.ya?ml$/iu, '') || t('lab.untitled'), text);
  }

  private async switchTo(id: string): Promise<void> {
    if (id === this.drafts.current.id) return;
    const draft = await this.drafts.switchTo(id);
    if (draft) this.loadIntoEditor(draft.text);
  }

  private async rename(id: string, name: string): Promise<void> {
    const next = window.prompt(t('lab.renamePrompt'), name)?.trim();
    if (!next || next === name) return;
    await this.drafts.rename(id, next);
    await this.refreshList();
  }

  private async remove(id: string, name: string): Promise<void> {
    if (!window.confirm(t('lab.removeConfirm', { name }))) return;
    const wasCurrent = id === this.drafts.current.id;
    const next = await this.drafts.remove(id);
    if (!next) await this.newDraft(t('lab.untitled'), STARTER_TEMPLATE);
    else if (wasCurrent) this.loadIntoEditor(next.text);
    else await this.refreshList();
  }

  /** Saves the text as a .yaml file named after the scenario's id (or the draft's name). */
  private download(): void {
    const text = this.editor.text();
    const id = /^id:\s*([a-z0-9-]+)/mu.exec(text)?.[1];
    const name = id ?? this.drafts.current.name.replace(/[^\p{L}\p{N}-]+/gu, '-');
    downloadText(`${name}.yaml`, text, 'text/yaml');
  }

  private async leave(): Promise<void> {
    await this.drafts.flush();
    this.host.back();
  }
}
