import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { python } from '@codemirror/lang-python';
import { defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { type Diagnostic, lintGutter, setDiagnostics } from '@codemirror/lint';
import { Compartment, EditorState, Prec, RangeSetBuilder, StateEffect, StateField } from '@codemirror/state';
import { Decoration, type DecorationSet, EditorView, keymap, lineNumbers } from '@codemirror/view';

/** Lights the lines from `from` to `to` (offsets; null clears it): the statement that just ran. */
export const setCurrent = StateEffect.define<{ from: number; to: number } | null>();

const currentLine = Decoration.line({ class: 'code-panel__current' });

/** The lit statement's lines; an edit of the text clears it. */
const currentField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(deco, tr) {
    for (const e of tr.effects) {
      if (!e.is(setCurrent)) continue;
      if (!e.value) return Decoration.none;
      const b = new RangeSetBuilder<Decoration>();
      const doc = tr.state.doc;
      const first = doc.lineAt(Math.min(e.value.from, doc.length)).number;
      const last = doc.lineAt(Math.min(e.value.to, doc.length)).number;
      for (let n = first; n <= last; n++) b.add(doc.line(n).from, doc.line(n).from, currentLine);
      return b.finish();
    }
    return tr.docChanged ? Decoration.none : deco;
  },
  provide: (f) => EditorView.decorations.from(f),
});

/** What the editor calls back: Ctrl/Cmd+Enter runs the code; every edit reports the text. */
export interface EditorHooks {
  readonly run: () => void;
  readonly changed: (text: string) => void;
}

/** Whether the editor takes edits (a training graph's exported script is read-only for now). */
export const editable = new Compartment();

/** A CodeMirror 6 editor for Python: line numbers, undo, highlighting, diagnostics, Ctrl/Cmd+Enter to run, labelled for screen readers. */
export function createEditor(parent: HTMLElement, text: string, label: string, hooks: EditorHooks): EditorView {
  return new EditorView({
    parent,
    state: EditorState.create({
      doc: text,
      extensions: [
        lineNumbers(),
        history(),
        Prec.highest(keymap.of([{ key: 'Mod-Enter', run: () => (hooks.run(), true) }])),
        keymap.of([...defaultKeymap, ...historyKeymap]),
        python(),
        syntaxHighlighting(defaultHighlightStyle),
        lintGutter(),
        currentField,
        editable.of(EditorView.editable.of(true)),
        EditorView.contentAttributes.of({ 'aria-label': label, 'data-testid': 'code.editor' }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) hooks.changed(u.state.doc.toString());
        }),
      ],
    }),
  });
}

/** Replaces the editor's whole text (without reporting it as the learner's edit). */
export function replaceText(view: EditorView, text: string): void {
  if (view.state.doc.toString() === text) return;
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, effects: setCurrent.of(null) });
}

/** Shows one diagnostic (or none) in the editor, marking its place. */
export function showDiagnostic(view: EditorView, d: Diagnostic | null): void {
  const len = view.state.doc.length;
  const fixed = d ? { ...d, from: Math.min(d.from, len), to: Math.min(Math.max(d.to, d.from), len) } : null;
  view.dispatch(setDiagnostics(view.state, fixed ? [fixed] : []));
}

/** Makes the editor read-only or editable. */
export function setEditable(view: EditorView, on: boolean): void {
  view.dispatch({ effects: [editable.reconfigure([EditorView.editable.of(on), EditorState.readOnly.of(!on)])] });
}
