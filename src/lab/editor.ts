import { autocompletion, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { yaml, yamlLanguage } from '@codemirror/lang-yaml';
import {
  HighlightStyle,
  bracketMatching,
  indentUnit,
  syntaxHighlighting,
} from '@codemirror/language';
import { lintGutter, lintKeymap, setDiagnostics } from '@codemirror/lint';
import { highlightSelectionMatches, search, searchKeymap } from '@codemirror/search';
import { EditorSelection, EditorState } from '@codemirror/state';
import type { Extension, StateCommand } from '@codemirror/state';
import {
  EditorView,
  drawSelection,
  dropCursor,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import { tags } from '@lezer/highlight';
import { scenarioJsonSchema } from '../engine/index.ts';
import type { Problem } from '../engine/index.ts';
import { toDiagnostics, offsetOf } from './diagnostics.ts';
import { graphOf } from './graph-model.ts';
import { schemaCompletion } from './schema-completion.ts';
import type { SchemaNode } from './schema-completion.ts';

const INDENT = '  ';

/** Enter keeps the line's indentation, one level deeper after a `key:` that opens a block. */
const newlineAndIndent: StateCommand = ({ state, dispatch }) => {
  dispatch(
    state.update(
      state.changeByRange((range) => {
        const line = state.doc.lineAt(range.from);
        const before = line.text.slice(0, range.from - line.from);
        const indent = /^\s*(- )?/u.exec(before)?.[0].replace('-', ' ') ?? '';
        const deeper = /:\s*(#.*)?$/u.test(before) ? INDENT : '';
        const insert = `\n${indent}${deeper}`;
        return {
          changes: { from: range.from, to: range.to, insert },
          range: EditorSelection.cursor(range.from + insert.length),
        };
      }),
      { scrollIntoView: true, userEvent: 'input' },
    ),
  );
  return true;
};

/** Tab and Shift-Tab move the selected lines by one level (YAML has no tabs). */
function shiftLines(direction: 1 | -1): StateCommand {
  return ({ state, dispatch }) => {
    const changes = [];
    const seen = new Set<number>();
    for (const range of state.selection.ranges) {
      for (let at = range.from; at <= range.to;) {
        const line = state.doc.lineAt(at);
        if (!seen.has(line.number)) {
          seen.add(line.number);
          if (direction === 1) changes.push({ from: line.from, insert: INDENT });
          else {
            const spaces = /^ {0,2}/u.exec(line.text)?.[0].length ?? 0;
            if (spaces > 0) changes.push({ from: line.from, to: line.from + spaces });
          }
        }
        at = line.to + 1;
      }
    }
    dispatch(
      state.update({ changes, userEvent: direction === 1 ? 'input.indent' : 'delete.dedent' }),
    );
    return true;
  };
}

/** The game's palette (src/game/theme.ts) for the editor's chrome. */
const darkTheme = EditorView.theme(
  {
    '&': { color: '#f1f1f1', backgroundColor: '#0f1a30', height: '100%' },
    '.cm-scroller': {
      fontFamily: 'ui-monospace, "Cascadia Code", "Fira Code", Menlo, Consolas, monospace',
      lineHeight: '1.55',
    },
    '.cm-content': { caretColor: '#fca311' },
    '.cm-cursor, .cm-dropCursor': { borderLeftColor: '#fca311', borderLeftWidth: '2px' },
    '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': {
      backgroundColor: '#2b3f6b',
    },
    '.cm-gutters': { backgroundColor: '#14213d', color: '#7f8bab', border: 'none' },
    '.cm-activeLineGutter': { backgroundColor: '#1f2f54', color: '#f1f1f1' },
    '.cm-activeLine': { backgroundColor: '#16264a' },
    '.cm-tooltip': { backgroundColor: '#1f2f54', color: '#f1f1f1', border: '1px solid #2b3f6b' },
    '.cm-tooltip-autocomplete > ul > li[aria-selected]': {
      backgroundColor: '#fca311',
      color: '#14213d',
    },
    '.cm-diagnostic-error': { borderLeftColor: '#e63946', whiteSpace: 'pre-wrap' },
    '.cm-lintRange-error': {
      backgroundImage: 'none',
      textDecoration: 'underline wavy #ff6b76',
      textUnderlineOffset: '3px',
    },
    '.cm-panels': { backgroundColor: '#14213d', color: '#f1f1f1' },
  },
  { dark: true },
);

const highlight = HighlightStyle.define([
  { tag: [tags.definition(tags.propertyName), tags.propertyName], color: '#8ecae6' },
  { tag: [tags.string, tags.content], color: '#f1f1f1' },
  { tag: [tags.number, tags.bool, tags.null], color: '#fca311' },
  { tag: [tags.comment, tags.lineComment], color: '#8a96b3', fontStyle: 'italic' },
  { tag: [tags.keyword, tags.typeName, tags.labelName], color: '#c77dff' },
  { tag: [tags.punctuation, tags.separator, tags.squareBracket, tags.brace], color: '#a9b4c9' },
]);

/** What the Lab needs from its editor. */
export interface LabEditor {
  readonly view: EditorView;
  text(): string;
  /** Replaces the whole document and its undo history (another draft was opened). */
  load(text: string): void;
  /** Marks the loader's problems in the lint gutter and under the text. */
  showProblems(problems: readonly Problem[]): void;
  /** Puts the cursor at a 1-based line and column, scrolled into the middle, and focuses. */
  jumpTo(line: number, column?: number): void;
}

/**
 * A CodeMirror 6 editor for scenario YAML: highlighting, line numbers, the lint gutter fed by
 * the engine's loader, and completion from the scenario JSON Schema (the same zod schema the
 * loader validates with). `onChange` runs after every edit of the document.
 */
export function createEditor(
  parent: HTMLElement,
  options: {
    text: string;
    label: string;
    onChange: (text: string) => void;
    writeInstead: (hint: string) => string;
  },
): LabEditor {
  const schema = scenarioJsonSchema() as SchemaNode;
  const ids = (text: string) => graphOf(text)?.vertices.map((vertex) => vertex.id) ?? [];
  const extensions = (): Extension[] => [
    lineNumbers(),
    lintGutter(),
    highlightActiveLineGutter(),
    highlightActiveLine(),
    drawSelection(),
    dropCursor(),
    history(),
    search({ top: true }),
    highlightSelectionMatches(),
    bracketMatching(),
    indentUnit.of(INDENT),
    EditorState.tabSize.of(2),
    yaml(),
    syntaxHighlighting(highlight),
    yamlLanguage.data.of({ autocomplete: schemaCompletion(schema, ids) }),
    autocompletion(),
    keymap.of([
      { key: 'Enter', run: newlineAndIndent },
      { key: 'Tab', run: shiftLines(1) },
      { key: 'Shift-Tab', run: shiftLines(-1) },
      ...completionKeymap,
      ...lintKeymap,
      ...historyKeymap,
      ...searchKeymap,
      ...defaultKeymap,
    ]),
    darkTheme,
    EditorView.contentAttributes.of({ 'aria-label': options.label }),
    EditorView.updateListener.of((update) => {
      if (update.docChanged) options.onChange(update.state.doc.toString());
    }),
  ];
  const view = new EditorView({
    parent,
    state: EditorState.create({ doc: options.text, extensions: extensions() }),
  });
  return {
    view,
    text: () => view.state.doc.toString(),
    load(text) {
      view.setState(EditorState.create({ doc: text, extensions: extensions() }));
    },
    showProblems(problems) {
      view.dispatch(
        setDiagnostics(view.state, toDiagnostics(view.state.doc, problems, options.writeInstead)),
      );
    },
    jumpTo(line, column = 1) {
      const at = offsetOf(view.state.doc, line, column);
      view.dispatch({
        selection: EditorSelection.cursor(at),
        effects: EditorView.scrollIntoView(at, { y: 'center' }),
      });
      view.focus();
    },
  };
}
